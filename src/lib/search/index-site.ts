import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '../files.ts';
import type { SearchRecord } from './records.ts';
import { metaCacheTag, tagFile } from './tag.ts';
import { DATE_ORDER_FILE, dateOrder } from './date-order.ts';
import { fragmentDates } from './fragments.ts';

/** A step of indexing that failed: what went wrong, and what the author can do. */
export class SearchIndexError extends Error {
  readonly problems: string[];
  readonly fix: string;
  constructor(problems: string[], fix = 'check the HTML named above, then run the build again.') {
    super(problems.join('\n'));
    this.problems = problems;
    this.fix = fix;
  }
}

export interface Indexed {
  pages: number;
  records: number;
  tag: string;
  tagged: number;
}

/**
 * Indexes a built site folder with Pagefind's Node API: its HTML pages plus extra records, the
 * date order /search/ sorts by (date-order.ts), and the index's tag patched into every page
 * (tag.ts). The search integration runs it on the staging folder; `npm run bench` runs it on a
 * search-only copy of a built site to measure search at sizes it does not build (docs/performance.md).
 */
export async function indexSite(root: string, records: SearchRecord[] = []): Promise<Indexed> {
  // Back-links after marked passages ("claim", "response") and a caption's "Photo caption" label
  // are the page's words, not the article's; the label would also run into the caption's first word.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.passage-ref', '.caption .label'] });
  if (!index) throw new SearchIndexError(errors);
  const added = await index.addDirectory({ path: root });
  if (added.errors.length) throw new SearchIndexError(added.errors);
  for (const record of records) {
    const r = await index.addHTMLFile(record);
    if (r.errors.length) throw new SearchIndexError(r.errors);
  }
  const out = join(root, 'pagefind');
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new SearchIndexError(written.errors);
  await pagefind.close();
  // The date order /search/ sorts by, outside the index every search loads (date-order.ts).
  try {
    writeFileSync(join(out, DATE_ORDER_FILE), `${JSON.stringify({ ids: dateOrder(fragmentDates(out)) })}\n`);
  } catch (e) {
    throw new SearchIndexError([`pagefind/${DATE_ORDER_FILE}: the date order could not be made from the index's fragments (${(e as Error).message})`],
      'check that the output folder is writable and that Pagefind wrote pagefind/fragment/, then run the build again.');
  }
  const tag = metaCacheTag(listFiles(out).map((f) => ({ path: relative(out, f), bytes: readFileSync(f) })));
  let tagged = 0;
  for (const file of listFiles(root)) if (file.endsWith('.html') && tagFile(file, tag) > 0) tagged++;
  return { pages: added.page_count, records: records.length, tag, tagged };
}

