import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planOffline, type BuiltFile } from '../lib/offline/plan.ts';
import { workerSource } from '../lib/offline/worker.ts';
import { listFiles } from '../lib/files.ts';
import { fileDigest, forgetDigests } from '../lib/file-digests.ts';
import { searchIndexWritten } from './search-written.ts';

/**
 * Writes dist/sw.js from the files actually built, and dist/offline-manifest.json with the
 * full list for "Save for offline". List it after the search integration, whose index it waits
 * for, and before atomicOutput. DOSSIER_OFFLINE_BUDGET (bytes) overrides the size budget.
 */
export default function offline(): AstroIntegration {
  return {
    name: 'dossier:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await searchIndexWritten();
        const root = fileURLToPath(dir).replace(/\/$/, '');
        // Most hashes come from the portable edition, which read the files already (file-digests.ts).
        const files: BuiltFile[] = listFiles(root).map((file) => ({ path: relative(root, file).split(sep).join('/'), ...fileDigest(file) }));
        forgetDigests();
        const budget = Number(process.env.DOSSIER_OFFLINE_BUDGET);
        const plan = planOffline(files, {
          budgetBytes: Number.isFinite(budget) && budget > 0 ? budget : undefined,
          entryTag: entryTagOf(root),
          versionOf: (parts) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16),
        });
        writeFileSync(join(root, 'offline-manifest.json'), JSON.stringify({ version: plan.version, mode: plan.mode, files: [...plan.precache, ...plan.deferred] }));
        writeFileSync(join(root, 'sw.js'), workerSource(plan));
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        logger.info(`service worker ${plan.version}: ${plan.mode} mode, ${plan.precache.length} files saved at first visit, ${plan.deferred.length} on request (${mb(plan.totalBytes)} of ${mb(plan.budgetBytes)} MB budget)`);
      },
    },
  };
}

/** The metaCacheTag the search integration wrote into the pages, read back from the search page. */
function entryTagOf(root: string): string | undefined {
  try {
    return /meta-cache-tag="([^"]+)"/.exec(readFileSync(join(root, 'search', 'index.html'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
