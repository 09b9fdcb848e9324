import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { readFragments } from '../../src/lib/search/fragments.ts';
import { readPage, siteDir } from '../helpers/site.ts';

const { dossier } = verifyContent('src/content');

/** The text Pagefind indexed for each page, by URL. */
function indexedText(): Map<string, string> {
  return new Map(readFragments(join(siteDir(), 'pagefind')).map((f) => [f.url, f.content]));
}

describe('what search indexes of a source page', () => {
  const indexed = indexedText();
  const sources = [...dossier!.sources.values()];

  it('holds every block of the cleaned text as words of its own, captions included', () => {
    expect(sources.some((s) => s.blocks.some((b) => b.kind === 'caption'))).toBe(true);
    const glued: string[] = [];
    for (const source of sources) {
      const content = indexed.get(`/sources/${source.id}/`) ?? '';
      expect(content, source.id).not.toBe('');
      for (const block of source.blocks) {
        const text = block.text.replace(/\s+/g, ' ');
        const at = content.indexOf(text);
        // A block must be found whole, and start a word: glued to a label before it, its first word is lost to search.
        if (at < 0 || (at > 0 && content[at - 1] !== ' ')) glued.push(`${source.id}: ${content.slice(Math.max(0, at - 20), at + 40) || text.slice(0, 60)}`);
      }
    }
    expect(glued).toEqual([]);
  });

  it('leaves out the labels the page shows around the text', () => {
    for (const source of sources) expect(indexed.get(`/sources/${source.id}/`), source.id).not.toContain('Photo caption');
  });
});

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad' };
const decode = (text: string) => text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ENTITIES[e.toLowerCase()] ?? m);
/** A token without the punctuation around it. */
const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

describe('what search indexes of every page', () => {
  it('is words of the page: no two run together where two elements meet', () => {
    const glued: string[] = [];
    for (const [url, content] of indexedText()) {
      const path = url.split('#')[0];
      // The page's text as its elements hold it, one text node at a time.
      const nodes = [...readPage(path).matchAll(/>([^<]+)</g)].map((m) => decode(m[1])).join('\n');
      for (const token of new Set(content.split(/\s+/).map(bare).filter(Boolean))) {
        if (!nodes.includes(token)) glued.push(`${url}: ${token}`);
      }
    }
    expect(glued).toEqual([]);
  });
});
