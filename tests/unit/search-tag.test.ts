import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { metaCacheTag, SEARCH_TAG_PLACEHOLDER, TAG_LENGTH, tagFile } from '../../src/lib/search/tag.ts';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('metaCacheTag', () => {
  it('is the same for the same files in any order', () => {
    const a = [file('pagefind-entry.json', '{"a":1}'), file('index/en_1.pf_index', 'x')];
    expect(metaCacheTag(a)).toBe(metaCacheTag([...a].reverse()));
  });

  it('changes when any file or name changes', () => {
    const base = metaCacheTag([file('a', '1'), file('b', '2')]);
    expect(metaCacheTag([file('a', '1'), file('b', '3')])).not.toBe(base);
    expect(metaCacheTag([file('a', '1'), file('c', '2')])).not.toBe(base);
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(metaCacheTag([file('ab', 'c')])).not.toBe(metaCacheTag([file('a', 'bc')]));
  });

});

// The tag is patched into the built pages in place, so the placeholder must be exactly as long as a tag.
describe('tagFile', () => {
  const tag = metaCacheTag([file('pagefind-entry.json', '{}')]);
  const withPage = (html: string, check: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'tag-'));
    try {
      const path = join(dir, 'index.html');
      writeFileSync(path, html);
      check(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('has a placeholder of the tag\'s length, in ASCII', () => {
    expect(tag).toHaveLength(TAG_LENGTH);
    expect(SEARCH_TAG_PLACEHOLDER).toHaveLength(TAG_LENGTH);
    expect(Buffer.byteLength(SEARCH_TAG_PLACEHOLDER)).toBe(TAG_LENGTH);
  });

  it('gives the same bytes as replacing every placeholder in the text, after multi-byte characters too', () => {
    const html = `<p>«Straße» — 東京 😀</p><pagefind-config meta-cache-tag="${SEARCH_TAG_PLACEHOLDER}"></pagefind-config>\n<x data-t="${SEARCH_TAG_PLACEHOLDER}">${SEARCH_TAG_PLACEHOLDER}</x>`;
    withPage(html, (path) => {
      expect(tagFile(path, tag)).toBe(3);
      expect(readFileSync(path, 'utf8')).toBe(html.replaceAll(SEARCH_TAG_PLACEHOLDER, tag));
      expect(statSync(path).size).toBe(Buffer.byteLength(html));
    });
  });

  it('leaves a page without a placeholder untouched', () => {
    withPage('<p>no search here</p>', (path) => {
      const before = statSync(path).mtimeMs;
      expect(tagFile(path, tag)).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe('<p>no search here</p>');
      expect(statSync(path).mtimeMs).toBe(before);
    });
  });

  it('refuses a tag that would not fit the placeholder', () => {
    withPage(`<x data-t="${SEARCH_TAG_PLACEHOLDER}">`, (path) => {
      expect(() => tagFile(path, 'abc')).toThrow(/16 hex digits/);
      expect(readFileSync(path, 'utf8')).toBe(`<x data-t="${SEARCH_TAG_PLACEHOLDER}">`);
    });
  });
});
