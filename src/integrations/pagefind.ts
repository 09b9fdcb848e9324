import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedDir } from './atomic-output.ts';
import { currentDossier } from '../lib/content/current.ts';
import { contextRecords } from '../lib/search/records.ts';
import { SearchIndexError, tagPages, writeIndex } from '../lib/search/index-site.ts';
import { partPagesSetting } from '../lib/search/parts.ts';
import { searchIndexWriting } from './search-written.ts';

/**
 * Indexes the built site with Pagefind's Node API, so `astro build` alone yields search.
 * It runs on the folder Astro hands to `astro:build:done` (the staging folder): it writes the
 * index's tag into the pages at once, then Pagefind writes the index while the portable edition
 * reads the pages; the offline integration, which lists the files, and the atomic swap, which
 * publishes them, wait for it (`searchIndexWritten`).
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
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const started = performance.now();
        // The preflight's graph: verifying the folder again here cost as much as the preflight itself.
        const records = contextRecords(currentDossier(), anchorLookup(root));
        const plan = tagPages(root, records, { partPages });
        // Pagefind runs in processes of its own: the hook returns, and the steps after it (the
        // portable edition) read the pages meanwhile; whatever reads pagefind/ waits for this.
        searchIndexWriting(writeIndex(plan).then(
          () => {
            const parts = plan.count > 1 ? ` in ${plan.count} parts` : '';
            logger.info(`indexed ${plan.pages.length} pages and ${plan.records.length} entries${parts} (tag ${plan.tag}, ${plan.tagged} pages) in ${Math.round(performance.now() - started)} ms`);
          },
          (e: unknown) => (e instanceof SearchIndexError ? fail(e.problems, e.fix) : fail([`Pagefind stopped: ${(e as Error)?.message ?? String(e)}`])),
        ));
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
