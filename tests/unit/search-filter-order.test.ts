import { describe, expect, it } from 'vitest';
import { FilterOrderError, sortMergedFilters } from '../../src/lib/search/filter-order.ts';

// Pagefind 1.6's mergeFilters, as its bundle has it.
const PAGEFIND = 'class P{mergeFilters(filters2){const merged={};for(const searchFilter of filters2){for(const[filterKey,values]of Object.entries(searchFilter)){if(!merged[filterKey]){merged[filterKey]=values;continue;}else{const filter=merged[filterKey];for(const[valueKey,count]of Object.entries(values)){filter[valueKey]=(filter[valueKey]||0)+count;}}}}return merged;}async filters(){}}';

const merge = (code: string, parts: Record<string, Record<string, number>>[]) => new Function(`${code}; return new P().mergeFilters(${JSON.stringify(parts)});`)();

describe('filter values of an index in parts', () => {
  it('come out in one order, as one index gives them, with the counts summed', () => {
    const parts = [{ outlet: { TASS: 1, Reuters: 2 } }, { outlet: { DW: 3, TASS: 1 }, kind: { source: 2 } }];
    // Pagefind's own merge: the first part's values, then the new ones.
    expect(Object.keys(merge(PAGEFIND, parts).outlet)).toEqual(['TASS', 'Reuters', 'DW']);
    const sorted = merge(sortMergedFilters(PAGEFIND, 'pagefind.js'), parts);
    expect(Object.entries(sorted.outlet)).toEqual([['DW', 3], ['Reuters', 2], ['TASS', 2]]);
    expect(sorted.kind).toEqual({ source: 2 });
  });

  it('stops the build when Pagefind\'s code is not the one it knows', () => {
    expect(() => sortMergedFilters('function x(){return merged;}', 'pagefind.js')).toThrow(FilterOrderError);
    expect(() => sortMergedFilters(`${PAGEFIND}${PAGEFIND}`, 'pagefind-worker.js')).toThrow(/pagefind\/pagefind-worker\.js: .* found 2 places/);
  });
});
