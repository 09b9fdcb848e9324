import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { SITE_FILE_FOLDERS, siteFileJob, siteFiles } from '../lib/export/files.ts';
import { writeInWorker, type Written } from '../lib/export/write.ts';
import { GRAPH_FILE, graphChunks, writeGraphFile } from '../lib/export/graph-file.ts';

let writing: Promise<Written> | undefined;
let building = false;

/**
 * Writes the site's non-page files (citation downloads and raw captures, src/lib/export/files.ts)
 * straight to the output folder, and serves the same files in `astro dev`. A build starts a worker
 * thread that writes them as soon as the configuration is settled, while Astro syncs content and
 * bundles the pages: they need nothing but the verified content, and the disk is idle then, where
 * after the pages it is busy with the search index's thousand files. `siteFilesWritten()`, listed
 * before the offline and atomic-output integrations, waits for them, so the worker's manifest and
 * the swap include them. The output folder is a fresh staging folder (atomic-output.ts) that Astro
 * is told not to empty (astro.config.mjs), so the early files stay.
 * `/dossier.json` is written here too, on the main thread, which has the graph (graph-file.ts).
 */
export default function siteFilesIntegration(): AstroIntegration {
  return {
    name: 'dossier:site-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
          if (path === GRAPH_FILE.path) {
            res.setHeader('Content-Type', GRAPH_FILE.type);
            for (const chunk of graphChunks(currentDossier())) res.write(chunk);
            return res.end();
          }
          // Listing the files costs a pass over the dossier: only for paths in their folders.
          if (!(SITE_FILE_FOLDERS as readonly string[]).includes(dirname(path))) return next();
          const file = siteFiles(currentDossier()).find((f) => f.path === path);
          if (!file) return next();
          res.setHeader('Content-Type', file.type);
          res.end(file.body());
        });
      },
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!building) return;
        writing = startWriting(fileURLToPath(config.outDir), logger);
        // A failure is thrown by siteFilesWritten(), which fails the build before the swap; not as an unhandled rejection meanwhile.
        writing.catch(() => {});
      },
    },
  };
}

/** Waits for the files `siteFiles()` started writing; list it before anything that lists the output (offline, atomic-output). */
export function siteFilesWritten(): AstroIntegration {
  return {
    name: 'dossier:site-files-written',
    hooks: {
      'astro:build:done': async () => {
        try {
          await writing;
        } catch (e) {
          // A clear line, not a stack trace: the staging folder is discarded and the last good site stays.
          console.error(`\nSite files: could not write /dossier.json or the /cite/ and /captures/ files: ${(e as Error).message}\nFix: check that every file in the content folder's captures/ is readable and that the output folder is writable, then build again.\n`);
          process.exit(1);
        } finally {
          writing = undefined;
        }
      },
    },
  };
}

function startWriting(root: string, logger: AstroIntegrationLogger): Promise<Written> {
  const dossier = currentDossier();
  const here = new URL('../lib/export/write-worker.ts', import.meta.url);
  const worker = here.protocol === 'file:' && existsSync(here) ? here : pathToFileURL(resolve(process.cwd(), 'src/lib/export/write-worker.ts'));
  const started = performance.now();
  const written = writeInWorker({ root, ...siteFileJob(dossier) }, worker).then((w) => {
    logger.info(`wrote ${w.files} citation and capture files (${w.by}) in ${Math.round(performance.now() - started)} ms`);
    return w;
  });
  // While the worker writes those, this thread writes the graph; a failure fails the build in siteFilesWritten().
  const graph = performance.now();
  try {
    const bytes = writeGraphFile(root, dossier);
    logger.info(`wrote /${GRAPH_FILE.path} (${(bytes / 2 ** 20).toFixed(1)} MB) in ${Math.round(performance.now() - graph)} ms`);
  } catch (e) {
    return written.then(() => Promise.reject(e));
  }
  return written;
}
