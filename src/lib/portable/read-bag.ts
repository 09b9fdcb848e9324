/*
 * A bag on disk, as a zip (one top folder, RFC 8493 §4) or as its folder, read for the validator
 * (bagit.ts). Used by `npm run verify-bag` and the tests.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { bagFromEntries, validateBag } from './bagit.ts';
import { unzip } from './zip.ts';

export interface BagReport { problems: string[]; payloadFiles: number; payloadBytes: number }

function readFolder(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  }
  return files;
}

/** Validates the bag at `path`; a path that is neither a zip nor a folder is a problem, not an exception. */
export function verifyBagAt(path: string): BagReport {
  if (!existsSync(path)) return { problems: [`${path}: no such file or folder`], payloadFiles: 0, payloadBytes: 0 };
  let files: Map<string, Uint8Array>;
  if (statSync(path).isDirectory()) files = readFolder(path);
  else {
    let entries: Map<string, Uint8Array>;
    try {
      entries = unzip(readFileSync(path));
    } catch (e) {
      return { problems: [`${path}: not a readable zip (${(e as Error).message})`], payloadFiles: 0, payloadBytes: 0 };
    }
    const read = bagFromEntries(entries);
    if (read.problems.length) return { problems: read.problems, payloadFiles: 0, payloadBytes: 0 };
    files = read.files;
  }
  const payload = [...files.keys()].filter((p) => p.startsWith('data/'));
  return {
    problems: validateBag(files),
    payloadFiles: payload.length,
    payloadBytes: payload.reduce((sum, p) => sum + files.get(p)!.length, 0),
  };
}
