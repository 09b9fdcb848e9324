/*
 * Pagefind's own JS, as the edition ships it: `pagefind/pagefind-component-ui.js` is the Component
 * UI with Pagefind's search module bundled in (src/lib/portable/bundle.ts builds both as one classic
 * script, where the UI's `import()` of pagefind.js becomes `__dossierPagefind`). Search runs on the
 * main thread (a worker cannot start from file://) on the same index and WebAssembly.
 *
 * Pagefind gives result addresses as the site stores them (`/sources/x/?highlight=…`); here they
 * become the edition's files, so a click, or Enter in the modal, opens the page from disk.
 */
import { editionHref } from '../href.ts';

type Data = { url: string; meta?: Record<string, string>; sub_results?: { url: string }[] };
type Result = { data: () => Promise<Data> };
type Found = { results?: Result[] } | null;
type Instance = Record<string, (...args: any[]) => Promise<any>> & { search: (...a: any[]) => Promise<Found>; debouncedSearch: (...a: any[]) => Promise<Found> };
type Module = { createInstance: (options: unknown) => Instance };

export function editionData(data: Data, root: string): Data {
  const meta = data.meta?.url ? { ...data.meta, url: editionHref(data.meta.url, root) } : data.meta;
  return {
    ...data,
    url: editionHref(data.url, root),
    meta: meta as Data['meta'],
    sub_results: data.sub_results?.map((s) => ({ ...s, url: editionHref(s.url, root) })),
  };
}

function withEditionUrls(found: Found, root: string): Found {
  if (!found?.results) return found;
  return { ...found, results: found.results.map((r) => ({ ...r, data: async () => editionData(await r.data(), root) })) };
}

export function portablePagefind(pagefind: Module, root: string): Module {
  return {
    ...pagefind,
    createInstance(options) {
      const instance = pagefind.createInstance(options);
      return {
        ...instance,
        search: async (...args: any[]) => withEditionUrls(await instance.search(...args), root),
        debouncedSearch: async (...args: any[]) => withEditionUrls(await instance.debouncedSearch(...args), root),
      };
    },
  };
}
