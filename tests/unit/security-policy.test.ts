import { describe, expect, it } from 'vitest';
import { DIRECTIVES, headerPolicy, headersFile, hostingHeaders, pagePolicy, parseDirectives, parseHeadersFile, policyFromHtml, unsafeSources } from '../../src/lib/security/policy.ts';

const META = `<head><meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self';"></head>`;

describe('the security policy', () => {
  it('reads the policy from a page, entities decoded and spacing made regular', () => {
    expect(policyFromHtml(META)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self'");
    expect(policyFromHtml(META.replaceAll("'", '&#39;'))).toBe(policyFromHtml(META));
    expect(policyFromHtml('<head><meta name="description" content="x"></head>')).toBeUndefined();
  });

  it('the page policy keeps every directive, lets scripts and styles come only from the site, and lists no hash', () => {
    const policy = pagePolicy();
    const byName = new Map(parseDirectives(policy));
    for (const directive of DIRECTIVES) expect(byName.get(directive.split(' ')[0])).toEqual(directive.split(' ').slice(1));
    expect(byName.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(byName.get('style-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/'sha(256|384|512)-/);
    expect(unsafeSources(policy)).toEqual([]);
  });

  it('names every source that would undo it, and only those', () => {
    expect(unsafeSources("script-src 'self' 'wasm-unsafe-eval' 'sha256-x='; style-src 'self'")).toEqual([]);
    expect(unsafeSources("script-src 'self' 'unsafe-inline'; style-src 'UNSAFE-INLINE'; img-src *; connect-src https:")).toEqual([
      "script-src 'unsafe-inline'", "style-src 'UNSAFE-INLINE'", 'img-src *', 'connect-src https:',
    ]);
    expect(unsafeSources("script-src 'unsafe-eval'")).toEqual(["script-src 'unsafe-eval'"]);
  });

  it('the header form adds what only a header can carry, once', () => {
    const header = headerPolicy(policyFromHtml(META)!);
    expect(header.endsWith("; frame-ancestors 'none'")).toBe(true);
    expect(headerPolicy("default-src 'self'; frame-ancestors 'self'")).toBe("default-src 'self'; frame-ancestors 'self'");
  });

  it('`_headers` reads back as it was written', () => {
    const headers = hostingHeaders(policyFromHtml(META)!);
    const text = headersFile(headers);
    expect(text).toMatch(/^#.*\n\/\*\n {2}Content-Security-Policy: /);
    expect(parseHeadersFile(text)).toEqual({ '/*': headers });
  });
});
