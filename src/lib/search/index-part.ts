import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

/*
 * One part of the search index (parts.ts), written by a Pagefind process of its own. It runs in a
 * worker thread (index-part-worker.ts), two parts at a time, or in the build's own thread when a
 * worker cannot start: Pagefind's Node API keeps one process per module instance, so each thread
 * gets its own, and its memory is freed when the part is written.
 */

/** A page or record for Pagefind: its address, and its HTML or the file that holds it. */
export interface PartItem {
  url: string;
  /** Where it came from, for messages: a page's path in the site, or a record's name. */
  source: string;
  /** The page's file, read only when its turn comes, so a part never holds all its pages at once. */
  file?: string;
  content?: string;
}

/** A failure of Pagefind's, as the problems it named and what the author can do. */
export interface PartFailure {
  problems: string[];
  fix?: string;
}

export class PartError extends Error {
  readonly failure: PartFailure;
  constructor(failure: PartFailure) {
    super(failure.problems.join('\n'));
    this.failure = failure;
  }
}

/** Writes the part's index into `out`; resolves with how many pages and records Pagefind indexed. */
export async function writePart(items: PartItem[], out: string): Promise<number> {
  // Back-links after marked passages ("claim", "response") and a caption's "Photo caption" label
  // are the page's words, not the article's; the label would also run into the caption's first word.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.passage-ref', '.caption .label'] });
  if (!index) throw new PartError({ problems: errors });
  try {
    let indexed = 0;
    for (const item of items) {
      const content = item.content ?? readFileSync(item.file!, 'utf8');
      const added = await index.addHTMLFile({ url: item.url, content });
      if (added.errors.length) throw new PartError({ problems: added.errors.map((e) => `${item.source}: ${e}`) });
      if (added.file) indexed++;
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new PartError({ problems: written.errors });
    return indexed;
  } finally {
    await pagefind.close();
  }
}
