import { formatSearchState, pagefindSort, parseSearchState, type SearchState, type SortOrder } from './url-state.ts';
import { instance } from './client.ts';

/**
 * The /search/ page: restores a search from its URL, keeps the URL in step with the query,
 * filters and sort (replaceState, so Back leaves the page rather than stepping through keystrokes).
 */
export function startSearchPage(): void {
  const search = instance('page');
  const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort');
  if (!search) return;
  const initial = parseSearchState(location.search);
  let sort: SortOrder = initial.sort;
  if (sortSelect) sortSelect.value = sort;
  search.searchSort = pagefindSort(sort);

  const sync = (term: string, filters: Record<string, string[]>) => {
    const state: SearchState = { q: term ?? '', filters, sort };
    const next = `${location.pathname}${formatSearchState(state)}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  };
  search.on('search', (term: string, filters: Record<string, string[]>) => sync(term, filters ?? {}));

  sortSelect?.addEventListener('change', () => {
    sort = sortSelect.value as SortOrder;
    search.searchSort = pagefindSort(sort);
    search.triggerSearchWithFilters(search.searchTerm, search.searchFilters ?? {});
  });

  if (initial.q || Object.keys(initial.filters).length) {
    search.triggerSearchWithFilters(initial.q, initial.filters as Record<string, string[]>);
  }
}
