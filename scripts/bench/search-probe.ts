// The first search a reader makes, in real Chromium: from a loaded page, Pagefind's import and
// init, then one query up to the first result's data. Bytes are those of every /pagefind/
// request started meanwhile (page and worker alike), as the peers' search-probe.mjs counts them.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium.ts';

export interface SearchFigures {
  search_ms: number;
  search_bytes: number;
  results: number;
  first_url: string | null;
}

export async function probeSearch(pageUrl: string, token: string): Promise<SearchFigures> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  try {
    // Service workers blocked: the offline worker's precache (docs/search.md) would otherwise fetch
    // the index in the background, out of the page's sight, and the search would look free.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let bytes = 0;
    const pending = new Set<unknown>();
    page.on('request', (req) => {
      // Counted from the page load on, as a page may start loading Pagefind itself.
      if (new URL(req.url()).pathname.startsWith('/pagefind/')) pending.add(req);
    });
    const finish = async (req: import('playwright-core').Request) => {
      if (!pending.has(req)) return;
      const s = await req.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
      // Chromium reports 0 body bytes for a worker's own script: fall back to Content-Length.
      const body = s.responseBodySize || Number((await req.response())?.headers()['content-length'] ?? 0);
      bytes += Math.max(0, body) + Math.max(0, s.responseHeadersSize); // -1 means "not known"

      pending.delete(req);
    };
    page.on('requestfinished', finish);
    page.on('requestfailed', finish);
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const r = await page.evaluate(async (token) => {
      const t0 = performance.now();
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      // An index in parts is searched as the site searches it: the list read, every part merged (src/lib/search/merge.ts).
      const list = await fetch(`${location.origin}/pagefind/dossier-parts.json`).then((r) => (r.ok ? r.json() : { parts: [] }), () => ({ parts: [] }));
      await pf.init?.();
      for (const part of (list.parts ?? []) as string[]) await pf.mergeIndex(`/pagefind/${part}`);
      const res = await pf.search(token);
      const first = await res.results[0]?.data();
      return { ms: performance.now() - t0, results: res.results.length, first_url: (first?.url as string) ?? null };
    }, token);
    for (let i = 0; i < 200 && pending.size; i++) await new Promise((res) => setTimeout(res, 25));
    return { search_ms: Math.round(r.ms * 10) / 10, search_bytes: bytes, results: r.results, first_url: r.first_url };
  } finally {
    await browser.close();
  }
}
