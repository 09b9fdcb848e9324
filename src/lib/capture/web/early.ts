import { existsSync, readdirSync } from 'node:fs';
import { cacheDirFor } from '../../content/location.ts';
import { WEB_CACHE_FOLDER } from './cache.ts';
import { startDerive, type DerivedText } from './derive-sync.ts';
import { webCaptureFiles } from './files.ts';
import { sha256File } from '../../hash.ts';

/*
 * A cold build of a web dossier derives every page's text before it can verify anything, and on
 * two cores that took 2.6 s of a 25 s build at 1,000 pages (docs/performance.md). Astro spends the
 * time before it asks the integrations to set up on one core; starting the deriving workers when
 * the configuration is read puts the other core to work meanwhile. readWebCaptures() (read.ts) then
 * takes each early result for the same bytes, and derives the rest itself, as before.
 */

interface Early {
  dir: string;
  archives: Map<string, { sha256: string; index: number }>;
  run: { wait(): DerivedText[] };
}
let early: Early | undefined;
/** How many results readWebCaptures() has taken from the early run. */
let taken = 0;

/** Archives the cache already holds a text for (by the archive's SHA-256, whatever the page or extractor). */
function cachedArchives(cacheDir: string): Set<string> {
  const folder = `${cacheDir}/${WEB_CACHE_FOLDER}`;
  if (!existsSync(folder)) return new Set();
  return new Set(readdirSync(folder).map((f) => f.split('-')[0]));
}

/**
 * Start deriving the web captures in `capturesDir` that the cache lacks, when there are at least
 * `min` of them (fewer are not worth the threads). Each is derived without a page address: an
 * archive of one page gives the same text either way, and one of several is refused and derived
 * again later with the page its source names.
 */
export function deriveEarly(capturesDir: string, root = process.cwd(), min = 64): void {
  if (early?.dir === capturesDir) return;
  const files = webCaptureFiles(capturesDir);
  if (files.length < min) return;
  const cached = cachedArchives(cacheDirFor(root));
  const todo = files.map((f) => ({ path: f.path, ...sha256File(f.path) })).filter((f) => !cached.has(f.sha256));
  if (todo.length < min) return;
  early = { dir: capturesDir, archives: new Map(todo.map((f, index) => [f.path, { sha256: f.sha256, index }])), run: startDerive(todo.map((f) => ({ path: f.path }))) };
}

/**
 * The early result for one archive, if it was derived early from the same bytes and stands for the
 * page its source names (`url`); waits for the early workers the first time.
 */
export function takeEarly(capturesDir: string, path: string, sha256: string, url: string | undefined): DerivedText | undefined {
  const e = early?.dir === capturesDir ? early.archives.get(path) : undefined;
  if (!e || e.sha256 !== sha256) return undefined;
  const r = early!.run.wait()[e.index];
  const stands = !url || (r.ok && r.provenance.url === url);
  if (stands) taken++;
  return stands ? r : undefined;
}

export const earlyTaken = (): number => taken;

/** Forget the early run (a test's next case starts clean). */
export function forgetEarly(): void {
  early = undefined;
  taken = 0;
}
