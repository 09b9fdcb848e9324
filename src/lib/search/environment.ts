/*
 * Where the search code finds its parts, in one place. The web edition loads modules by address
 * from the site's root and runs queries in workers. The portable edition opens from file://, where
 * Chromium refuses module scripts, fetch() and workers: its runtime (src/lib/portable/browser/
 * runtime.ts) sets `globalThis.__dossierPortable` before any search code runs, and the same code
 * then loads classic scripts from the edition's folder and searches on the main thread.
 */
export interface PortableRuntime {
  /** The edition's root as an absolute file:// URL, and as a path from this page (`../../`, or `./`). */
  root: string;
  fromPage: string;
  /** A root-relative path (`/search/`) or a path in the edition (`pagefind/`) → an address this page can load. */
  url(path: string): string;
  import(spec: string): Promise<unknown>;
  file(name: string, base64: string): void;
  module(exports: unknown): void;
}
declare global {
  // eslint-disable-next-line no-var
  var __dossierPortable: PortableRuntime | undefined;
}

export interface SearchEnvironment {
  /** The site's root folder as an address: `/` on the web, the edition's folder from disk. */
  root: string;
  /** A page by its root-relative path (`/search/`) → the address that opens it. */
  page(path: string): string;
  import(url: string): Promise<any>;
  /** How a script of Pagefind's is added to the page. */
  scriptType: 'module' | 'classic';
  /** Whether the header search may start workers of its own. */
  workers: boolean;
}

const web: SearchEnvironment = {
  root: '/',
  page: (path) => path,
  import: (url) => import(/* @vite-ignore */ url),
  scriptType: 'module',
  workers: typeof Worker !== 'undefined',
};

export function searchEnvironment(): SearchEnvironment {
  const portable = globalThis.__dossierPortable;
  if (!portable) return web;
  return { root: portable.root, page: portable.url, import: portable.import, scriptType: 'classic', workers: false };
}
