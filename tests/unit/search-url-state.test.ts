import { describe, expect, it } from 'vitest';
import { formatSearchState, parseSearchState } from '../../src/lib/search/url-state.ts';

describe('search URL state', () => {
  it('reads the query, repeated filters and the sort', () => {
    const state = parseSearchState('?q=Geneva&kind=claim&kind=source&outlet=TASS&sort=date:desc');
    expect(state).toEqual({ q: 'Geneva', filters: { kind: ['claim', 'source'], outlet: ['TASS'] }, sort: 'date:desc' });
  });

  it('ignores unknown sorts and keys, and blank values', () => {
    expect(parseSearchState('?q=%20&sort=random&colour=red&kind=')).toEqual({ q: '', filters: {}, sort: 'relevance' });
  });

  it('round-trips a state through its query string', () => {
    const state = parseSearchState('?q=absolutely+ridiculous&year=2017&event=A%2C+B&sort=date:asc');
    expect(parseSearchState(formatSearchState(state))).toEqual(state);
    expect(state.filters.event).toEqual(['A, B']);
  });

  it('leaves defaults out of the URL', () => {
    expect(formatSearchState({ q: '', filters: {}, sort: 'relevance' })).toBe('');
    expect(formatSearchState({ q: 'x', filters: { kind: [] }, sort: 'relevance' })).toBe('?q=x');
  });
});
