import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../hash.ts';
import { writeFileWhole } from '../../files.ts';
import type { DerivedText } from './derive-sync.ts';

/*
 * Derived texts kept between builds, in Astro's cache folder: one file per archive, page and
 * extractor. Deriving means reading the archive and running Readability, the slow part of a web
 * source; the archive's SHA-256, the page's address and the extractor's exact version decide the
 * result, so together they name the file, and each is checked again on reading. An entry made by
 * another extractor version is never used: the build derives the text afresh.
 */
export const WEB_CACHE_FOLDER = 'dossier-web-text';

type Ok = Extract<DerivedText, { ok: true }>;
const fileFor = (dir: string, archive: string, url: string | undefined, extractor: string) =>
  join(dir, WEB_CACHE_FOLDER, `${archive}-${sha256(`${extractor}\n${url ?? ''}`).slice(0, 16)}.json`);

export function readWebCache(dir: string, archive: string, url: string | undefined, extractor: string): Ok | undefined {
  try {
    const e = JSON.parse(readFileSync(fileFor(dir, archive, url, extractor), 'utf8')) as Ok & { url?: string };
    if (e.ok !== true || e.sha256 !== archive || e.extractor !== extractor || (e.url ?? '') !== (url ?? '') || sha256(e.text) !== e.textSha256) return undefined;
    return e;
  } catch {
    return undefined;
  }
}

/** Never throws: a cache that cannot be written only makes the next build slower. */
export function writeWebCache(dir: string, url: string | undefined, entry: Ok): void {
  writeFileWhole(fileFor(dir, entry.sha256, url, entry.extractor), JSON.stringify({ ...entry, url }));
}
