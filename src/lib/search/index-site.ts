import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '../files.ts';
import type { SearchRecord } from './records.ts';
import { metaCacheTag, tagFile } from './tag.ts';
import { DATE_ORDER_FILE, dateOrder } from './date-order.ts';
import { fragmentDates } from './fragments.ts';
import { FilterOrderError, MERGING_FILES, sortMergedFilters } from './filter-order.ts';
import { deal, pageUrl, partCount, partFolder, partsList, PART_PAGES, PARTS_FILE } from './parts.ts';

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
  /** How many parts the index was written in (parts.ts). */
  parts: number;
  tag: string;
  tagged: number;
}

export interface IndexOptions {
  /** The most pages one part holds (parts.ts); tests set it low to make parts of a small site. */
  partPages?: number;
}

/** One page or record for Pagefind: its address, and its HTML when asked (pages are read one at a time). */
interface Item {
  url: string;
  /** The file it came from, for error messages. */
  source: string;
  html(): string;
}

/**
 * The pages of a built site that Pagefind would index. Its directory walk takes every `.html`
 * file and, since the pages mark their text with `data-pagefind-body`, keeps only the pages that
 * have one; the rest (lists, the print edition, 64 MB at 10,000 sources) need not be sent to it.
 * A file that merely mentions the attribute in its text is sent and skipped by Pagefind itself.
 */
function pagesOf(root: string): Item[] {
  const files = listFiles(root).filter((f) => f.endsWith('.html')).map((f) => relative(root, f)).sort();
  const item = (path: string): Item => ({ url: pageUrl(path), source: path, html: () => readFileSync(join(root, path), 'utf8') });
  const marked = files.filter((path) => readFileSync(join(root, path)).includes('data-pagefind-body'));
  // With no page marked, Pagefind indexes every page whole.
  return (marked.length ? marked : files).map(item);
}

/** Writes one part with its own Pagefind process, which ends (and frees its memory) before the next starts. */
async function writePart(items: Item[], out: string): Promise<number> {
  // Back-links after marked passages ("claim", "response") and a caption's "Photo caption" label
  // are the page's words, not the article's; the label would also run into the caption's first word.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.passage-ref', '.caption .label'] });
  if (!index) throw new SearchIndexError(errors);
  try {
    let pages = 0;
    for (const item of items) {
      const added = await index.addHTMLFile({ url: item.url, content: item.html() });
      if (added.errors.length) throw new SearchIndexError(added.errors.map((e) => `${item.source}: ${e}`));
      if (added.file) pages++;
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    return pages;
  } finally {
    await pagefind.close();
  }
}

/**
 * A further part needs only its data: the search code and the WebAssembly come from the first
 * part (Pagefind's `mergeIndex` loads no code of its own).
 */
function keepDataOnly(partDir: string): void {
  for (const file of listFiles(partDir)) {
    const path = relative(partDir, file);
    if (!/^(?:pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(?:index|fragment|filter)\/.+)$/.test(path)) rmSync(file);
  }
}

/**
 * Indexes a built site folder with Pagefind's Node API: its HTML pages plus extra records, in
 * parts of at most `partPages` pages (parts.ts), the date order /search/ sorts by (date-order.ts),
 * the list of parts, and the index's tag patched into every page (tag.ts). The search integration
 * runs it on the staging folder; `npm run bench` runs it on a search-only copy of a built site to
 * measure search at sizes it does not build (docs/performance.md).
 */
export async function indexSite(root: string, records: SearchRecord[] = [], options: IndexOptions = {}): Promise<Indexed> {
  const items = [
    ...pagesOf(root),
    ...records.map((r, i): Item => ({ url: r.url, source: `search record ${i + 1} (${r.url})`, html: () => r.content })),
  ];
  const count = partCount(items.length, options.partPages ?? PART_PAGES);
  const out = join(root, 'pagefind');
  let pages = 0;
  for (const [i, part] of deal(items, count).entries()) {
    const dir = join(out, partFolder(i));
    pages += await writePart(part, dir);
    if (i > 0) keepDataOnly(dir);
  }
  for (const file of MERGING_FILES) {
    try {
      writeFileSync(join(out, file), sortMergedFilters(readFileSync(join(out, file), 'utf8'), file));
    } catch (e) {
      if (e instanceof FilterOrderError) throw new SearchIndexError([e.message], 'Pagefind\'s code is not the one this engine knows: run npm install, which installs the version package-lock.json names, or update src/lib/search/filter-order.ts to the new code.');
      throw e;
    }
  }
  try {
    writeFileSync(join(out, PARTS_FILE), `${JSON.stringify(partsList(count))}\n`);
    // The date order /search/ sorts by, outside the index every search loads (date-order.ts).
    const dated = Array.from({ length: count }, (_, i) => fragmentDates(join(out, partFolder(i)))).flat();
    writeFileSync(join(out, DATE_ORDER_FILE), `${JSON.stringify({ ids: dateOrder(dated) })}\n`);
  } catch (e) {
    throw new SearchIndexError([`pagefind/${DATE_ORDER_FILE}: the date order could not be made from the index's fragments (${(e as Error).message})`],
      'check that the output folder is writable and that Pagefind wrote pagefind/fragment/, then run the build again.');
  }
  const tag = metaCacheTag(listFiles(out).map((f) => ({ path: relative(out, f), bytes: readFileSync(f) })));
  let tagged = 0;
  for (const file of listFiles(root)) if (file.endsWith('.html') && tagFile(file, tag) > 0) tagged++;
  return { pages: pages - records.length, records: records.length, parts: count, tag, tagged };
}
