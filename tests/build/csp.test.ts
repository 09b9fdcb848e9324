import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDirectives, parseHeadersFile, policyFromHtml, unsafeSources } from '../../src/lib/security/policy.ts';
import { htmlPages, readPage, siteDir } from '../helpers/site.ts';

const pages = () => htmlPages().map((path) => ({ path, html: readPage(path) }));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const sources = (policy: string, directive: string) => parseDirectives(policy).find(([name]) => name === directive)?.[1] ?? [];

describe('Content Security Policy in the built pages', () => {
  it('every page carries one policy, the same on every page, without unsafe sources', () => {
    const policies = new Map<string, string[]>();
    for (const { path, html } of pages()) {
      expect(html.match(/http-equiv="content-security-policy"/gi)?.length ?? 0, path).toBe(1);
      const policy = policyFromHtml(html)!;
      policies.set(policy, [...(policies.get(policy) ?? []), path]);
    }
    expect([...policies.keys()]).toHaveLength(1);
    const [policy] = policies.keys();
    expect(unsafeSources(policy)).toEqual([]);
    expect(sources(policy, 'script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
    expect(sources(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('no inline script runs and no inline style is needed: anything inline would need a hash the policy lacks', () => {
    const missing: string[] = [];
    for (const { path, html } of pages()) {
      const policy = policyFromHtml(html)!;
      for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const type = /\btype="([^"]*)"/i.exec(attrs)?.[1] ?? '';
        const runs = !/\bsrc=/i.test(attrs) && ['', 'module', 'text/javascript'].includes(type);
        if (runs && !sources(policy, 'script-src').includes(sha256(body))) missing.push(`${path}: inline script ${body.slice(0, 60)}`);
      }
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
        if (!sources(policy, 'style-src').includes(sha256(body))) missing.push(`${path}: inline style ${body.slice(0, 60)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no page has style or event-handler attributes, which a hash cannot allow', () => {
    const found: string[] = [];
    for (const { path, html } of pages()) {
      // Only real tags: quotes in text and in attribute values are escaped, so `<tag ...>` is markup.
      for (const [tag] of html.matchAll(/<[a-z][\w-]*\b[^>]*>/gi)) {
        const hit = /\s(style|on[a-z]+)=/i.exec(tag);
        if (hit) found.push(`${path}: ${hit[1]} in ${tag.slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('`_headers` gives every path the same policy, with the directives only a header can carry', () => {
    const rules = parseHeadersFile(readFileSync(join(siteDir(), '_headers'), 'utf8'));
    const headers = rules['/*'];
    const fromPage = policyFromHtml(readPage('/'))!;
    const header = headers['Content-Security-Policy'];
    expect(header.startsWith(fromPage)).toBe(true);
    expect(sources(header, 'frame-ancestors')).toEqual(["'none'"]);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
