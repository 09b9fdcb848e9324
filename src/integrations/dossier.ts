import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { verifyRaw } from '../lib/content/verify.ts';
import { LAYOUT, readContent } from '../lib/content/read.ts';
import { deriveEarly } from '../lib/capture/web/early.ts';
import { fingerprint, storeHandoff } from '../lib/content/handoff.ts';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { citableItems } from '../lib/cite/items.ts';
import { CITE_STYLES, citeOutputVersion } from '../lib/cite/format.ts';
import { precomputedEntries, startPrecompute } from '../lib/cite/precompute.ts';
import { CITE_CACHE_FILE, readCiteCache, writeCiteCache } from '../lib/cite/cache.ts';
import { reportProblems } from '../lib/content/report.ts';
import { cacheDirFor, contentDir } from '../lib/content/location.ts';
import { missingMessages } from '../lib/i18n/check.ts';
import { liveVerifier } from '../lib/content/live.ts';
import { reportInDev } from './dev-reload.ts';

/**
 * Verifies the whole dossier before Astro loads a single collection, so an author sees every
 * problem at once, as file + field + fix, and never a stack trace. A failed check ends the
 * build before anything is written.
 */
export default function dossier(): AstroIntegration {
  // The commands that verify the dossier start deriving its web captures' text now, while Astro
  // is still starting up on one core (src/lib/capture/web/early.ts).
  if (['build', 'dev', 'sync'].includes(process.argv[2] ?? '')) deriveEarly(join(contentDir(), LAYOUT.captures));
  return {
    name: 'dossier:verify',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev' && command !== 'sync') return;
        const dir = contentDir();
        // Fingerprint first: a file edited while we read makes the hand-off miss rather than lie.
        const print = fingerprint(dir);
        // The dev server verifies again at every save (dev-reload.ts), reading only the files that changed.
        const verified = command === 'dev' ? liveVerifier(dir).verify(print) : verifyRaw(readContent(dir));
        const { problems, dossier } = verified;
        // In dev even a failed result is handed over: the pages then show its message until a good save.
        if (command === 'dev') storeHandoff(dir, verified, print, { watched: true });
        if (problems.length === 0) {
          // getDossier() takes this graph instead of building it again; the loaders then store nothing.
          // A build or sync checks the fingerprint once; the dev server's watcher replaces it at every save.
          if (command !== 'dev') storeHandoff(dir, verified, print, { once: true });
          if (command === 'build') startCitations(dossier!, logger);
          logger.info(`verified ${dossier!.sources.size} sources, ${dossier!.claims.size} claims, ${dossier!.responses.size} responses`);
          warnMissingMessages(dossier!.settings, logger);
          return;
        }
        if (command === 'dev') return reportInDev(problems);
        reportProblems(problems);
        process.exit(1);
      },
    },
  };
}

/**
 * A language the engine does not ship, or a dossier's partial messages: each key that falls back
 * to English is listed once, so the author knows what still reads in English (docs/languages.md).
 */
function warnMissingMessages(settings: { language: string; messages?: Record<string, string> }, logger: AstroIntegrationLogger) {
  const missing = missingMessages(settings.language, settings.messages);
  if (!missing.length) return;
  logger.warn(`${missing.length} interface message${missing.length === 1 ? '' : 's'} for "${settings.language}" fall back to English; add them under "messages:" in dossier.yaml:\n${missing.map((k) => `  ${k}`).join('\n')}`);
}

/**
 * Format every citation the pages show in a worker thread while Astro bundles the pages, except
 * those an earlier build kept in the cache (src/lib/cite/cache.ts); then keep this build's for the next.
 */
function startCitations(dossier: NonNullable<ReturnType<typeof verifyRaw>['dossier']>, logger: AstroIntegrationLogger) {
  const here = new URL('../lib/cite/precompute-worker.ts', import.meta.url);
  const worker = here.protocol === 'file:' && existsSync(here) ? here : pathToFileURL(resolve(process.cwd(), 'src/lib/cite/precompute-worker.ts'));
  const items = citableItems(dossier);
  const started = Date.now();
  const cacheFile = resolve(cacheDirFor(), CITE_CACHE_FILE);
  const version = citeOutputVersion();
  const cached = readCiteCache(cacheFile, version);
  // One thread by default: a second one pays citeproc's start-up (~3 s for APA) and ~100 MB again, and on a
  // shared 2-core machine finishes no sooner. Machines with idle cores can set DOSSIER_CITE_THREADS.
  const threads = Math.max(1, Math.floor(Number(process.env.DOSSIER_CITE_THREADS)) || 1);
  void startPrecompute({ items, styles: CITE_STYLES.map((s) => s.id), formats: ['html'] }, worker, threads, cached).then((n) => {
    const entries = precomputedEntries();
    const reused = entries.filter(([k, v]) => cached.get(k) === v).length;
    writeCiteCache(cacheFile, version, entries);
    logger.info(`formatted ${n - reused} citations of ${items.length} items in ${threads} worker thread${threads === 1 ? '' : 's'} in ${Date.now() - started} ms; ${reused} from the cache`);
  });
}
