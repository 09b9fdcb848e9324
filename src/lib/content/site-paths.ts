import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageCount, SOURCES_PER_PAGE } from '../render/paginate.ts';

/** The ids a dossier's addresses are made of. */
export interface PathIds {
  sources: Set<string>;
  claims: Set<string>;
  pages: Set<string>;
  captures: Set<string>;
}

/** Files every build writes at the top of the site, besides the pages (src/pages/, the integrations). */
const SITE_FILES = new Set([
  '/dossier.json', '/dossier.schema.json', '/feed.xml', '/og.png', '/robots.txt', '/sources.bib', '/sources.csl.json',
  '/sitemap-index.xml', '/sitemap-0.xml', '/theme.js', '/sw.js', '/offline-manifest.json', '/_headers', '/404.html',
  // Written by `npm run pdf` rather than by the build; the site links to it once it is there.
  '/dossier.pdf',
  // The portable edition's zip (docs/portable.md), written by the build unless DOSSIER_PORTABLE=0.
  '/dossier-portable.zip',
]);
const LISTS = new Set(['/', '/sources/', '/claims/', '/search/', '/print/', '/cite/']);

/**
 * Whether a path (no query or fragment; a page's path ends in "/") is one the site will have:
 * the routes of src/pages/ for these ids and the files the integrations write. A page of the
 * dossier links with this in mind before anything is built; tests/build/site-paths.test.ts holds
 * it to every file of the real build, so a new route that is not added here fails there.
 */
export function isSitePath(path: string, ids: PathIds): boolean {
  if (LISTS.has(path) || SITE_FILES.has(path)) return true;
  let m: RegExpExecArray | null;
  if ((m = /^\/sources\/page\/(\d+)\/$/.exec(path))) {
    const n = Number(m[1]);
    return n >= 2 && n <= pageCount(ids.sources.size, SOURCES_PER_PAGE);
  }
  if ((m = /^\/sources\/([^/]+)\/$/.exec(path))) return ids.sources.has(m[1]);
  if ((m = /^\/claims\/([^/]+)\/$/.exec(path))) return ids.claims.has(m[1]);
  if ((m = /^\/captures\/([^/]+?)\.(?:txt|warc\.gz|warc|wacz|html\.txt)$/.exec(path))) return ids.captures.has(m[1]);
  if ((m = /^\/cite\/(.+)\.(json|bib|ris)$/.exec(path))) {
    const id = m[1];
    return id === 'dossier' || ids.sources.has(id) || (id.startsWith('claim-') && ids.claims.has(id.slice('claim-'.length)));
  }
  if ((m = /^\/([^/]+)\/$/.exec(path))) return ids.pages.has(m[1]);
  return false;
}

/** isSitePath, or a file the author put in the project's public/ folder, which Astro copies as it is. */
export function sitePathCheck(ids: PathIds, publicDir = resolve('public')): (path: string) => boolean {
  return (path) => isSitePath(path, ids) || (path !== '/' && existsSync(join(publicDir, path)));
}

/**
 * The site path an author's link points at, resolved against the page it is on; undefined for
 * links that leave the site (a scheme, "//host") or stay on the page ("#…"). A path without a
 * file extension gets its trailing slash, as the built site has.
 */
export function linkedPath(href: string, pagePath: string): string | undefined {
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(h)) return undefined;
  let path = new URL(h, `https://site.invalid${pagePath}`).pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: compare the path as written.
  }
  return /\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
}
