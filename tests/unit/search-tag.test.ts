import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeholdersIn, SEARCH_TAG_PLACEHOLDER, TAG_LENGTH, TagHash, writeTagAt } from '../../src/lib/search/tag.ts';
import { removeFully } from '../../src/lib/discard.ts';

const tagOf = (...inputs: [string, string][]) => inputs.reduce((h, [name, text]) => h.add(name, text), new TagHash()).digest();

describe('TagHash', () => {
  it('is the same for the same inputs', () => {
    expect(tagOf(['a', '1'], ['b', '2'])).toBe(tagOf(['a', '1'], ['b', '2']));
  });

  it('changes when any input or name changes', () => {
    const base = tagOf(['a', '1'], ['b', '2']);
    expect(tagOf(['a', '1'], ['b', '3'])).not.toBe(base);
    expect(tagOf(['a', '1'], ['c', '2'])).not.toBe(base);
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(tagOf(['ab', 'c'])).not.toBe(tagOf(['a', 'bc']));
  });
});

/** The placeholders found in a file and the tag written over them, as the search integration does. */
function tagFile(path: string, tag: string): number {
  const at = placeholdersIn(readFileSync(path));
  writeTagAt(path, at, tag);
  return at.length;
}

// The tag is patched into the built pages in place, so the placeholder must be exactly as long as a tag.
describe('placeholdersIn and writeTagAt', () => {
  const tag = tagOf(['pagefind-entry.json', '{}']);
  const withPage = (html: string, check: (path: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'tag-'));
    try {
      const path = join(dir, 'index.html');
      writeFileSync(path, html);
      check(path);
    } finally {
      removeFully(dir);
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
