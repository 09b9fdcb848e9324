// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import dossier from './src/integrations/dossier.ts';
import devReload from './src/integrations/dev-reload.ts';
import siteFiles, { siteFilesWritten } from './src/integrations/site-files.ts';
import atomicOutput from './src/integrations/atomic-output.ts';
import searchIndex from './src/integrations/pagefind.ts';
import offline from './src/integrations/offline.ts';
import printPdf from './src/integrations/print-pdf.ts';
import printBody from './src/integrations/print-body.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import portableEdition from './src/integrations/portable.ts';
import { moduleUrl } from './src/integrations/module-url.ts';
import { runningHead } from './src/integrations/running-head.ts';
import { onwarn } from './src/integrations/known-warnings.ts';
import { siteUrl } from './src/lib/content/site.ts';
import { cellAlignToClass } from './src/lib/render/cell-align.ts';
import { cacheDirFor } from './src/lib/content/location.ts';

export default defineConfig({
  site: siteUrl(),
  outDir: process.env.DOSSIER_OUT_DIR || './dist',
  // One cache per content folder, so builds of different dossiers (tests, benchmarks) never share a data store.
  cacheDir: cacheDirFor(),
  trailingSlash: 'always',
  // Astro's dev toolbar is for building apps; a dossier's author has no use for it, and it made each
  // page of `npm run dev` load its modules too (the edit loop: docs/performance.md).
  devToolbar: { enabled: false },
  // Markdown must not write style attributes, which the Content Security Policy blocks: Shiki would
  // colour code blocks with them (in a dark theme of its own), so code stays plain <pre><code> in the
  // site's palette; a table column's alignment becomes a class (src/lib/render/cell-align.ts).
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [cellAlignToClass] }) },
  // 'jsx' (the Astro 7 default) drops the spaces between inline elements in running text; true
  // collapses white space without losing any that renders.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts ship as files, not inline: cached across pages, and allowed by 'self' rather than by hashes.
  // The search client is loaded on demand by URL, with no preload helper (src/integrations/module-url.ts).
  // emptyOutDir: false, because the output folder is always a fresh staging folder (atomic-output)
  // and the /cite/ and /captures/ files are written into it before Astro bundles (site-files).
  // onwarn keeps warnings known to be harmless (each with its upstream report) out of the build log.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false, rolldownOptions: { onwarn } }, plugins: [moduleUrl(), runningHead()] },
  // No `security.csp`: the Base layout writes the dossier's own policy, with no hashes to keep
  // (src/lib/security/policy.ts; the headers for a real host are in dist/_headers, docs/hosting.md).
  // siteFiles() starts writing the /cite/ and /captures/ files in a worker once the config is settled;
  // siteFilesWritten() waits for them before anything lists the output.
  // devReload() makes `astro dev` verify again and reload at every save of a dossier file.
  // printBody() puts the print edition's body, written to disk as it rendered, into its page before anything reads the pages.
  integrations: [dossier(), devReload(), siteFiles(), mdx(), printBody(), searchIndex(), siteFilesWritten(), printPdf(), sitemap(), portableEdition(), offline(), securityHeaders(), atomicOutput()],
});
