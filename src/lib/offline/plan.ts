/**
 * Which files of a build the service worker saves up front. Below the budget it is all of
 * them, so the whole dossier reads and searches offline after one visit. Above it (think
 * 10,000 sources) only the shell and the search core are saved at once; pages and index
 * chunks are kept as they are visited, and "Save for offline" fetches the rest.
 */
export interface BuiltFile {
  /** Path inside the build folder, forward slashes, no leading slash: "sources/x/index.html". */
  path: string;
  size: number;
  /** Content hash: the worker's version changes exactly when some file changes. */
  hash: string;
}

export interface OfflinePlan {
  version: string;
  mode: 'full' | 'shell';
  /** URLs saved when the worker installs. */
  precache: string[];
  /** URLs left for "Save for offline" (empty in full mode). */
  deferred: string[];
  totalBytes: number;
  budgetBytes: number;
}

/** 40 MB: about 2,000 sources of this dossier's size with their index; see docs/search.md. */
export const DEFAULT_BUDGET_BYTES = 40 * 1024 * 1024;

/** Files the worker and the reader never need: the worker itself, its manifest, maps, unused Pagefind UIs. */
const SKIP = [
  /^sw\.js$/, /^offline-manifest\.json$/, /\.map$/,
  /^pagefind\/pagefind-ui\.(js|css)$/, /^pagefind\/pagefind-modular-ui\.(js|css)$/, /^pagefind\/playground\//, /\.pdf$/, /\.zip$/,
  // Web archives are evidence to download and check, not reading: their extracted text (.txt) is saved.
  /^captures\/.+\.(?:warc\.gz|warc|wacz|html\.txt)$/,
];

/** An index's chunks, in every part of the index (search/parts.ts): loaded as searches need them, so saved at once only below the budget. */
const INDEX_CHUNK = /^pagefind\/(?:part-\d+\/)?(index|fragment|filter)\//;

/** Hashed names never change content, so they are safe to serve from cache first (URLs, hence the leading slash). */
export const IMMUTABLE = [/^\/_astro\//, new RegExp(`^\\/${INDEX_CHUNK.source.slice(1)}`), /^\/pagefind\/(?:part-\d+\/)?pagefind\.[\w-]+\.pf_meta$/];

/** Files the search asks for with the index's tag as query (`?ts=`): each part's entry file, and the list of parts. */
const TAGGED = /^pagefind\/(?:(?:part-\d+\/)?pagefind-entry\.json|dossier-parts\.json)$/;

/** The shell: styles, scripts, icons, the home and search pages, the 404 page, and the search core. */
function isShell(path: string): boolean {
  if (path.startsWith('_astro/')) return true;
  if (/^[^/]+\.(svg|ico|png|js|webmanifest)$/.test(path)) return true;
  if (['index.html', 'search/index.html', '404.html'].includes(path)) return true;
  return path.startsWith('pagefind/') && !INDEX_CHUNK.test(path);
}

/** The URL a reader requests for a built file: directory pages by their folder, with a trailing slash. */
export function urlOf(path: string, entryTag?: string): string {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  // Pagefind asks for its entry files with the metaCacheTag as query; saving that exact URL lets them be found offline.
  if (TAGGED.test(path) && entryTag) return `/${path}?ts=${entryTag}`;
  return `/${path}`;
}

export function planOffline(files: BuiltFile[], opts: { budgetBytes?: number; entryTag?: string; versionOf: (parts: string[]) => string }): OfflinePlan {
  const budgetBytes = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const kept = files.filter((f) => !SKIP.some((re) => re.test(f.path))).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totalBytes = kept.reduce((n, f) => n + f.size, 0);
  const version = opts.versionOf(kept.map((f) => `${f.path}\0${f.hash}`));
  const mode = totalBytes <= budgetBytes ? 'full' : 'shell';
  const url = (f: BuiltFile) => urlOf(f.path, opts.entryTag);
  if (mode === 'full') return { version, mode, precache: kept.map(url), deferred: [], totalBytes, budgetBytes };
  return {
    version, mode, totalBytes, budgetBytes,
    precache: kept.filter((f) => isShell(f.path)).map(url),
    deferred: kept.filter((f) => !isShell(f.path)).map(url),
  };
}
