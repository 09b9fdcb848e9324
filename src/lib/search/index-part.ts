import * as pagefind from 'pagefind';

/*
 * One part of the search index (parts.ts), written by a Pagefind process of its own. It runs in a
 * worker thread (index-part-worker.ts), two parts at a time, or in the build's own thread when a
 * worker cannot start: Pagefind's Node API keeps one process per module instance, so each thread
 * gets its own, and its memory is freed when the part is written.
 */

/** A record for Pagefind that is no file of the site: its address, its HTML, and a name for messages. */
export interface PartItem {
  url: string;
  source: string;
  content: string;
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

/** A part: a folder of pages, which Pagefind reads itself, and records sent to it one by one. */
export interface Part {
  dir: string;
  items: PartItem[];
}

/** Writes the part's index into `out`. */
export async function writePart(part: Part, out: string): Promise<void> {
  // Back-links after marked passages ("claim", "response") and a caption's "Photo caption" label
  // are the page's words, not the article's; the label would also run into the caption's first word.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.passage-ref', '.caption .label'] });
  if (!index) throw new PartError({ problems: errors });
  try {
    const pages = await index.addDirectory({ path: part.dir });
    if (pages.errors.length) throw new PartError({ problems: pages.errors });
    for (const item of part.items) {
      const added = await index.addHTMLFile({ url: item.url, content: item.content });
      if (added.errors.length) throw new PartError({ problems: added.errors.map((e) => `${item.source}: ${e}`) });
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new PartError({ problems: written.errors });
  } finally {
    await pagefind.close();
  }
}
