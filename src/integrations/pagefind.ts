import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { currentDossier } from '../lib/content/current.ts';
import { contextRecords } from '../lib/search/records.ts';
import { metaCacheTag, tagFile } from '../lib/search/tag.ts';
import { DATE_ORDER_FILE, dateOrder } from '../lib/search/date-order.ts';
import { fragmentDates } from '../lib/search/fragments.ts';

/**
 * Indexes the built site with Pagefind's Node API, so `astro build` alone yields search.
 * It runs on the folder Astro hands to `astro:build:done` (the staging folder), before the
 * offline integration lists the files and before the atomic swap publishes them.
 * In `astro dev` it serves the last build's index, or a script that says a build is needed.
 */
export default function searchIndex(): AstroIntegration {
  let lastBuild = '';
  return {
    name: 'dossier:search',
    hooks: {
      'astro:config:done': ({ config }) => {
        lastBuild = fileURLToPath(config.outDir).replace(/\.staging\/?$/, '').replace(/\/$/, '');
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
        // Back-links after marked passages ("claim", "response") and a caption's "Photo caption" label
        // are the page's words, not the article's; the label would also run into the caption's first word.
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.passage-ref', '.caption .label'] });
        if (!index) fail(errors);
        const added = await index!.addDirectory({ path: root });
        if (added.errors.length) fail(added.errors);

        // The preflight's graph: verifying the folder again here cost as much as the preflight itself.
        const records = contextRecords(currentDossier(), anchorLookup(root));
        for (const record of records) {
          const r = await index!.addHTMLFile(record);
          if (r.errors.length) fail(r.errors);
        }
        const out = join(root, 'pagefind');
        const written = await index!.writeFiles({ outputPath: out });
        if (written.errors.length) fail(written.errors);
        await pagefind.close();
        // The date order /search/ sorts by, outside the index every search loads (src/lib/search/date-order.ts).
        try {
          writeFileSync(join(out, DATE_ORDER_FILE), `${JSON.stringify({ ids: dateOrder(fragmentDates(out)) })}\n`);
        } catch (e) {
          fail([`pagefind/${DATE_ORDER_FILE}: the date order could not be made from the index's fragments (${(e as Error).message})`],
            'check that the output folder is writable and that Pagefind wrote pagefind/fragment/, then run the build again.');
        }

        const tag = metaCacheTag(listFiles(out).map((f) => ({ path: relative(out, f), bytes: readFileSync(f) })));
        let tagged = 0;
        for (const file of listFiles(root)) if (file.endsWith('.html') && tagFile(file, tag) > 0) tagged++;
        logger.info(`indexed ${added.page_count} pages and ${records.length} entries (tag ${tag}, ${tagged} pages) in ${Math.round(performance.now() - started)} ms`);
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

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.pagefind': 'application/wasm',
};
