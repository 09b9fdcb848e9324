// Search as a reader types it, in real Chromium: on a warm page (the header search open, its UI,
// Pagefind and a first query already loaded), each query is typed key by key, and the figure is
// the time from the last keystroke's input event to the moment the query's own page shows in the
// results. Dossier's UI only: Starlight's search dialog is another UI, so there is no ratio.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium.ts';
import { median } from './median.ts';

export interface TypingFigures {
  /** Median, in ms, over the queries that found their page. */
  keystroke_ms: number | null;
  keystroke_runs: number[];
  /** How many queries showed their own page. */
  keystroke_found: number;
}

/** A reader's pace: 120 ms between keys, a quick typist. */
const KEY_DELAY_MS = 120;

export async function probeTyping(pageUrl: string, queries: { token: string; path: string }[], warmup: string): Promise<TypingFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.keyboard.press('Control+k');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.waitFor();
    await input.pressSequentially(warmup, { delay: KEY_DELAY_MS });
    await page.locator('pagefind-modal .search-result-link').first().waitFor({ timeout: 20_000 });
    // Timestamps taken in the page: the last input event, and the first moment a link to the
    // wanted page is in the modal after the UI's results for the whole query arrived (an earlier
    // prefix may have shown it already; that does not count).
    await page.evaluate(() => {
      type Hooks = { on(event: string, cb: (arg: unknown) => void): void };
      const w = window as unknown as { __lastInput: number; __term: string; __wantTerm: string; __wantPath: string; __resultsAt: number; __found: number; PagefindComponents: { getInstanceManager(): { getInstance(n: string): Hooks } } };
      const instance = w.PagefindComponents.getInstanceManager().getInstance('default');
      document.addEventListener('input', () => (w.__lastInput = performance.now()), true);
      instance.on('search', (term) => (w.__term = String(term)));
      instance.on('results', () => {
        if (w.__wantTerm && w.__term === w.__wantTerm && !w.__resultsAt) w.__resultsAt = performance.now();
      });
      new MutationObserver(() => {
        if (w.__found || !w.__resultsAt) return;
        const links = document.querySelectorAll<HTMLAnchorElement>('pagefind-modal .search-result-link');
        if ([...links].some((a) => new URL(a.href).pathname === w.__wantPath)) w.__found = performance.now();
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const runs: number[] = [];
    for (const q of queries) {
      await input.fill('');
      await page.evaluate((q) => Object.assign(window, { __wantTerm: q.token, __wantPath: q.path, __resultsAt: 0, __found: 0, __lastInput: 0 }), q);
      await input.pressSequentially(q.token, { delay: KEY_DELAY_MS });
      const found = await page
        .waitForFunction(() => (window as unknown as { __found: number }).__found > 0, undefined, { timeout: 10_000 })
        .then(() => true, () => false);
      if (!found) continue;
      const t = await page.evaluate(() => {
        const w = window as unknown as { __lastInput: number; __found: number };
        return w.__found - w.__lastInput;
      });
      runs.push(Math.round(Math.max(0, t) * 10) / 10);
    }
    return { keystroke_ms: runs.length ? median(runs) : null, keystroke_runs: runs, keystroke_found: runs.length };
  } finally {
    await browser.close();
  }
}
