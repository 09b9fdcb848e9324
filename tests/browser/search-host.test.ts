import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/session.ts';
import { settled } from '../helpers/browser.ts';
import { slowPagefind, typeWhilePagefindLoads } from '../helpers/hold.ts';

const env = useBuiltSite();

/** Types a query into the header search's modal (unless it is `typed` already) and returns its result paths, in order, once they are all drawn. */
async function modalResults(page: Page, query: string, { typed = false } = {}): Promise<string[]> {
  if (!typed) {
    await page.keyboard.press('Control+k');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.waitFor();
    await input.pressSequentially(query, { delay: 30 });
  }
  await page.locator('pagefind-modal pagefind-summary').filter({ hasText: new RegExp(`results? for ${query}`, 'i') }).waitFor();
  const links = page.locator('pagefind-modal .search-result-link');
  // Each link carries the terms it was found by: wait for the whole query's results.
  const want = encodeURIComponent(query.toLowerCase());
  const whole = () => links.evaluateAll((as, want) => as.length > 0 && as.every((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('highlight') === decodeURIComponent(want)), want);
  // On a timeout, say what the modal showed: this wait failed once in a full run and never alone.
  await expect.poll(whole, {
    timeout: 20_000,
    message: `the modal's results for "${query}" (summary and links at the time of failure are in the next line)`,
  }).toBe(true).catch(async (e: Error) => {
    const summary = await page.locator('pagefind-modal pagefind-summary').innerText().catch(() => '?');
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href'))).catch(() => []);
    throw new Error(`${e.message}\nsummary: ${summary}\nlinks: ${JSON.stringify(hrefs)}`);
  });
  return settled(() => links.evaluateAll((as) => as.map((a) => { const u = new URL((a as HTMLAnchorElement).href); return u.pathname + u.hash; })), (ms) => page.waitForTimeout(ms));
}

/** The same query through Pagefind's own API in the page: the order the modal must keep. */
async function pagefindOrder(page: Page, query: string, n: number): Promise<string[]> {
  // A string, so that Vitest does not rewrite the page's import() into its own loader.
  return page.evaluate(`(async () => {
    const pf = await import(location.origin + '/pagefind/pagefind.js');
    const found = await pf.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.slice(0, ${n}).map((r) => r.data()));
    return data.map((d) => { const u = new URL(d.url, location.origin); return u.pathname + u.hash; });
  })()`);
}

describe('the header search in workers of its own', () => {
  it('shows Pagefind\'s results in Pagefind\'s order, searched in its own worker, not Pagefind\'s', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
    await page.goto(`${env.url}/sources/`);
    const shown = await modalResults(page, 'Geneva');
    expect(shown.length).toBeGreaterThan(2);
    expect(scripts.some((p) => /\/_astro\/host-worker\.[\w-]+\.js$/.test(p))).toBe(true);
    expect(scripts).not.toContain('/pagefind/pagefind-worker.js');
    expect(shown).toEqual(await pagefindOrder(page, 'Geneva', shown.length));
    await context.close();
  });

  it('falls back to Pagefind\'s own worker when its worker cannot start, with the same results', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/\/_astro\/host-worker\./, (route) => route.abort());
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
    await page.goto(`${env.url}/sources/`);
    const shown = await modalResults(page, 'Geneva');
    expect(shown.length).toBeGreaterThan(2);
    expect(scripts).toContain('/pagefind/pagefind-worker.js');
    expect(shown).toEqual(await pagefindOrder(page, 'Geneva', shown.length));
    await context.close();
  });

  it('shows the whole query\'s results, not a prefix\'s, when the reader types on while the fallback is still loading', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route(/\/_astro\/host-worker\./, (route) => route.abort());
    const slow = await slowPagefind(page);
    await page.goto(`${env.url}/sources/`);
    await page.keyboard.press('Control+k');
    const input = page.locator('pagefind-modal pagefind-input input');
    await input.waitFor();
    // The first letter fails over to Pagefind's own worker, which asks for its script.
    await input.pressSequentially('G');
    await typeWhilePagefindLoads(page, input, slow, 'e', 'neva');
    const shown = await modalResults(page, 'Geneva', { typed: true });
    expect(shown).toEqual(await pagefindOrder(page, 'Geneva', shown.length));
    await context.close();
  });
});
