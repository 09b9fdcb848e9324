import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';

/** The folders a test file makes, removed once its tests are done: push each one as it is made. */
export function madeFolders(): string[] {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return made;
}
