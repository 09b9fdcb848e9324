import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tagPages } from '../../src/lib/search/index-site.ts';
import { SEARCH_TAG_PLACEHOLDER } from '../../src/lib/search/tag.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * The search tag is known before Pagefind runs: a hash of everything the index is made from,
 * written into the pages in place. Tested on small sites written here.
 */
const config = `<pagefind-config meta-cache-tag="${SEARCH_TAG_PLACEHOLDER}"></pagefind-config>`;
const page = (body: string, marked = true) => `<!doctype html><html lang="en"><head>${config}</head><body><main${marked ? ' data-pagefind-body' : ''}>${body}</main></body></html>`;
const record = { url: '/timeline/#ctx-1', content: '<p>A context entry</p>' };

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) removeFully(dir);
});

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tag-pages-'));
  made.push(root);
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

const base = { 'index.html': page('Home'), 'sources/a/index.html': page('Geneva'), 'print/index.html': page('Everything', false) };
const tagOf = (files: Record<string, string>, records = [record], partPages?: number) => tagPages(site(files), records, { partPages }).tag;

describe('tagPages', () => {
  it('lists the pages Pagefind indexes, and writes the tag over every placeholder in place', () => {
    const root = site(base);
    const plan = tagPages(root, [record]);
    expect(plan.pages).toEqual(['index.html', 'sources/a/index.html']);
    expect(plan.count).toBe(1);
    expect(plan.tagged).toBe(3);
    expect(plan.tag).toMatch(/^[0-9a-f]{16}$/);
    for (const path of Object.keys(base)) {
      const html = readFileSync(join(root, path), 'utf8');
      expect(html).toBe(base[path as keyof typeof base].replace(SEARCH_TAG_PLACEHOLDER, plan.tag));
    }
  });

  it('indexes every page whole when none marks its text', () => {
    const plan = tagPages(site({ 'a/index.html': page('A', false), 'b/index.html': page('B', false) }));
    expect(plan.pages).toEqual(['a/index.html', 'b/index.html']);
  });

  it('is the same for the same pages and records, built again, whatever order the files were written in', () => {
    expect(tagOf(base)).toBe(tagOf(base));
    const reversed = Object.fromEntries(Object.entries(base).reverse());
    expect(tagOf(reversed)).toBe(tagOf(base));
  });

  it('changes with any page, any record, or the number of parts', () => {
    const tag = tagOf(base);
    expect(tagOf({ ...base, 'sources/a/index.html': page('Genève') })).not.toBe(tag);
    expect(tagOf({ ...base, 'sources/b/index.html': page('New') })).not.toBe(tag);
    expect(tagOf(base, [{ ...record, content: '<p>Another entry</p>' }])).not.toBe(tag);
    expect(tagOf(base, [])).not.toBe(tag);
    expect(tagOf(base, [record], 1)).not.toBe(tag);
  });
});
