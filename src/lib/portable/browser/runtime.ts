/*
 * The portable edition's runtime, first in its classic page script. A page opened from disk may
 * not import a module or call fetch() (Chromium refuses both from file://), so:
 *  - the index's files ship as classic scripts that register their bytes (`pagefind/<file>.js`,
 *    written by src/lib/portable/data-script.ts), and `fetch` answers from them: Pagefind reads
 *    the very same index, so ranking and results are those of the web edition;
 *  - a module loaded on demand is a classic script that registers its exports (`load`);
 *  - root-relative links made by script (`/search/?q=…`) are taken to the edition's files.
 */
import { editionHref } from '../href.ts';
import type {} from '../../search/environment.ts';


const script = document.currentScript as HTMLScriptElement | null;
/** The edition's root: this script is `<root>/_portable/page.js`. */
const root = new URL('../', script?.src ?? location.href).href;
/** Pagefind's result template lets only `./`, `../` and web addresses through: links from the page are relative. */
const fromPage = './' + '../'.repeat(decodeURI(location.pathname).slice(decodeURI(new URL(root).pathname).length).split('/').length - 1);
const files = new Map<string, Uint8Array>();
const modules = new Map<string, unknown>();
const loading = new Map<string, Promise<void>>();

/** Loads a classic script once; resolves when it has run. */
function load(src: string): Promise<void> {
  let done = loading.get(src);
  if (!done) {
    done = new Promise<void>((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.onload = () => resolve();
      el.onerror = () => {
        loading.delete(src);
        reject(new TypeError(`Failed to load ${src}`));
      };
      document.head.append(el);
    });
    loading.set(src, done);
  }
  return done;
}

const url = (path: string) => (path.startsWith('/') ? editionHref(path, root) : new URL(path, root).href);

const INDEX = '/pagefind/';

globalThis.__dossierPortable = {
  root,
  fromPage: fromPage.replace(/^\.\/(?=\.)/, ''),
  url,
  async import(spec) {
    const src = new URL(url(spec)).href;
    await load(src);
    if (!modules.has(src)) throw new TypeError(`${src} registered no module`);
    return modules.get(src);
  },
  file(name, base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    files.set(name, bytes);
  },
  module(exports) {
    const src = (document.currentScript as HTMLScriptElement | null)?.src;
    if (src) modules.set(new URL(src).href, exports);
  },
};

/** The index's files by the name Pagefind asks for (`index/<hash>.pf_index`, `pagefind-entry.json`, …). */
globalThis.fetch = async (input: RequestInfo | URL): Promise<Response> => {
  const asked = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  const path = decodeURIComponent(asked.pathname);
  const at = path.lastIndexOf(INDEX);
  if (at < 0) throw new TypeError(`The portable edition reads no network: ${asked.href}`);
  const name = path.slice(at + INDEX.length);
  if (!files.has(name)) await load(`${root}pagefind/${name}.js`);
  const bytes = files.get(name);
  if (!bytes) throw new TypeError(`pagefind/${name}.js registered no bytes`);
  return new Response(bytes, { status: 200 });
};

/** A link made by script with a root-relative address (the modal's "All results"): to the edition's file. */
addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href^="/"]');
  if (link) link.href = url(link.getAttribute('href')!);
});
