import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';

/** Hex digits of the tag: 64 bits of SHA-256. */
export const TAG_LENGTH = 16;

/**
 * Stands in the built HTML for Pagefind's metaCacheTag until the index exists; the search
 * integration overwrites it with the tag of the index it wrote. It is exactly as long as the
 * tag (and ASCII, like the tag), so each page is patched in place, byte for byte, instead of
 * being read as text and written out whole again (230 MB at 10,000 sources).
 */
export const SEARCH_TAG_PLACEHOLDER = '_dossier_search_';

export interface IndexFile {
  /** Path inside the pagefind folder, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

/**
 * A tag that changes exactly when the index changes: identical builds get the same tag, so
 * browsers and the service worker keep their cached copy of the index entry file, while any
 * change of content gives the entry file a new URL and can never be served stale.
 */
export function metaCacheTag(files: IndexFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update('\0').update(file.bytes).update('\0');
  }
  return hash.digest('hex').slice(0, TAG_LENGTH);
}

const PLACEHOLDER = Buffer.from(SEARCH_TAG_PLACEHOLDER, 'latin1');

/**
 * Write the tag over every placeholder in one built file, in place: only those bytes change,
 * the file keeps its length and is never truncated. Returns how many placeholders it had.
 */
export function tagFile(file: string, tag: string): number {
  const bytes = Buffer.from(tag, 'latin1');
  if (bytes.length !== PLACEHOLDER.length || !/^[0-9a-f]+$/.test(tag)) throw new Error(`tagFile: a search tag is ${PLACEHOLDER.length} hex digits, not "${tag}"`);
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const html = Buffer.allocUnsafe(size);
    for (let read = 0; read < size; ) {
      const n = readSync(fd, html, read, size - read, read);
      if (n === 0) throw new Error(`tagFile: ${file} shrank while it was read`);
      read += n;
    }
    let count = 0;
    for (let at = html.indexOf(PLACEHOLDER); at !== -1; at = html.indexOf(PLACEHOLDER, at + PLACEHOLDER.length)) {
      writeSync(fd, bytes, 0, bytes.length, at);
      count++;
    }
    return count;
  } finally {
    closeSync(fd);
  }
}
