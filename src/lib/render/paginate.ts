/** Index pages list at most this many sources, so no page grows with the dossier. */
export const SOURCES_PER_PAGE = 100;

export interface PageOf<T> {
  items: T[];
  number: number;
  count: number;
  total: number;
  prev?: string;
  next?: string;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageHref(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

export function paginate<T>(all: T[], size: number, number: number, base = '/sources/'): PageOf<T> {
  const count = pageCount(all.length, size);
  return {
    items: all.slice((number - 1) * size, number * size),
    number,
    count,
    total: all.length,
    prev: number > 1 ? pageHref(base, number - 1) : undefined,
    next: number < count ? pageHref(base, number + 1) : undefined,
  };
}
