/*
 * "Newest first" and "oldest first" on /search/ without a sort in Pagefind's index. A Pagefind
 * sort is a list of every page in its metadata file, which every first search downloads: 2.2 kB
 * at 1,000 sources, 25 kB at 10,000, for an order few readers ask for. So the index carries no
 * sort; the build writes the pages' date order to a file of its own (DATE_ORDER_FILE, in the
 * index folder) and /search/ loads it the first time a reader sorts by date (page.ts).
 */

/** The file, inside the pagefind folder: `{ "ids": [...] }`, Pagefind's page ids from oldest to newest. */
export const DATE_ORDER_FILE = 'dossier-date-order.json';

export interface DatedPage {
  /** Pagefind's id for the page: its fragment file's name, as search results carry it. */
  id: string;
  /** ISO date, at day, month or year precision. */
  date: string;
}

/** Oldest first; pages of the same date by id, so the order is the same at every build. */
export function dateOrder(pages: DatedPage[]): string[] {
  return [...pages].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((p) => p.id);
}

/**
 * Results in date order. As with a Pagefind sort, a result without a date is left out. Among
 * results of one date the order of `ids` holds, reversed with the rest for newest first.
 */
export function orderByDate<T extends { id: string }>(results: T[], ids: string[], direction: 'asc' | 'desc'): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  const dated = results.filter((r) => rank.has(r.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return direction === 'asc' ? dated : dated.reverse();
}
