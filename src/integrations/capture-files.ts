import type { AstroIntegration } from 'astro';
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';

/**
 * Copies every capture to /captures/<id>.txt, byte for byte, so readers can check its SHA-256
 * themselves. As an Astro route each capture was a rendered endpoint (1,000 at 1,000 sources)
 * that only read a file; here it is one copyFileSync. Listed before the offline and
 * atomic-output integrations, so the worker's manifest and the swap include the files.
 */
export default function captureFiles(): AstroIntegration {
  return {
    name: 'dossier:capture-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // `astro dev` serves the capture files themselves.
        server.middlewares.use((req, res, next) => {
          const m = /^\/captures\/([^/]+)\.txt$/.exec(req.url?.split('?')[0] ?? '');
          if (!m) return next();
          const capture = currentDossier().captures.get(decodeURIComponent(m[1]));
          if (!capture) return next();
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          createReadStream(resolve(capture.file)).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'captures');
        mkdirSync(out, { recursive: true });
        const captures = [...currentDossier().captures.values()];
        // The file itself, not its decoded text: the download is byte-identical to the capture.
        for (const capture of captures) copyFileSync(resolve(capture.file), join(out, `${capture.id}.txt`));
        logger.info(`copied ${captures.length} capture files`);
      },
    },
  };
}
