import { createHash } from 'node:crypto';

/**
 * Stands in the built HTML for Pagefind's metaCacheTag until the index exists; the search
 * integration replaces it with the tag of the index it wrote.
 */
export const SEARCH_TAG_PLACEHOLDER = '__dossier_search_tag__';

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
  return hash.digest('hex').slice(0, 16);
}

/** Put the tag where the placeholder stands; returns undefined when the page has none. */
export function applyTag(html: string, tag: string): string | undefined {
  return html.includes(SEARCH_TAG_PLACEHOLDER) ? html.replaceAll(SEARCH_TAG_PLACEHOLDER, tag) : undefined;
}
