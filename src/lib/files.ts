import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Every file under a folder, at any depth, as full paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Write a file whole or not at all: to a temporary name beside it, then renamed, so a process
 * killed meanwhile leaves the old file or the new one, never half of one. Never throws (the caches
 * and records written this way only make the next run slower when they are missing); says whether
 * the file was written.
 */
export function writeFileWhole(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself could not be made: there is no temporary file to remove.
    }
    return false;
  }
}
