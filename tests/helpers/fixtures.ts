import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MINI = 'tests/fixtures/mini';
export const BAD_INPUT = 'tests/fixtures/bad-input';

export interface Fault {
  name: string;
  about: string;
  delete: string[];
  expect: string[];
}

export function faults(): Fault[] {
  return readdirSync(BAD_INPUT).sort().map((name) => ({ name, ...JSON.parse(readFileSync(join(BAD_INPUT, name, 'fault.json'), 'utf8')) }));
}

/** A copy of the mini dossier with one fixture's files laid over it, inside the project (for relative paths). */
export function brokenCopy(fault: Fault, root = 'tests/.out'): string {
  const dir = mkdtempSync(join(root, `bad-${fault.name}-`));
  cpSync(MINI, dir, { recursive: true });
  const files = join(BAD_INPUT, fault.name, 'files');
  if (existsSync(files)) cpSync(files, dir, { recursive: true });
  for (const p of fault.delete) rmSync(join(dir, p));
  return dir;
}

export function miniCopy(root = 'tests/.out', tag = 'mini'): string {
  const dir = mkdtempSync(join(root, `${tag}-`));
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

export { tmpdir };
