/**
 * `npm run build` with nothing changed: the build is a pure function of its inputs (two builds of
 * the same inputs differ in no byte; tests/build/incremental-build.test.ts), so when every input
 * is what the last good build was made from, and its output is still as that build left it, the
 * output is already what a new build would write. The dossier is still verified in full; only
 * Astro's run is skipped. Astro has no incremental build of its own (docs/performance.md).
 *
 * Inputs, by their bytes: every file of the dossier folder (the kept PDF beside the output
 * included), the engine's files (src/, public/, scripts/, the configuration and the installed
 * packages' lock), the Node version and every DOSSIER_* setting. Outputs, by size and modification
 * time: the output folder and the portable edition beside it. Any difference means a full build.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFileWhole } from '../../src/lib/files.ts';
import { hashFileInto } from '../../src/lib/hash.ts';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface StampPlaces {
  /** The project (engine) root. */
  root: string;
  content: string;
  out: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The output as a build left it: how many files, and one hash of each one's path, size and
 * modification time. A hash, not a list: a list of 1.2 million files at 100,000 sources would
 * hold gigabytes in this process while Astro runs beside it.
 */
export interface OutputState {
  files: number;
  digest: string;
}

export interface BuildRecord {
  inputs: string;
  outputs: OutputState;
  builtAt: string;
}

const ENGINE_FOLDERS = ['src', 'public', 'scripts'];
const ENGINE_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
/** The output folder's siblings a build writes (src/lib/portable/edition.ts), and the folders atomic publishing uses. */
const BESIDE_OUT = ['dossier-portable', 'dossier-portable.zip'];

/** Every file under `dir`, in sorted order, one at a time, passing by what `skip` names (a folder is skipped whole). */
function* filesUnder(dir: string, skip: (path: string) => boolean = () => false): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (skip(p)) continue;
    if (e.isDirectory()) yield* filesUnder(p, skip);
    else if (e.isFile()) yield p;
  }
}

/** What a build writes: the output folder, its staging and old names, and the portable edition beside it. */
function outputPaths(out: string): string[] {
  return [out, ...BESIDE_OUT.map((n) => join(dirname(out), n))].flatMap((p) => [p, `${p}.staging`, `${p}.old`]);
}

/** One hash of every input of a build of `content` into `out`. */
export function inputStamp(p: StampPlaces): string {
  const hash = createHash('sha256');
  const content = resolve(p.content);
  // A dossier folder's own dist/ is output too, whichever folder this build writes (as notContent() has it).
  const outs = new Set([...outputPaths(resolve(p.out)), ...outputPaths(join(content, 'dist'))]);
  const engineContent = resolve(p.root, 'src/content');
  // Outputs are never inputs (a dossier builds into <folder>/dist by default), nor is git's folder.
  const skip = (path: string) => outs.has(path) || basename(path) === '.git' || basename(path) === 'node_modules' || (path === engineContent && content !== engineContent);
  // Each file by its name in its folder and its bytes; a file that cannot be read counts as missing.
  const add = (label: string, file: string, name = file) => {
    hash.update(`${label}\0${name}\0`);
    try {
      hashFileInto(hash, file);
    } catch {
      hash.update('\0missing');
    }
    hash.update('\0');
  };
  for (const f of filesUnder(content, skip)) add('content', f, relative(content, f));
  // The kept PDF (npm run pdf) that the build carries into the site.
  const kept = join(dirname(resolve(p.out)), '.dossier');
  if (!outs.has(kept) && !resolve(kept).startsWith(`${content}/`)) for (const f of filesUnder(kept, skip)) add('kept', f, relative(kept, f));
  for (const folder of ENGINE_FOLDERS) for (const f of filesUnder(resolve(p.root, folder), skip)) add('engine', f, relative(p.root, f));
  for (const f of ENGINE_FILES) add('engine', resolve(p.root, f), f);
  const settings = Object.keys(p.env).filter((k) => k.startsWith('DOSSIER_') || k === 'SOURCE_DATE_EPOCH').sort();
  hash.update(JSON.stringify({ node: process.version, out: resolve(p.out), content, settings: settings.map((k) => [k, p.env[k]]) }));
  return hash.digest('hex');
}

/** The files a build wrote into `out` and beside it, by path, size and modification time. */
export function outputState(out: string): OutputState {
  const hash = createHash('sha256');
  let files = 0;
  for (const top of [out, ...BESIDE_OUT.map((n) => join(dirname(out), n))]) {
    if (!existsSync(top)) continue;
    for (const f of statSync(top).isDirectory() ? filesUnder(top) : [top]) {
      const s = statSync(f);
      hash.update(`${f}\0${s.size}\0${s.mtimeMs}\n`);
      files++;
    }
  }
  return { files, digest: hash.digest('hex') };
}

/** The record of the last good build into `out`, kept in the cache folder; one per output folder. */
export const recordFile = (cacheDir: string, out: string): string =>
  join(cacheDir, `dossier-build-${createHash('sha256').update(resolve(out)).digest('hex').slice(0, 16)}.json`);

export function readRecord(file: string): BuildRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
    // A record of another shape (an older engine's) is no record: the next build is a full one.
    return typeof r.inputs === 'string' && typeof r.outputs?.files === 'number' && typeof r.outputs.digest === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Never throws: without a record the next build is simply a full one. */
export function writeRecord(file: string, record: BuildRecord): void {
  writeFileWhole(file, JSON.stringify(record));
}

export function forgetRecord(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Why a full build is needed, or undefined when the last good build's output stands. The output's
 * state is asked for only when everything else matches: taking it means a stat of every output
 * file (1.6 s at 10,000 sources), which a cold build or an edited dossier does not need.
 */
export function whyBuild(record: BuildRecord | undefined, inputs: string, outputs: () => OutputState): string | undefined {
  if (!record) return 'no earlier build is recorded';
  if (record.inputs !== inputs) return 'an input changed';
  if (record.outputs.files === 0) return 'the last build left no output';
  const now = outputs();
  if (record.outputs.files !== now.files || record.outputs.digest !== now.digest) return 'the output was changed since';
  return undefined;
}
