import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { SITE_FILE_FOLDERS, siteFiles } from '../lib/export/files.ts';

/**
 * Writes the site's non-page files (citation downloads and raw captures, src/lib/export/files.ts)
 * straight to the output folder, and serves the same files in `astro dev`. Listed before the
 * offline and atomic-output integrations, so the worker's manifest and the swap include them.
 */
export default function siteFilesIntegration(): AstroIntegration {
  return {
    name: 'dossier:site-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
          // Listing the files costs a pass over the dossier: only for paths in their folders.
          if (!(SITE_FILE_FOLDERS as readonly string[]).includes(dirname(path))) return next();
          const file = siteFiles(currentDossier()).find((f) => f.path === path);
          if (!file) return next();
          res.setHeader('Content-Type', file.type);
          res.end(file.body());
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = siteFiles(currentDossier());
        for (const folder of new Set(files.map((f) => dirname(f.path)))) mkdirSync(join(root, folder), { recursive: true });
        for (const f of files) writeFileSync(join(root, f.path), f.body());
        logger.info(`wrote ${files.length} citation and capture files`);
      },
    },
  };
}
