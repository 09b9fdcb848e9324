import { describe, expect, it } from 'vitest';
import { deal, mergePaths, partCount, partFolder, partPagesSetting, partsList } from '../../src/lib/search/parts.ts';

describe('the search index in parts', () => {
  it('makes one part up to the limit, then as many as the pages need', () => {
    expect(partCount(0, 4)).toBe(1);
    expect(partCount(4, 4)).toBe(1);
    expect(partCount(5, 4)).toBe(2);
    expect(partCount(10109, 4000)).toBe(3);
    expect(() => partCount(10, 0)).toThrow(/at least one page/);
  });

  it('deals the pages in turn, so every part holds a like mix', () => {
    expect(deal(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(deal(['a'], 3)).toEqual([['a'], [], []]);
  });

  it('names the parts and lists the further ones', () => {
    expect(partFolder(0)).toBe('');
    expect(partFolder(2)).toBe('part-2/');
    expect(partsList(1)).toEqual({ parts: [] });
    expect(partsList(3)).toEqual({ parts: ['part-1/', 'part-2/'] });
  });

  it('reads a list into bundle paths, and anything else as one part', () => {
    expect(mergePaths('/pagefind/', { parts: ['part-1/', 'part-2/'] })).toEqual(['/pagefind/part-1/', '/pagefind/part-2/']);
    expect(mergePaths('/pagefind/', null)).toEqual([]);
    expect(mergePaths('/pagefind/', { parts: 'part-1/' })).toEqual([]);
    // Only folders of the index: a list cannot send search elsewhere.
    expect(mergePaths('/pagefind/', { parts: ['part-1/', '../evil/', 'https://x/', 7] })).toEqual(['/pagefind/part-1/']);
  });

  it('reads the size of a part from the environment, and refuses a wrong one by name', () => {
    expect(partPagesSetting(undefined)).toBeUndefined();
    expect(partPagesSetting('')).toBeUndefined();
    expect(partPagesSetting('5')).toBe(5);
    for (const bad of ['0', '-3', '2.5', 'five']) expect(() => partPagesSetting(bad)).toThrow(`DOSSIER_SEARCH_PART_PAGES is "${bad}", not a whole number of pages`);
  });
});
