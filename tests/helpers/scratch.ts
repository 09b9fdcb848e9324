import { afterAll } from 'vitest';
import { removeFully } from '../../src/lib/discard.ts';

/** The folders a test file makes, removed once its tests are done: push each one as it is made. */
export function madeFolders(): string[] {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => removeFully(d)));
  return made;
}
