import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedDir } from './atomic-output.ts';
import { currentDossier } from '../lib/content/current.ts';
import { contextRecords } from '../lib/search/records.ts';
import { indexSite, SearchIndexError } from '../lib/search/index-site.ts';
import { partPagesSetting } from '../lib/search/parts.ts';

/**
 * Indexes the built site with Pagefind's Node API, so `astro build` alone yields search.
 * It runs on the folder Astro hands to `astro:build:done` (the staging folder), before the
 * offline integration lists the files and before the atomic swap publishes them.
 * In `astro dev` it serves the last build's index, or a script that says a build is needed.
 */
export default function searchIndex(): AstroIntegration {
  let lastBuild = '';
  let partPages: number | undefined;
  return {
    name: 'dossier:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        lastBuild = publishedDir(config.outDir);
        // Read before anything renders, so a wrong value stops the build at once.
        try {
          partPages = partPagesSetting(process.env.DOSSIER_SEARCH_PART_PAGES);
        } catch (e) {
          fail([(e as Error).message], 'set it to a whole number of at least 1, or unset it for the default (docs/search.md).');
        }
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!path.startsWith('/pagefind/')) return next();
          const file = join(lastBuild, path);
          if (file.startsWith(`${lastBuild}/pagefind/`) && existsSync(file) && statSync(file).isFile()) {
            res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
            createReadStream(file).pipe(res);
            return;
          }
          res.statusCode = 404;
          res.end('No search index yet: run `npm run build` once, then reload. Dev mode searches the last build.');
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const started = performance.now();
        // The preflight's graph: verifying the folder again here cost as much as the preflight itself.
        const records = contextRecords(currentDossier(), anchorLookup(root));
        try {
          const done = await indexSite(root, records, { partPages });
          const parts = done.parts > 1 ? ` in ${done.parts} parts` : '';
          logger.info(`indexed ${done.pages} pages and ${done.records} entries${parts} (tag ${done.tag}, ${done.tagged} pages) in ${Math.round(performance.now() - started)} ms`);
        } catch (e) {
          if (e instanceof SearchIndexError) fail(e.problems, e.fix);
          throw e;
        }
      },
    },
  };
}

function fail(errors: string[], fix = 'check the HTML named above, then run the build again.'): never {
  // A clear line, not a stack trace: the staging folder is discarded and the last good site stays.
  console.error(`\nSearch index failed:\n  ${errors.join('\n  ')}\nFix: ${fix}\n`);
  process.exit(1);
}

/** Whether the built page /<page>/ carries an element with this id. Each page is read once. */
function anchorLookup(root: string): (page: string, id: string) => boolean {
  const pages = new Map<string, string>();
  return (page, id) => {
    if (!pages.has(page)) {
      const file = join(root, page, 'index.html');
      pages.set(page, existsSync(file) ? readFileSync(file, 'utf8') : '');
    }
    return pages.get(page)!.includes(`id="${id}"`);
  };
}


const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.pagefind': 'application/wasm',
};
