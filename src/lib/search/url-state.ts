/**
 * The state of the /search/ page as it travels in its URL, so a search can be shared:
 * `/search/?q=Geneva&kind=claim&outlet=DW&sort=date:desc`.
 */
export const FILTER_KEYS = ['kind', 'outlet', 'event', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SortOrder = 'relevance' | 'date:desc' | 'date:asc';
export const SORT_ORDERS: SortOrder[] = ['relevance', 'date:desc', 'date:asc'];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortOrder;
}

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort') as SortOrder | null;
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort && SORT_ORDERS.includes(sort) ? sort : 'relevance' };
}

/** The query string for a state, leaving out what is empty or default, in a stable order. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}
