/*
 * One index lists each filter's values in order (Pagefind keeps them sorted by their bytes), and
 * the /search/ filter pane shows them so. Pagefind's `mergeIndex` puts them in the order the
 * parts return them, the first part's values, then each new value of the next parts: an index in
 * parts (parts.ts) would show the outlets and events jumbled. Pagefind offers no option for it, so
 * the build patches its merge, in pagefind.js and in the worker it starts, to sort the values as
 * one index does. The patch must find exactly one place, or the build stops and says so.
 */

/** The files of Pagefind's bundle that merge filters. */
export const MERGING_FILES = ['pagefind.js', 'pagefind-worker.js'];

/** The end of Pagefind 1.6's `mergeFilters`. */
const MERGED = 'return merged;}';
/**
 * Each filter's values by their code points: the order of Pagefind's own index (UTF-8 bytes
 * compare like code points). `<` on strings compares UTF-16 units, which differs only between
 * characters beyond U+FFFF and those from U+E000 up; a value is compared whole, so this suffices.
 */
const SORTED = 'return Object.fromEntries(Object.entries(merged).map(([k,v])=>[k,Object.fromEntries(Object.entries(v).sort(([a],[b])=>a<b?-1:a>b?1:0))]));}';

export class FilterOrderError extends Error {}

/** Pagefind's code with its merged filters sorted. */
export function sortMergedFilters(code: string, file: string): string {
  const at = code.indexOf(MERGED);
  const count = code.split(MERGED).length - 1;
  if (count !== 1 || !code.slice(Math.max(0, at - 400), at).includes('mergeFilters(')) {
    throw new FilterOrderError(`pagefind/${file}: the patch that keeps filter values in order found ${count} places for "${MERGED}" instead of one in mergeFilters`);
  }
  return code.slice(0, at) + SORTED + code.slice(at + MERGED.length);
}
