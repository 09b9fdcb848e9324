/*
 * The portable edition's scripts, bundled with esbuild into classic scripts (IIFE) at build time:
 * Chromium runs no module script from file://. Measured against the other way named in issue 19
 * (loading Pagefind's files as they are after rewriting `import.meta` and `export`), one bundler
 * pass is the only way for the dossier's own search code, which Vite builds as ES modules, and it
 * takes Pagefind's files in the same pass (docs/portable.md).
 *
 * The dossier's own search code asks src/lib/search/environment.ts how to load its parts, and the
 * edition's runtime (browser/runtime.ts) answers with its classic loader, so that code is bundled
 * as it is. Pagefind's Component UI imports pagefind.js by URL, which the one patch below takes to
 * the copy bundled in. A patch must apply exactly once: a change upstream fails the build with its
 * name rather than shipping a search that does not load.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BROWSER = resolve('src/lib/portable/browser');

interface Patch { file: string; find: string | RegExp; replace: string; why: string }

const PATCHES: Patch[] = [
  { file: 'pagefind-component-ui.js', find: /import\(`\$\{this\.options\.bundlePath\}pagefind\.js`\)/, replace: 'Promise.resolve(globalThis.__dossierPagefind)', why: 'pagefind.js is bundled in' },
];

export class BundleError extends Error {}

function patched(file: string, source: string): string {
  let out = source;
  for (const p of PATCHES.filter((x) => file.endsWith(x.file))) {
    const count = typeof p.find === 'string' ? out.split(p.find).length - 1 : (out.match(new RegExp(p.find, 'g')) ?? []).length;
    if (count !== 1) {
      throw new BundleError(`${p.file}: the portable edition's patch (${p.why}) found ${count} places instead of one for ${String(p.find)}.\nFix: update PATCHES in src/integrations/portable-bundle.ts to the file's new code.`);
    }
    out = out.replace(p.find, p.replace);
  }
  return out;
}

/** Resolves the Vite-only imports of the search code and the built index's files (`pagefind-built:`). */
function portableSources(site: string): Plugin {
  return {
    name: 'dossier-portable-sources',
    setup(b) {
      b.onResolve({ filter: /\?module-url$/ }, () => ({ path: 'search-client', namespace: 'portable-url' }));
      b.onResolve({ filter: /\.css\?url$/ }, (args) => ({ path: args.path.replace(/^.*\/|\.css\?url$/g, ''), namespace: 'portable-css' }));
      b.onLoad({ filter: /.*/, namespace: 'portable-url' }, () => ({ contents: "export default '_portable/search.js';", loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'portable-css' }, (args) => {
        // Vite emitted the stylesheet with a hash: the edition links that very file.
        const name = readdirSync(join(site, '_astro')).find((f) => f.startsWith(`${args.path}.`) && f.endsWith('.css'));
        if (!name) throw new BundleError(`_astro/${args.path}.*.css: not in the build; the search client needs it.\nFix: run the build again; if it persists, the stylesheet was renamed in src/lib/search/client.ts.`);
        return { contents: `export default globalThis.__dossierPortable.url(${JSON.stringify(`_astro/${name}`)});`, loader: 'js' };
      });
      b.onResolve({ filter: /^pagefind-built:/ }, (args) => {
        const path = join(site, 'pagefind', args.path.slice('pagefind-built:'.length));
        if (!existsSync(path)) throw new BundleError(`${path}: not in the build; the edition's search needs Pagefind's files.\nFix: run the build again; the search index is written before the portable edition (docs/architecture.md).`);
        return { path };
      });
      b.onLoad({ filter: /pagefind\/pagefind-component-ui\.js$/ }, (args) => {
        if (!existsSync(args.path)) throw new BundleError(`${args.path}: not in the build; the edition's search needs it.\nFix: run the build again; if it persists, Pagefind's Component UI was renamed upstream (src/integrations/portable-bundle.ts).`);
        return { contents: patched(args.path, readFileSync(args.path, 'utf8')), loader: 'js' };
      });
    },
  };
}

/** The edition's scripts, by their path in the edition (without `.js`), and their entry files. */
const ENTRIES: Record<string, string> = {
  '_portable/page': join(BROWSER, 'page-entry.ts'),
  '_portable/search': join(BROWSER, 'search-entry.ts'),
  'pagefind/pagefind-component-ui': join(BROWSER, 'component-ui-entry.ts'),
  'pagefind/pagefind-highlight': join(BROWSER, 'highlight-entry.ts'),
};

/** Where the edition's scripts will be, known before they are bundled (they need the search index). */
export const SCRIPT_PATHS = Object.keys(ENTRIES).map((name) => `${name}.js`);

/** The edition's scripts, by their path in the edition: `_portable/page.js`, `_portable/search.js` and Pagefind's two UIs. */
export async function portableScripts(site: string): Promise<Map<string, Uint8Array>> {
  let out;
  try {
    out = await build({
      entryPoints: ENTRIES,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      outdir: '/portable-out',
      logLevel: 'silent',
      legalComments: 'eof',
      // Pagefind would start a worker from pagefind-worker.js, which file:// refuses; without one it
      // searches on the main thread with the same code. Its base path comes from the runtime's fetch.
      define: { Worker: 'undefined', 'import.meta.url': 'undefined' },
      plugins: [portableSources(site)],
    });
  } catch (e) {
    // esbuild's own error carries its messages in `errors`, which Astro would print as "undefined".
    const first = (e as { errors?: { text: string; detail?: unknown; location?: { file: string; line: number } | null }[] }).errors?.[0];
    if (first?.detail instanceof BundleError) throw first.detail;
    throw new BundleError(`the portable edition's scripts did not bundle: ${first ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}` : (e as Error).message}\nFix: this is a fault in the engine's portable scripts (src/lib/portable/browser/); report it with this message.`);
  }
  return new Map(out.outputFiles.map((f) => [f.path.replace('/portable-out/', ''), f.contents]));
}
