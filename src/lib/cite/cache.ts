import { readFileSync } from 'node:fs';
import { writeFileWhole } from '../files.ts';

/*
 * Formatted citations kept between builds, in Astro's cache folder. citeproc is the longest part
 * of a large build (the pages wait for their entries), and an entry depends only on its item, its
 * style and the citation libraries, so a rebuild after an edit need not format again what did not
 * change. Entries are looked up by the whole item (citeKey), and the file by a version naming
 * everything else that shapes the output (citeOutputVersion in format.ts): a changed style or an
 * upgraded library starts it afresh. A cold build, which the benchmark measures, has no cache.
 */
export const CITE_CACHE_FILE = 'dossier-citations.json';

/** The entries of a cache written for this version; none if it is missing, unreadable or of another version. */
export function readCiteCache(file: string, version: string): Map<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
    if (data.version !== version || !data.entries || typeof data.entries !== 'object') return new Map();
    return new Map(Object.entries(data.entries).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/**
 * Replace the cache with these entries (the ones this build used, so it never outgrows the dossier).
 * Written to a temporary file and renamed, so a build killed meanwhile leaves the old cache or the
 * new one, never half of one. Never throws: a cache that cannot be written only makes the next build slower.
 */
export function writeCiteCache(file: string, version: string, entries: Iterable<[string, string]>): boolean {
  return writeFileWhole(file, JSON.stringify({ version, entries: Object.fromEntries(entries) }));
}
