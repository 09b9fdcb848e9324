import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATE_ORDER_FILE } from '../../src/lib/search/date-order.ts';
import { readFragments } from '../../src/lib/search/fragments.ts';
import { htmlPages, readPage, siteDir } from '../helpers/site.ts';

// /search/ sorts by date from a file of its own, so the index every search loads carries no sort.

/** Pagefind's fragments as written: id → the page's URL and date metadata. */
function fragments(): Map<string, { url: string; date?: string }> {
  return new Map(readFragments(join(siteDir(), 'pagefind')).map((f) => [f.id, { url: f.url, date: f.meta.date }]));
}

describe('the date order of search results', () => {
  const order = JSON.parse(readFileSync(join(siteDir(), 'pagefind', DATE_ORDER_FILE), 'utf8')) as { ids: string[] };
  const frags = fragments();

  it('is not a Pagefind sort: no page asks the index for one', () => {
    for (const page of htmlPages()) expect(readPage(page), page).not.toContain('data-pagefind-sort');
  });

  it('lists every dated page of the index once, and only those', () => {
    const dated = [...frags].filter(([, f]) => f.date).map(([id]) => id).sort();
    expect(dated.length).toBeGreaterThan(10);
    expect([...order.ids].sort()).toEqual(dated);
    expect(new Set(order.ids).size).toBe(order.ids.length);
  });

  it('runs from the oldest page to the newest, by the date each page shows', () => {
    const dates = order.ids.map((id) => frags.get(id)!.date!);
    expect(dates).toEqual([...dates].sort());
    // The date in the index is the one the page carries for search (pages only; context entries are records).
    for (const id of order.ids) {
      const { url, date } = frags.get(id)!;
      if (url.includes('#')) continue;
      expect(readPage(url), url).toContain(`data-pagefind-meta="date">${date}<`);
    }
  });
});
