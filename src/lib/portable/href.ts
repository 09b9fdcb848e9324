/*
 * In the browser, the portable edition's address of a root-relative path of the dossier: what
 * search results (Pagefind stores `/sources/x/`) and links made by script need, since a file://
 * page resolves `/x/` to the disk's root and opens no directory index. No Node imports: this is
 * bundled into the edition's classic scripts (src/lib/portable/browser/).
 */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|$)/i;

/** `/sources/x/?highlight=a#h` within the edition at `root` (a URL ending in `/`): `<root>sources/x/index.html?highlight=a#h`. */
export function editionHref(path: string, root: string): string {
  if (EXTERNAL.test(path) || !path.startsWith('/')) return path;
  const url = new URL(path, 'https://edition.invalid');
  const file = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  return `${root}${file.slice(1)}${url.search}${url.hash}`;
}
