import type { AstroIntegration } from 'astro';
import { relative, sep } from 'node:path';
import { SEEN, UPDATED } from '../lib/dev/swap.ts';
import { clearPendingSave, fingerprint, markPendingSave, storeHandoff, takeHandoff } from '../lib/content/handoff.ts';
import { liveVerifier } from '../lib/content/live.ts';
import { contentDir } from '../lib/content/location.ts';
import { countDevSave, devSaves, markDevServer } from '../lib/dev-server.ts';
import { LAYOUT } from '../lib/content/read.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';

/** The top-level names of a dossier folder that hold its files (anything else, such as dist/ or .git/, is not watched). */
const DOSSIER_NAMES = new Set<string>(Object.values(LAYOUT));

/** Editors save in several steps (truncate, write, rename): one verification after they settle. */
const SETTLE_MS = 15;

/**
 * `astro dev` made live: Vite's watcher also watches the content folder (it may lie outside the
 * project), and a save of any dossier file verifies the folder again (src/lib/content/live.ts
 * reads only the files that changed) and stores the result as the hand-off that getDossier()
 * takes. A good result updates the open pages (each swaps in its new <main>, or reloads:
 * src/lib/dev/swap.ts); a failed one shows the verifier's own message
 * (file, field, fix, as `npm run check` prints it) in the browser's error overlay, and pages
 * requested meanwhile throw the same message. The next good save reloads and so clears it.
 */
export default function devReload(): AstroIntegration {
  let dev = false;
  return {
    name: 'dossier:dev-reload',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        dev = command === 'dev';
        // The page's side of a save: swap in the new <main>, or reload (src/lib/dev/client.ts).
        if (dev) injectScript('page', "import '/src/lib/dev/client.ts';");
      },
      // Astro runs this hook for any Vite server it starts outside production, which includes the
      // one `astro build` starts when NODE_ENV is not "production" (under Vitest it is "test").
      'astro:server:setup': ({ server, logger }) => {
        if (!dev) return;
        markDevServer();
        const dir = contentDir();
        const live = liveVerifier(dir);
        const hot = server.environments?.client?.hot ?? server.hot;
        server.watcher.add(dir);
        let timer: NodeJS.Timeout | undefined;
        // What the last verified save sent the open pages: the update, or the verifier's message.
        let last: { type: 'custom'; event: string; data: object } | { type: 'error'; err: ReturnType<typeof overlayError> } | undefined;
        // A page that loaded while a save was verified missed it: its client says so when it connects.
        hot.on(SEEN, (data: { saves?: unknown }, client: { send: (payload: NonNullable<typeof last>) => void }) => {
          if (last && Number(data?.saves) < devSaves()) client.send(last);
        });
        const changed = (path: string) => {
          const rel = relative(dir, path);
          if (rel.startsWith('..') || !DOSSIER_NAMES.has(rel.split(sep)[0])) return;
          clearTimeout(timer);
          timer = setTimeout(reverify, SETTLE_MS);
          // A page rendered before the timer fires verifies the save first (getDossier()).
          markPendingSave(reverify);
        };
        const reverify = () => {
          clearTimeout(timer);
          clearPendingSave();
          const started = performance.now();
          const cpu = process.cpuUsage();
          const print = fingerprint(dir);
          // Already verified as the files are now (Astro's own reload of the configuration can get
          // there first): the page still has to hear of it, or the save never shows.
          const kept = takeHandoff(dir);
          const verified = kept?.fingerprint === print ? kept.verified : live.verify(print);
          if (verified !== kept?.verified) storeHandoff(dir, verified, print, { watched: true });
          // Astro keeps each route's getStaticPaths() result until told that content changed.
          for (const env of ['ssr', 'prerender']) server.environments?.[env]?.hot.send('astro:content-changed', {});
          const ms = Math.round(performance.now() - started);
          // CPU time too: on a busy machine the wall time is mostly waiting for a core.
          const used = process.cpuUsage(cpu);
          const cpuMs = Math.round((used.user + used.system) / 1000);
          countDevSave();
          if (verified.problems.length) {
            reportInDev(verified.problems);
            last = { type: 'error', err: overlayError(verified.problems) };
            hot.send(last);
            return;
          }
          logger.info(`re-verified in ${ms} ms, ${cpuMs} ms of CPU (${live.reread} file${live.reread === 1 ? '' : 's'} read again); updating the open pages`);
          // Each open page fetches itself again and swaps in its new <main>, or reloads (src/lib/dev/swap.ts).
          last = { type: 'custom', event: UPDATED, data: {} };
          hot.send(last);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}

/** The verifier's report in the terminal of `astro dev`, which keeps running (nothing is built there). */
export function reportInDev(problems: Problem[]): void {
  process.stderr.write(`\n${formatProblems(problems)}\n\nThe dev server keeps running: its pages show this report until a save makes the dossier verify again.\n`);
}

/** The verifier's report as Vite's error payload; Astro's overlay shows `message` as pre-wrapped text. */
export function overlayError(problems: Problem[]) {
  const first = problems[0];
  return {
    name: 'DossierError',
    title: 'The dossier does not verify',
    message: formatProblems(problems),
    hint: 'Save a fix: the page reloads as soon as the dossier verifies again. `npm run check` prints the same report.',
    stack: '',
    id: first.file,
  };
}
