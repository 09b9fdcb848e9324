import { afterAll, beforeAll, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The engine folder as git sees it: `git status --porcelain` (changed tracked files, and any new
 * file that is neither tracked nor ignored) plus a SHA-256 over every tracked file's bytes. A build
 * of an outside dossier must leave this exactly as it was.
 */
export function engineState(root = process.cwd()): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const status = git('status', '--porcelain', '--untracked-files=all');
  const hash = createHash('sha256');
  for (const file of git('ls-files', '-z').split('\0').filter(Boolean)) {
    hash.update(file);
    hash.update(existsSync(`${root}/${file}`) ? readFileSync(`${root}/${file}`) : 'absent');
  }
  return `${status}\ntracked files: ${hash.digest('hex')}`;
}

/**
 * Registers the check for a test file whose commands work on a dossier outside the engine: once
 * its tests are done, the engine folder is as it was before them (`why` says what must not touch it).
 */
export function expectEngineUnchanged(why: string): void {
  let before = '';
  beforeAll(() => {
    before = engineState();
  });
  afterAll(() => {
    expect(engineState(), why).toBe(before);
  });
}
