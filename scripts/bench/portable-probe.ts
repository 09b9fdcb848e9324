// The portable edition, from file:// with the network off, in real Chromium (docs/portable.md):
//  - home_bytes: what opening its home page loads (the page, stylesheets, scripts), raw bytes,
//    beside the same count for the web edition's home page served over HTTP;
//  - first_ms: the first search of a fresh page, from the last keystroke (Ctrl+K, then the query
//    typed) to its own page in the results: it includes loading the search UI, the WebAssembly and
//    the index chunks from their classic scripts;
//  - keystroke_ms: later searches on the warm page, as `keystroke_ms` measures the web edition.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium.ts';
import { serve } from '../lib/serve.ts';
import { probeTyping } from './typing-probe.ts';

export interface PortableFigures {
  portable_home_bytes: number;
  web_home_bytes: number;
  portable_first_ms: number | null;
  portable_keystroke_ms: number | null;
}

/** Raw bytes of every file a page loads, found by its path in `dir` (no compression on file://). */
async function loadedBytes(browser: Browser, url: string, fileOf: (u: URL) => string, offline: boolean): Promise<number> {
  const context = await browser.newContext({ offline, serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = new Set<string>();
  page.on('requestfinished', (r) => seen.add(fileOf(new URL(r.url()))));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  await context.close();
  return [...seen].reduce((sum, f) => sum + statSync(f).size, 0);
}

async function firstSearch(browser: Browser, url: string, token: string, wanted: string): Promise<number | null> {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(({ wanted, token }) => {
    const w = window as unknown as { __lastInput: number; __found: number };
    document.addEventListener('input', () => { w.__lastInput = performance.now(); w.__found = 0; }, true);
    new MutationObserver(() => {
      // Only the whole query counts: a prefix may have shown the page already.
      const typed = document.querySelector<HTMLInputElement>('pagefind-modal pagefind-input input')?.value;
      if (w.__found || typed !== token) return;
      const links = document.querySelectorAll<HTMLAnchorElement>('pagefind-modal .search-result-link');
      if ([...links].some((a) => new URL(a.href).pathname === wanted)) w.__found = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, { wanted, token });
  await page.keyboard.press('Control+k');
  const input = page.locator('pagefind-modal pagefind-input input');
  await input.waitFor();
  await input.pressSequentially(token, { delay: 120 });
  const found = await page.waitForFunction(() => (window as unknown as { __found: number }).__found > 0, undefined, { timeout: 20_000 }).then(() => true, () => false);
  const ms = found ? await page.evaluate(() => { const w = window as unknown as { __lastInput: number; __found: number }; return w.__found - w.__lastInput; }) : null;
  await context.close();
  return ms === null ? null : Math.round(Math.max(0, ms) * 10) / 10;
}

export async function probePortable(data: string, web: string, pagePath: string, token: string, typed: { token: string; path: string }[]): Promise<PortableFigures> {
  const root = `${pathToFileURL(data).href}/`;
  const fileOf = (path: string) => `${new URL(root).pathname}${path.replace(/^\//, '').replace(/\/$/, '/index.html')}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const server = await serve(web);
  try {
    const portableHome = await loadedBytes(browser, `${root}index.html`, (u) => fileURLToPath(u), true);
    const webHome = await loadedBytes(browser, `${server.url}/`, (u) => join(web, decodeURIComponent(u.pathname).replace(/\/$/, '/index.html')), false);
    const first = await firstSearch(browser, `${root}${pagePath}index.html`, token, fileOf(`/${pagePath}`));
    const warm = await probeTyping(`${root}${pagePath}index.html`, typed.map((q) => ({ token: q.token, path: fileOf(q.path) })), token);
    return { portable_home_bytes: portableHome, web_home_bytes: webHome, portable_first_ms: first, portable_keystroke_ms: warm.keystroke_ms };
  } finally {
    await server.close();
    await browser.close();
  }
}
