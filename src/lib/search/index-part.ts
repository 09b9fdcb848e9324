import * as pagefind from 'pagefind';
import { findPackageJSON } from 'node:module';
import { readFileSync } from 'node:fs';
import { SearchIndexError } from './index-error.ts';

/*
 * One part of the search index (parts.ts), written by a Pagefind process of its own: Pagefind's
 * Node API starts its process on the first call and `close()` ends it, so the memory of a part's
 * index is given back before the next part starts.
 */

/** A record for Pagefind that is no file of the site: its address, its HTML, and a name for messages. */
export interface PartItem {
  url: string;
  source: string;
  content: string;
}

/** A part: a folder of pages, which Pagefind reads itself, and records sent to it one by one. */
export interface Part {
  dir: string;
  items: PartItem[];
}

/**
 * How every part is indexed. Back-links after marked passages ("claim", "response") and a
 * caption's "Photo caption" label are the page's words, not the article's; the label would also
 * run into the caption's first word.
 */
export const PAGEFIND_CONFIG = { excludeSelectors: ['.passage-ref', '.caption .label'] };

/** The installed Pagefind's version: with the same pages and config, the same index (the search tag, tag.ts). */
export function pagefindVersion(): string {
  const file = findPackageJSON('pagefind', import.meta.url);
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

/** Writes the part's index into `out`. */
export async function writePart(part: Part, out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  if (!index) throw new SearchIndexError(errors);
  try {
    const pages = await index.addDirectory({ path: part.dir });
    if (pages.errors.length) throw new SearchIndexError(pages.errors);
    for (const item of part.items) {
      const added = await index.addHTMLFile({ url: item.url, content: item.content });
      if (added.errors.length) throw new SearchIndexError(added.errors.map((e) => `${item.source}: ${e}`));
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new SearchIndexError(written.errors);
  } finally {
    await pagefind.close();
  }
}
