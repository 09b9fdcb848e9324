import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/** Hex digits of the tag: 64 bits of SHA-256. */
export const TAG_LENGTH = 16;

/**
 * Stands in the built HTML for Pagefind's metaCacheTag until the search integration overwrites it
 * with the tag of everything the index is made from (tagPages, index-site.ts), before Pagefind
 * runs. It is exactly as long as the
 * tag (and ASCII, like the tag), so each page is patched in place, byte for byte, instead of
 * being read as text and written out whole again (230 MB at 10,000 sources).
 */
export const SEARCH_TAG_PLACEHOLDER = '_dossier_search_';

/** A tag from named inputs, hashed as they come: the separators keep "ab"+"c" apart from "a"+"bc". */
export class TagHash {
  readonly #hash = createHash('sha256');

  add(name: string, bytes: Uint8Array | string): this {
    this.#hash.update(name).update('\0').update(bytes).update('\0');
    return this;
  }

  digest(): string {
    return this.#hash.digest('hex').slice(0, TAG_LENGTH);
  }
}

const PLACEHOLDER = Buffer.from(SEARCH_TAG_PLACEHOLDER, 'latin1');

/** Where the placeholder stands in a file's bytes. */
export function placeholdersIn(bytes: Buffer): number[] {
  const at: number[] = [];
  for (let i = bytes.indexOf(PLACEHOLDER); i !== -1; i = bytes.indexOf(PLACEHOLDER, i + PLACEHOLDER.length)) at.push(i);
  return at;
}

/**
 * Writes the tag over the placeholders at `positions` in one built file, in place: only those
 * bytes change, the file keeps its length and is never truncated.
 */
export function writeTagAt(file: string, positions: number[], tag: string): void {
  const bytes = Buffer.from(tag, 'latin1');
  if (bytes.length !== PLACEHOLDER.length || !/^[0-9a-f]+$/.test(tag)) throw new Error(`writeTagAt: a search tag is ${PLACEHOLDER.length} hex digits, not "${tag}"`);
  if (!positions.length) return;
  const fd = openSync(file, 'r+');
  try {
    for (const at of positions) writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}
