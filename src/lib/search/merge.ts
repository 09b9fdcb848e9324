/*
 * The browser's side of the index in parts (parts.ts): which further parts there are, read from
 * the first part's list before Pagefind loads, and Pagefind's Component UI told to merge them.
 * The header search's own workers merge them too (host-worker.ts), given the same paths.
 */
import { mergePaths, PARTS_FILE } from './parts.ts';

declare global {
  // eslint-disable-next-line no-var
  var __dossierSearchParts: string[] | undefined;
}

/** The Component UI instances the pages use: the header search's and /search/'s. */
export const INSTANCES = ['default', 'page'];

interface Instance {
  __pagefind__: unknown;
  pagefindOptions: Record<string, unknown>;
  applyOptions(options: { mergeIndex: Record<string, unknown>[] }): void;
}
interface Manager {
  hasInstance(name: string): boolean;
  getInstance(name: string): Instance;
}

/**
 * The further parts' bundle paths. Asked with the index's tag, like Pagefind's own entry file, so
 * no cache serves a list from before the last build. No list, or an unreadable one, is one part.
 */
export async function furtherParts(bundle: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  const tag = document.querySelector('pagefind-config[meta-cache-tag]')?.getAttribute('meta-cache-tag');
  try {
    const response = await fetcher(`${bundle}${PARTS_FILE}${tag ? `?ts=${encodeURIComponent(tag)}` : ''}`);
    return response.ok ? mergePaths(bundle, await response.json()) : [];
  } catch {
    return [];
  }
}

/**
 * Tells every Component UI instance that has not loaded Pagefind yet to merge the further parts,
 * each with the instance's own options (excerpt length, highlight parameter, tag), so that a
 * result from any part reads the same. The UI reads this list only once its `import()` of
 * pagefind.js has resolved, which is after the script's load event on the web; the portable
 * edition, whose Pagefind is bundled in and resolves at once, calls this as its script runs.
 */
export function mergeParts(paths: string[] = globalThis.__dossierSearchParts ?? []): void {
  const manager = (window as unknown as { PagefindComponents?: { getInstanceManager(): Manager } }).PagefindComponents?.getInstanceManager();
  if (!manager || !paths.length) return;
  for (const name of INSTANCES) {
    if (!manager.hasInstance(name)) continue;
    const instance = manager.getInstance(name);
    if (instance.__pagefind__) continue;
    instance.applyOptions({ mergeIndex: paths.map((bundlePath) => ({ ...instance.pagefindOptions, bundlePath })) });
  }
}
