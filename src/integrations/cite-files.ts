import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { citableItems } from '../lib/cite/items.ts';
import { CITE_DOWNLOADS } from '../lib/cite/downloads.ts';

/**
 * Writes /cite/<id>.json|.bib|.ris for the dossier, every source and every claim straight to the
 * output folder. As Astro routes they were three rendered pages per source (3,000 at 1,000
 * sources) for a few hundred bytes each; here they are one loop of writeFileSync. Listed before
 * the offline and atomic-output integrations, so the worker's manifest and the swap include them.
 */
export default function citeFiles(): AstroIntegration {
  return {
    name: 'dossier:cite-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // `astro dev` serves the same files from memory.
        server.middlewares.use((req, res, next) => {
          const m = /^\/cite\/([^/]+)\.(json|bib|ris)$/.exec(req.url?.split('?')[0] ?? '');
          if (!m) return next();
          const item = citableItems(currentDossier()).find((i) => i.id === decodeURIComponent(m[1]));
          const download = CITE_DOWNLOADS.find((d) => d.ext === m[2])!;
          if (!item) return next();
          res.setHeader('Content-Type', download.type);
          res.end(download.render(item));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'cite');
        mkdirSync(out, { recursive: true });
        const items = citableItems(currentDossier());
        for (const item of items) for (const d of CITE_DOWNLOADS) writeFileSync(join(out, `${item.id}.${d.ext}`), d.render(item));
        logger.info(`wrote ${items.length * CITE_DOWNLOADS.length} citation files`);
      },
    },
  };
}
