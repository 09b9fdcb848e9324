// The edit loop of `npm run dev`: real saves of one source file and a real Chromium page that
// waits for the saved words, timed from just before the save to the words in the page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import { pageConnected, pageSettled, startDevServer } from '../lib/dev-server.ts';
import { median } from './median.ts';

export interface EditLoopFigures {
  /** Median ms from a save to its words on the open page. */
  edit_ms: number;
  edit_runs: number;
  /** Median ms the dev server took to verify the folder again (from its log), a part of edit_ms. */
  edit_verify_ms: number | null;
  /** The same verification's CPU time: on a busy machine, the part of edit_verify_ms not spent waiting for a core. */
  edit_verify_cpu_ms: number | null;
  /** Median ms the dev server took to render the source page again (from its log), a part of edit_ms. */
  edit_render_ms: number | null;
  /** Median ms from the save to the browser's request for the page's new version (watcher, verification, message to the page). */
  edit_request_ms: number | null;
  /** Median ms from that request to the last byte of the page (the server's render and the transfer). */
  edit_response_ms: number | null;
  /** Saves whose words never showed (each waits at most a minute). */
  edit_missed: number;
}

const connected = (page: Page) => pageConnected(page, 120_000);
const settled = (page: Page) => pageSettled(page, 120_000);

/**
 * `astro dev` in `root` on the dossier in `content`; the page of source `id` is opened, then the
 * source's first caveat (shown on its page) is rewritten `edits` times, after one save that is
 * not counted (the first render of a page after a change compiles more than the next ones do).
 */
export async function probeEditLoop(root: string, content: string, id: string, edits = 10, log: (s: string) => void = () => {}): Promise<EditLoopFigures> {
  const file = join(content, 'sources', `${id}.md`);
  const original = readFileSync(file, 'utf8');
  if (!/^caveats:\n {2}- .*$/m.test(original)) throw new Error(`${file} has no caveats list to edit`);
  const server = await startDevServer(content, { root, cache: join(root, '.bench-dev-cache') });
  const browser = await launchChromium();
  const times: number[] = [];
  const requested: number[] = [];
  const responded: number[] = [];
  let missed = 0;
  try {
    const page = await browser.newPage();
    let ready = connected(page);
    await page.goto(`${server.url}/sources/${id}/`, { timeout: 300_000 });
    await ready;
    for (let i = 0; i <= edits; i++) {
      const words = `Edit loop check ${i} ${Math.random().toString(36).slice(2, 8)}`;
      ready = settled(page);
      const saved = performance.now();
      const savedAt = Date.now();
      writeFileSync(file, original.replace(/^caveats:\n {2}- .*$/m, `caveats:\n  - ${words}`));
      const shown = await page.waitForFunction((w) => document.body?.innerText.includes(w), words, { timeout: 60_000, polling: 'raf' }).then(() => true, () => false);
      const ms = Math.round(performance.now() - saved);
      if (!shown) missed++;
      else if (i > 0) {
        times.push(ms);
        // The page's request for its new version, on the wall clock the save was stamped with: the
        // swap's fetch of the page (the newest), or, after a reload, the navigation itself.
        const nav = await page.evaluate(() => {
          const fetched = performance.getEntriesByName(location.href).filter((e) => (e as PerformanceResourceTiming).initiatorType === 'fetch').at(-1);
          const n = (fetched ?? performance.getEntriesByType('navigation')[0]) as PerformanceResourceTiming;
          return { request: performance.timeOrigin + n.requestStart, end: performance.timeOrigin + n.responseEnd };
        });
        requested.push(Math.round(nav.request - savedAt));
        responded.push(Math.round(nav.end - nav.request));
      }
      log(`edit ${i}${i === 0 ? ' (not counted)' : ''}: ${shown ? `${ms} ms` : 'never shown'}`);
      await ready.catch(() => {});
    }
  } finally {
    writeFileSync(file, original);
    await browser.close();
    await server.stop();
  }
  // The first of each is the uncounted save (and the first render, the page's first opening).
  const verifications = [...server.log().matchAll(/re-verified in (\d+) ms, (\d+) ms of CPU/g)].slice(1);
  const verified = verifications.map((m) => Number(m[1]));
  const verifiedCpu = verifications.map((m) => Number(m[2]));
  const rendered = [...server.log().matchAll(new RegExp(`/sources/${id}/ (\\d+)ms`, 'g'))].map((m) => Number(m[1])).slice(2);
  const mid = (xs: number[]) => (xs.length ? median(xs) : null);
  return { edit_ms: times.length ? median(times) : NaN, edit_runs: times.length, edit_verify_ms: mid(verified), edit_verify_cpu_ms: mid(verifiedCpu), edit_render_ms: mid(rendered), edit_request_ms: mid(requested), edit_response_ms: mid(responded), edit_missed: missed };
}
