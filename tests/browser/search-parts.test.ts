import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildDossierAsync } from '../helpers/build.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/site.ts';
import { unzipEdition } from '../helpers/portable.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * The search index in parts (src/lib/search/parts.ts). A dossier needs more than 4,000 pages for
 * that, so this builds the engine's own dossier with parts of five pages (DOSSIER_SEARCH_PART_PAGES)
 * and compares every way of searching it with the one-part build every other test reads: the
 * header search, /search/ with its filters and date order, and the portable edition from disk.
 * Ranking may differ between the two (each part scores words by its own statistics); what is found,
 * and every count, may not.
 */
const OUT = resolve(`tests/.out/search-parts-${process.pid}`);
const SITE = join(OUT, 'site');
const WORDS = ['Geneva', 'coalition', 'ridiculous'];

let browser: Browser;
let one: Served;
let parts: Served;
let context: BrowserContext;

beforeAll(async () => {
  const built = await buildDossierAsync(resolve('src/content'), SITE, join(OUT, 'cache'), { DOSSIER_SEARCH_PART_PAGES: '5' });
  expect(built.status, built.stderr).toBe(0);
  [one, parts, browser] = await Promise.all([serve(siteDir()), serve(SITE), launch()]);
  context = await browser.newContext({ serviceWorkers: 'block' });
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await one?.close();
  await parts?.close();
  removeFully(OUT);
});

const fragments = (pagefind: string): string[] => readdirSync(join(pagefind, 'fragment')).sort();
const partList = (): string[] => JSON.parse(readFileSync(join(SITE, 'pagefind', 'dossier-parts.json'), 'utf8')).parts;

/** What /search/ shows for a query: its summary, its filter pane (names, values in order, counts), and the first results in date order. */
async function searchPage(page: Page, url: string, q: string): Promise<{ summary: string; filters: string; oldest: string[] }> {
  await page.goto(`${url}?q=${encodeURIComponent(q)}`);
  const summary = page.locator('pagefind-summary[instance=page]');
  await expect.poll(() => summary.innerText(), { timeout: 20_000 }).toMatch(/\d+ results? for/);
  const pane = page.locator('pagefind-filter-pane[instance=page]');
  await expect.poll(() => pane.locator('input').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const filters = (await pane.innerText()).replace(/\s+/g, ' ');
  await page.locator('#search-sort').selectOption('date:asc');
  const links = page.locator('pagefind-results[instance=page] .search-result-link');
  const read = () => links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/(index\.html)?$/, '').split('/data/').pop()!.replace(/^\//, '')));
  let oldest: string[] = [];
  await expect.poll(async () => {
    const before = await read();
    await page.waitForTimeout(300);
    oldest = await read();
    return oldest.length > 0 && before.join() === oldest.join() && new URL(page.url()).searchParams.get('sort') === 'date:asc';
  }, { timeout: 20_000 }).toBe(true);
  return { summary: await summary.innerText(), filters, oldest };
}

/** The header search's count for a query, typed after Ctrl+K. */
async function headerCount(url: string, q: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(async () => {
    if (!(await page.evaluate(() => !!document.querySelector<HTMLDialogElement>('pagefind-modal dialog')?.open))) await page.keyboard.press('Control+k');
    return page.evaluate(() => !!document.querySelector<HTMLDialogElement>('pagefind-modal dialog')?.open);
  }, { timeout: 15_000, interval: 500 }).toBe(true);
  await page.keyboard.type(q);
  const status = page.locator('pagefind-modal pagefind-summary');
  await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(new RegExp(`\\d+ results? for ${q}`));
  const text = await status.innerText();
  await page.close();
  return text;
}

describe('the search index in parts', () => {
  it('is written as parts that hold every page once, each part only its data', () => {
    const list = partList();
    // 26 pages and 11 timeline entries, five to a part.
    expect(list).toEqual(['part-1/', 'part-2/', 'part-3/', 'part-4/', 'part-5/', 'part-6/', 'part-7/']);
    const all = [join(SITE, 'pagefind'), ...list.map((p) => join(SITE, 'pagefind', p))].flatMap(fragments).sort();
    expect(all).toEqual(fragments(join(siteDir(), 'pagefind')));
    for (const p of list) {
      const files = readdirSync(join(SITE, 'pagefind', p)).sort();
      expect(files.filter((f) => !/^(filter|fragment|index|pagefind-entry\.json|pagefind\.\w+\.pf_meta)$/.test(f)), p).toEqual([]);
    }
    // The date order covers the pages of every part: it is the one-part build's.
    expect(readFileSync(join(SITE, 'pagefind', 'dossier-date-order.json'), 'utf8')).toBe(readFileSync(join(siteDir(), 'pagefind', 'dossier-date-order.json'), 'utf8'));
    // The service worker saves every part's entry file under the address search asks for.
    const sw = readFileSync(join(SITE, 'sw.js'), 'utf8');
    const tag = /meta-cache-tag="([0-9a-f]+)"/.exec(readFileSync(join(SITE, 'search', 'index.html'), 'utf8'))![1];
    for (const p of ['', ...list]) expect(sw).toContain(`"/pagefind/${p}pagefind-entry.json?ts=${tag}"`);
    expect(sw).toContain(`"/pagefind/dossier-parts.json?ts=${tag}"`);
  });

  it('/search/ finds what one index finds: the same counts, filters in the same order, the same date order', async () => {
    const page = await context.newPage();
    for (const q of WORDS) {
      const a = await searchPage(page, `${one.url}/search/`, q);
      const b = await searchPage(page, `${parts.url}/search/`, q);
      expect(b, q).toEqual(a);
    }
    await page.close();
  });

  it('the header search counts what one index counts', async () => {
    for (const q of WORDS) expect(await headerCount(`${parts.url}/`, q), q).toBe(await headerCount(`${one.url}/`, q));
  });

  it('the portable edition searches every part from disk', async () => {
    const zip = join(OUT, 'dossier-portable.zip');
    expect(existsSync(zip)).toBe(true);
    const edition = unzipEdition(zip);
    const offline = await browser.newContext({ offline: true, serviceWorkers: 'block' });
    try {
      const page = await offline.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const web = await context.newPage();
      const q = WORDS[0];
      const fromDisk = await searchPage(page, pathToFileURL(join(edition.data, 'search', 'index.html')).href, q);
      expect(fromDisk).toEqual(await searchPage(web, `${one.url}/search/`, q));
      expect(errors).toEqual([]);
      await web.close();
    } finally {
      await offline.close();
      edition.remove();
    }
  });
});
