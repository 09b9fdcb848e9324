import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setPriority } from 'node:os';

/**
 * Removing a folder that a build has replaced (the last site, the last portable edition) without
 * making the build wait for it. Unlinking tens of thousands of files is slow disk work that nothing
 * after the swap needs: at 10,000 sources, removing the last site took 9 s at the very end of a
 * rebuild (docs/performance.md). The folder is renamed out of the way at once (`<name>.removing-<hex>`,
 * beside it), and a detached, low-priority process removes it, while the build finishes and after
 * it has exited (as `bazel clean --async` removes an old output tree). If that process dies, the
 * next build finds the folder by its name and starts another.
 */
export const REMOVING = '.removing-';

/**
 * The code the background process runs: remove each folder it is given, and say nothing. Again
 * while it is there (at most 50 times, 100 ms apart): another remover, started by a later build's
 * sweep, may be deleting in the same folder, which makes one rmSync stop early (see removeFully).
 */
const REMOVER = `const fs = require('node:fs');
for (const p of process.argv.slice(1)) for (let i = 0; i < 50 && fs.existsSync(p); i++) {
  try { fs.rmSync(p, { recursive: true, force: true }); } catch {}
  if (fs.existsSync(p)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}`;

/**
 * Renames `dir` to a removing name of `owner`'s, beside it (`dist.old` becomes `dist.removing-<hex>`,
 * which `sweep('dist')` finds), and removes it in the background. Nothing to do if it is missing.
 */
export function discard(dir: string, owner = dir): void {
  if (!existsSync(dir)) return;
  const doomed = `${owner}${REMOVING}${randomBytes(4).toString('hex')}`;
  try {
    renameSync(dir, doomed);
  } catch {
    // Not renamed (the new site is already published): remove it here, as before this file existed.
    removeFully(dir);
    return;
  }
  removeInBackground([doomed]);
}

/** Folders of `dir` that a build renamed to remove and that are still there (their remover died, or is still at work). */
export function leftovers(dir: string): string[] {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}${REMOVING}`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return []; // no folder to look in (yet): whatever writes there says so itself
  }
  return names.filter((n) => n.startsWith(prefix)).map((n) => join(parent, n));
}

/** Starts removing what an earlier build left to remove. A remover still at work beside it does no harm: both only delete. */
export function sweep(dir: string): void {
  const found = leftovers(dir);
  if (found.length) removeInBackground(found);
}

function removeInBackground(dirs: string[]): void {
  try {
    const child = spawn(process.execPath, ['-e', REMOVER, ...dirs], { detached: true, stdio: 'ignore' });
    // Only if the process could not start at all (the build is still running then): remove here.
    child.once('error', () => dirs.forEach((d) => removeFully(d)));
    child.unref();
    // Disk work for later: the next build, or the author's next command, comes first.
    if (child.pid) try { setPriority(child.pid, 19); } catch { /* the process has already finished */ }
  } catch {
    dirs.forEach((d) => removeFully(d));
  }
}

/**
 * Removes a folder that may hold one being removed in the background, and returns once it is gone.
 * Node's rmSync, when another process deletes inside the same tree, can stop early, either
 * throwing ENOENT or returning with the folder still there (Node 24; the bench met it removing its
 * copy of the project while the last build's remover was at work). So it is run again, up to
 * `tries` times, 100 ms apart.
 */
export function removeFully(dir: string, tries = 100): void {
  for (let i = 0; i < tries; i++) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (!existsSync(dir)) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  throw new Error(`${dir} could not be removed after ${tries} tries; remove it by hand`);
}
