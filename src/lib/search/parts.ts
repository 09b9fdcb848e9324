/*
 * The search index in parts. Pagefind's indexer holds every page it indexes in memory until it
 * has written the index: 2.5 GB at 10,000 sources, the largest process of the build and more than
 * the whole build of the same corpus in Starlight (docs/performance.md). So a large dossier is
 * indexed in parts of at most PART_PAGES pages, each by its own Pagefind process in turn, and the
 * search merges them (Pagefind's `mergeIndex`), which returns one list of results and one set of
 * filter counts. A dossier of up to PART_PAGES pages, nearly all of them, is one index as before.
 *
 * The pages are dealt to the parts in turn, like cards, so that every part holds a like mix of
 * sources, claims and languages: each part scores a word by its own word statistics, and alike
 * parts give alike scores (measured at 10,000 sources: scores within 1–3 % of one index's).
 */

/** The most pages one part holds: at 10,000 sources (10,109 pages) three parts, each under 1 GB. */
export const PART_PAGES = 4000;

/** The list of the other parts, in the first part's folder (pagefind/): `{ "parts": ["part-1/", …] }`. */
export const PARTS_FILE = 'dossier-parts.json';

export interface PartsList {
  /** Each further part's folder, relative to the first part's (pagefind/), with a trailing slash. */
  parts: string[];
}

/** How many parts `pages` pages make. */
export function partCount(pages: number, perPart = PART_PAGES): number {
  if (!Number.isInteger(perPart) || perPart < 1) throw new Error(`partCount: a part holds at least one page, not ${perPart}`);
  return Math.max(1, Math.ceil(pages / perPart));
}

/** The items dealt to `count` parts in turn: item i goes to part i mod count. */
export function deal<T>(items: readonly T[], count: number): T[][] {
  const parts: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => parts[i % count].push(item));
  return parts;
}

/** Part i's folder inside pagefind/: the first part is pagefind/ itself. */
export function partFolder(i: number): string {
  return i === 0 ? '' : `part-${i}/`;
}

/** The parts list written for `count` parts. */
export function partsList(count: number): PartsList {
  return { parts: Array.from({ length: count - 1 }, (_, i) => partFolder(i + 1)) };
}

/**
 * The further parts' bundle paths for Pagefind's `mergeIndex`, from a fetched parts list. A list
 * that is missing or malformed (a site built before parts, or a dev server before its first build)
 * means one part: search then covers the first part, never fails for want of the list.
 */
export function mergePaths(bundle: string, list: unknown): string[] {
  const parts = (list as Partial<PartsList> | null)?.parts;
  if (!Array.isArray(parts)) return [];
  return parts.filter((p): p is string => typeof p === 'string' && /^part-\d+\/$/.test(p)).map((p) => `${bundle}${p}`);
}

/**
 * DOSSIER_SEARCH_PART_PAGES, the most pages of one part: for the tests, which make parts of a
 * small dossier. Unset or empty is the default; anything but a whole number of at least 1 is refused.
 */
export function partPagesSetting(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DOSSIER_SEARCH_PART_PAGES is "${raw}", not a whole number of pages`);
  return n;
}
