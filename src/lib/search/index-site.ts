import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { listFiles } from '../files.ts';
import { PAGEFIND_CONFIG, pagefindVersion, writePart, type Part, type PartItem } from './index-part.ts';
import { SearchIndexError } from './index-error.ts';
import type { SearchRecord } from './records.ts';
import { placeholdersIn, TagHash, writeTagAt } from './tag.ts';
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

/** Bump when the index changes for a reason the tag's other inputs do not show. */
const TAG_SCHEME = 'dossier-search-tag/2';

/** What the index will be made from, read before Pagefind runs; its tag is in the pages already. */
export interface IndexPlan {
  root: string;
  /** The pages Pagefind indexes, as paths in the site. */
  pages: string[];
  records: SearchRecord[];
  /** How many parts (parts.ts). */
  count: number;
  tag: string;
  /** How many pages carry the tag. */
  tagged: number;
}

/**
 * Reads every page of the built site once, before Pagefind runs: which pages it indexes (those
 * that mark their text with `data-pagefind-body`; with none marked, Pagefind indexes every page
 * whole), and the tag, a hash of everything the index is made from (each page, each record,
 * Pagefind's version and configuration, the number of parts), which it then writes into the
 * pages in place (tag.ts). The same inputs make the same index, so the tag changes whenever the
 * index can; knowing it before the index is written lets the portable edition read the pages
 * while Pagefind indexes them (docs/search.md).
 */
export function tagPages(root: string, records: SearchRecord[] = [], options: IndexOptions = {}): IndexPlan {
  const files = listFiles(root).filter((f) => f.endsWith('.html')).map((f) => relative(root, f)).sort();
  const marked: string[] = [];
  const places = new Map<string, number[]>();
  const pageHash = new TagHash();
  for (const path of files) {
    const bytes = readFileSync(join(root, path));
    if (bytes.includes('data-pagefind-body')) marked.push(path);
    pageHash.add(path, bytes);
    const at = placeholdersIn(bytes);
    if (at.length) places.set(path, at);
  }
  const pages = marked.length ? marked : files;
  const count = partCount(pages.length + records.length, options.partPages ?? PART_PAGES);
  const hash = new TagHash()
    .add('scheme', TAG_SCHEME)
    .add('pagefind', pagefindVersion())
    .add('config', JSON.stringify(PAGEFIND_CONFIG))
    .add('parts', String(count))
    .add('pages', pageHash.digest())
    .add('indexed', pages.join('\n'));
  for (const record of records) hash.add(record.url, record.content);
  const tag = hash.digest();
  for (const [path, at] of places) writeTagAt(join(root, path), at, tag);
  return { root, pages, records, count, tag, tagged: places.size };
}

/**
 * Writes the index a plan was read for: its pages plus extra records, in parts of at most
 * `partPages` pages (parts.ts), the date order /search/ sorts by (date-order.ts) and the list of
 * parts. Nothing but `pagefind/` is written; the pages are only read.
 */
export async function writeIndex(plan: IndexPlan): Promise<void> {
  const { root, pages, records, count } = plan;
  const recordItems = records.map((r, i): PartItem => ({ url: r.url, source: `search record ${i + 1} (${r.url})`, content: r.content }));
  const out = join(root, 'pagefind');
  const dirs = Array.from({ length: count }, (_, i) => join(out, partFolder(i)));
  // One part reads the site folder itself, as Pagefind always did; more are dealt pages and
  // records in turn. Their folders of links are inside pagefind/, which nothing else reads until
  // the index is written.
  const links = count > 1 ? Array.from({ length: count }, (_, i) => join(out, `.pages-${i}`)) : [];
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
}

/**
 * Indexes a built site folder with Pagefind's Node API, start to end: the tag into the pages
 * (`tagPages`), then the index (`writeIndex`). The search integration runs the two apart, so that
 * the steps after it read the pages while Pagefind runs; `npm run bench` runs this on a
 * search-only copy of a built site to measure search at sizes it does not build.
 */
export async function indexSite(root: string, records: SearchRecord[] = [], options: IndexOptions = {}): Promise<Indexed> {
  const plan = tagPages(root, records, options);
  await writeIndex(plan);
  return { pages: plan.pages.length, records: records.length, parts: plan.count, tag: plan.tag, tagged: plan.tagged };
}
