import { formatSearchState, parseSearchState, type SearchState, type SortOrder } from './url-state.ts';
import { instance } from './client.ts';
import { DATE_ORDER_FILE, orderByDate } from './date-order.ts';

type Search = (term: string | null, options?: Record<string, unknown>) => Promise<{ results?: { id: string }[] } | null>;

/**
 * Date order without a Pagefind sort (date-order.ts): the Component UI's own Pagefind instance
 * (its `__pagefind__`, the one hook it offers between a search and its rendering) searches
 * without a sort, and when the reader has chosen a date order the results are put in it, from
 * a file loaded the first time. tests/browser/search-ui.test.ts sorts both ways.
 */
async function sortByDate(search: NonNullable<ReturnType<typeof instance>>, sort: () => SortOrder): Promise<void> {
  await search.triggerLoad();
  const pagefind = (search as unknown as { __pagefind__?: { search: Search } }).__pagefind__;
  if (!pagefind) return;
  const plain = pagefind.search.bind(pagefind);
  let order: Promise<string[]> | undefined;
  pagefind.search = async (term, options) => {
    const found = await plain(term, { ...options, sort: undefined });
    const chosen = sort();
    if (chosen === 'relevance' || !found?.results) return found;
    order ??= fetch(`/pagefind/${DATE_ORDER_FILE}`).then(async (r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return ((await r.json()) as { ids: string[] }).ids;
    });
    try {
      return { ...found, results: orderByDate(found.results, await order, chosen === 'date:asc' ? 'asc' : 'desc') };
    } catch {
      // No date order to be had (offline before it was saved): relevance, and a new try next time.
      order = undefined;
      return found;
    }
  };
}

/** Where /search/ puts the filters above the results instead of beside them (its stylesheet's breakpoint). */
const NARROW = '(max-width: 48rem)';

/**
 * On a narrow screen the filters stand above the results. Shown open they would push the results
 * a whole screen down, so there each group starts folded to its heading (a group the address
 * filters by starts open); beside the results they are all shown open. Called before the UI loads.
 */
export function foldFiltersWhenNarrow(): void {
  const pane = document.querySelector('pagefind-filter-pane[instance=page]');
  if (!pane || !matchMedia(NARROW).matches) return;
  pane.removeAttribute('expanded');
  pane.setAttribute('open', Object.keys(parseSearchState(location.search).filters).join(','));
}

/**
 * Pagefind's filter pane heads each group with the filter's name and each option with its value
 * ("kind", "source"): the index's keys, which the address and the tests use too. The reader sees
 * the catalogue's words instead ("Kind", "Source"; "Type", "Source" in French), set again whenever
 * the pane redraws. A value with no message (an outlet, a year) is shown as indexed.
 */
export function relabelFilters(pane: Element, messages: Record<string, string>): void {
  const apply = () => {
    for (const heading of pane.querySelectorAll('.pf-filter-group-name, legend[data-pf-sr-hidden]')) {
      const label = messages[heading.textContent?.trim() ?? ''];
      if (label && heading.textContent !== label) heading.textContent = label;
    }
    for (const input of pane.querySelectorAll<HTMLInputElement>('input.pf-checkbox-input')) {
      const label = messages[`${input.name}.${input.value}`];
      const text = input.nextSibling;
      if (label && text?.nodeType === Node.TEXT_NODE && text.textContent !== label) text.textContent = label;
    }
  };
  apply();
  new MutationObserver(apply).observe(pane, { childList: true, subtree: true, characterData: true });
}

/**
 * The /search/ page: restores a search from its URL, keeps the URL in step with the query,
 * filters and sort (replaceState, so Back leaves the page rather than stepping through keystrokes).
 */
export async function startSearchPage(): Promise<void> {
  const search = instance('page');
  const pane = document.querySelector('pagefind-filter-pane[instance=page]');
  // Read here rather than with i18n/client.ts's messagesOf: importing that shared module into this
  // page's script would make Vite split it into a chunk of its own, one more request on every page.
  if (pane) relabelFilters(pane, JSON.parse(pane.closest('[data-messages]')?.getAttribute('data-messages') || '{}') as Record<string, string>);
  const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort');
  if (!search) return;
  const initial = parseSearchState(location.search);
  let sort: SortOrder = initial.sort;
  if (sortSelect) sortSelect.value = sort;
  await sortByDate(search, () => sort);

  const sync = (term: string, filters: Record<string, string[]>) => {
    const state: SearchState = { q: term ?? '', filters, sort };
    const next = `${location.pathname}${formatSearchState(state)}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  };
  search.on('search', (term: string, filters: Record<string, string[]>) => sync(term, filters ?? {}));

  sortSelect?.addEventListener('change', () => {
    sort = sortSelect.value as SortOrder;
    search.triggerSearchWithFilters(search.searchTerm, search.searchFilters ?? {});
  });

  if (initial.q || Object.keys(initial.filters).length) {
    search.triggerSearchWithFilters(initial.q, initial.filters as Record<string, string[]>);
  }
}
