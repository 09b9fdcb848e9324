import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

/*
 * `import url from './x.ts?module-url'` gives the URL of x.ts built as an ES module of its own,
 * with its exports, for a page to `import(url)` when it needs it. A plain `import('./x.ts')`
 * would make Vite bundle its dynamic-import preload helper (about 0.7 kB gzipped) into the page's
 * first-view script, to preload dependencies the lazy module does not have; and Vite's own
 * `?worker&url` drops a module's exports.
 */
const SUFFIX = '?module-url';
const PREFIX = '\0dossier-module-url:';

export function moduleUrl(): Plugin {
  let serve = false;
  return {
    name: 'dossier:module-url',
    enforce: 'pre',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    resolveId(id, importer) {
      if (!id.endsWith(SUFFIX) || !importer) return;
      return PREFIX + resolve(dirname(importer.split('?')[0]), id.slice(0, -SUFFIX.length));
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return;
      const file = id.slice(PREFIX.length);
      // The dev server compiles modules on request, so the source path is the module's URL there.
      if (serve) return `export default ${JSON.stringify(`/@fs${file}`)};`;
      const ref = this.emitFile({ type: 'chunk', id: file, preserveSignature: 'strict' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
