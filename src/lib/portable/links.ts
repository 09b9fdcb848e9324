/*
 * Links of the portable edition. A page opened from disk (file://) resolves no directory index and
 * takes a root-relative link to the disk's root, so every link to the dossier becomes relative and
 * names its file: `/sources/x/#c-y` seen from `claims/y/index.html` is `../../sources/x/index.html#c-y`.
 */
import { posix } from 'node:path';

/** A link the edition cannot keep, with the page that has it. */
export interface LinkProblem { page: string; link: string; reason: 'outside' | 'missing' }

const ORIGIN = 'https://edition.invalid';
/** Schemes and forms that are not a file of the dossier. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|$)/i;

/**
 * The edition file a root-relative path names: a folder (`/sources/`) is its index.html; a path
 * without extension is a folder when the edition has `<path>/index.html`.
 */
export function fileForPath(path: string, has: (file: string) => boolean): string {
  const clean = path.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) return `${clean}index.html`;
  if (!has(clean) && has(`${clean}/index.html`)) return `${clean}/index.html`;
  return clean;
}

/**
 * Rewrites one link of the page `page` (a path inside the edition, like `sources/x/index.html`).
 * Links to other hosts, anchors and `data:` stay as they are. Anything that would resolve above the
 * edition's root is `outside`; a file the edition lacks is `missing`.
 */
export function portableLink(link: string, page: string, has: (file: string) => boolean): { link: string } | { problem: LinkProblem['reason'] } {
  if (EXTERNAL.test(link)) return { link };
  // Climbing above the root is caught before URL resolution, which would silently clamp it.
  const rawPath = link.split(/[?#]/)[0];
  if (escapes(rawPath.startsWith('/') ? rawPath.slice(1) : posix.join(posix.dirname(page), rawPath))) return { problem: 'outside' };
  const url = new URL(link, `${ORIGIN}/${page}`);
  const target = fileForPath(decodeURIComponent(url.pathname), has);
  if (!has(target)) return { problem: 'missing' };
  const rel = posix.relative(posix.dirname(`/${page}`), `/${target}`);
  return { link: `${encodeURI(rel)}${url.search}${url.hash}` };
}

/** Whether a relative path climbs above its root at any step. */
export function escapes(path: string): boolean {
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Whether a file name from the build would leave the edition's folder (`..`, absolute, a drive, a NUL). */
export function unsafeName(name: string): string | undefined {
  if (name.includes('\0')) return 'it holds a NUL character';
  if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.includes('\\')) return 'it is absolute or holds a backslash';
  if (escapes(name)) return 'it climbs out of the folder with ..';
  return undefined;
}
