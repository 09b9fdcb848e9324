import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listFiles } from '../files.ts';
import { writePart, type Part, type PartItem } from './index-part.ts';
import { SearchIndexError } from './index-error.ts';
import type { SearchRecord } from './records.ts';
import { metaCacheTag, tagFile } from './tag.ts';
import { DATE_ORDER_FILE, dateOrder } from './date-order.ts';
import { fragmentDates } from './fragments.ts';
import { FilterOrderError, MERGING_FILES, sortMergedFilters } from './filter-order.ts';
import { deal, partCount, partFolder, partsList, PART_PAGES, PARTS_FILE } from './parts.ts';

// The integration reports this error as a message, not a stack trace.
export { SearchIndexError };

export interface Indexed {
  /** The pages that mark their text for search (`data-pagefind-body`). */
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

/**
 * The pages of a built site that Pagefind would index, as paths in it. Its directory walk takes
 * every `.html` file and, since the pages mark their text with `data-pagefind-body`, keeps only
 * the pages that have one; the rest (lists, the print edition) need not be in a part. A file that
 * merely mentions the attribute in its text is kept, and skipped by Pagefind itself.
 */
function pagesOf(root: string): string[] {
  const files = listFiles(root).filter((f) => f.endsWith('.html')).map((f) => relative(root, f)).sort();
  const marked = files.filter((path) => readFileSync(join(root, path)).includes('data-pagefind-body'));
  // With no page marked, Pagefind indexes every page whole.
  return marked.length ? marked : files;
}

/**
 * A part's pages as a folder Pagefind can read itself, which it does in parallel (pages sent one
 * by one through its API are read one at a time: 4.3 s against 2.5 s for 1,019 pages). The folder
 * holds hard links to the built pages at their paths, so Pagefind gives each the address it has
 * in the site, and nothing is copied.
 */
function linkPages(root: string, dir: string, pages: string[]): void {
  for (const page of pages) {
    mkdirSync(dirname(join(dir, page)), { recursive: true });
    try {
      linkSync(join(root, page), join(dir, page));
    } catch {
      // A file system without hard links: a copy reads the same.
      copyFileSync(join(root, page), join(dir, page));
    }
  }
}

/**
 * Writes every part in turn, each by a Pagefind process of its own that ends, and frees its
 * memory, before the next starts. Pagefind reads a folder with every core, so two parts at once
 * gained nothing measurable (docs/performance.md) and would have held two processes' memory.
 */
async function writeParts(parts: Part[], dirs: string[]): Promise<void> {
  for (const [i, part] of parts.entries()) await writePart(part, dirs[i]);
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
  const recordItems = records.map((r, i): PartItem => ({ url: r.url, source: `search record ${i + 1} (${r.url})`, content: r.content }));
  const out = join(root, 'pagefind');
  const pages = pagesOf(root);
  const count = partCount(pages.length + records.length, options.partPages ?? PART_PAGES);
  const dirs = Array.from({ length: count }, (_, i) => join(out, partFolder(i)));
  // One part reads the site folder itself, as Pagefind always did; more are dealt pages and records in turn.
  const links = count > 1 ? Array.from({ length: count }, (_, i) => join(root, `.search-part-${i}`)) : [];
  const parts: Part[] = count === 1 ? [{ dir: root, items: recordItems }] : deal([...pages, ...recordItems], count).map((dealt, i) => {
    linkPages(root, links[i], dealt.filter((x): x is string => typeof x === 'string'));
    return { dir: links[i], items: dealt.filter((x): x is PartItem => typeof x !== 'string') };
  });
  try {
    await writeParts(parts, dirs);
  } finally {
    for (const dir of links) rmSync(dir, { recursive: true, force: true });
  }
  for (const dir of dirs.slice(1)) keepDataOnly(dir);
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
  return { pages: pages.length, records: records.length, parts: count, tag, tagged };
}
