import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/lib/security/policy.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/site.ts';

// The site served as a real host would serve it: with the headers of the `_headers` file the
// build writes, so the policy covers workers too (a <meta> policy does not reach them).
const PAGES = ['/', '/sources/', '/sources/dw-2017-11-14/', '/claims/', '/claims/joint-strikes-refused/', '/responses/', '/overview/', '/timeline/', '/search/?q=Geneva', '/print/', '/no-such-page/'];

let browser: Browser;
let site: Served;
beforeAll(async () => {
  const headers = parseHeadersFile(readFileSync(join(siteDir(), '_headers'), 'utf8'))['/*'];
  site = await serve(siteDir(), headers);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A context that records every policy violation, and console errors, in each of its pages. */
async function watched(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /CSP|Content Security Policy/i.test(m.text())) problems.push(`${page.url()} ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${page.url()} ${e.message}`));
  return { context, page, problems };
}

async function openSearchModal(page: Page): Promise<void> {
  // The dialog exists only once Pagefind's UI has loaded, which the first key press starts.
  const isOpen = () => page.evaluate(() => !!document.querySelector<HTMLDialogElement>('pagefind-modal dialog')?.open);
  // A key pressed before the page's script attaches its listener is lost: press until it opens.
  await expect.poll(async () => (await isOpen()) || (await page.keyboard.press('/'), await isOpen()), { timeout: 15_000, interval: 500 }).toBe(true);
}

describe('under the Content Security Policy, served with the hosting headers', () => {
  it('the headers are sent', async () => {
    const res = await fetch(`${site.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('no page type breaks the policy', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await watched({ serviceWorkers: 'block' });
    for (const path of PAGES) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      if (path.startsWith('/search/')) await page.locator('pagefind-results[instance=page] .search-result-link').first().waitFor();
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('search works from the keyboard, in the header and on /search/ with its filters', { timeout: 60_000 }, async () => {
    const { context, page, problems } = await watched({ serviceWorkers: 'block' });
    await page.goto(`${site.url}/claims/`);
    await openSearchModal(page);
    await page.keyboard.type('Geneva');
    // Results for a prefix ("G") may show first, 50 ms after a keystroke: wait for the whole query's.
    await expect
      .poll(() => page.locator('pagefind-modal .search-result-link').first().getAttribute('href').catch(() => ''), { timeout: 15_000 })
      .toMatch(/^\/claims\/joint-strikes-refused\/\?highlight=geneva/);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toMatch(/^\/claims\/joint-strikes-refused\//);

    await page.goto(`${site.url}/search/?q=Geneva`);
    const links = page.locator('pagefind-results[instance=page] .search-result-link');
    await links.first().waitFor();
    const before = await links.count();
    const sourceFilter = page.locator('pagefind-filter-pane input[name="kind"][value="source"]');
    await sourceFilter.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeLessThan(before);
    const paths = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(paths.every((p) => p.startsWith('/sources/'))).toBe(true);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the theme control works from the keyboard', async () => {
    const { context, page, problems } = await watched({ colorScheme: 'light', serviceWorkers: 'block' });
    await page.goto(`${site.url}/sources/`);
    await page.locator('[data-theme-select]').focus();
    // Arrow keys step a closed <select> through its options: auto → light → dark.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(`${site.url}/claims/`); // theme.js applies the saved choice, under the policy
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the service worker installs, and a page opens offline', { timeout: 90_000 }, async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${site.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-offline-text]').innerText(), { timeout: 30_000 }).toMatch(/Available offline/);
    await context.setOffline(true);
    await page.goto(`${site.url}/sources/dw-2017-11-14/`);
    expect(await page.locator('h1').innerText()).toMatch(/providing cover/i);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('is enforced: injected inline script, style, eval and outside requests are refused', async () => {
    const { context, page, problems } = await watched({ serviceWorkers: 'block' });
    await page.goto(`${site.url}/sources/`);
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__attr = 1"><p id="styled" style="color: rgb(255, 0, 0)">x</p>');
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      // A string timer runs outside this DevTools evaluation (which is itself exempt from the policy), so it is eval as a page's own script would do it.
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__eval = 1', 0);
      let fetched = false;
      try { await fetch('https://example.org/'); fetched = true; } catch { /* refused */ }
      await new Promise((r) => setTimeout(r, 200));
      return { attr: w.__attr, inline: w.__inline, evalRan: w.__eval, fetched, colour: getComputedStyle(document.getElementById('styled')!).color };
    });
    expect(outcome).toEqual({ attr: undefined, inline: undefined, evalRan: undefined, fetched: false, colour: expect.not.stringMatching('rgb(255, 0, 0)') });
    expect(problems.join('\n')).toMatch(/script-src-attr/);
    expect(problems.join('\n')).toMatch(/script-src-elem/);
    expect(problems.join('\n')).toMatch(/connect-src/);
    await context.close();
  });
});
