import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/session.ts';
import { unzipEdition } from '../helpers/portable.ts';
import { siteDir } from '../helpers/site.ts';
import { settledResults } from '../helpers/search-results.ts';

/*
 * The portable edition as a reader gets it: the zip unzipped into a temporary folder and opened
 * over file:// in Chromium with the network off and no server. The web edition is served beside
 * it only to compare search results.
 */
const web = useBuiltSite();
let edition: ReturnType<typeof unzipEdition>;
let root: string;
let context: BrowserContext;

beforeAll(async () => {
  edition = unzipEdition();
  root = pathToFileURL(edition.data).href + '/';
  context = await web.browser.newContext({ offline: true, serviceWorkers: 'block' });
});
afterAll(async () => {
  await context?.close();
  edition?.remove();
});

/** A page of the edition, with every console error, failed request and request that is not a file. */
async function open(path: string, ctx = context): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push(`not a file: ${r.url()}`); });
  await page.goto(root + path);
  return { page, errors };
}

const pages = (): string[] => readdirSync(edition.data, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
/** The path of a result's page within the edition (`sources/x/`), from a web or a file:// address. */
const pagePath = (href: string, base: string) => decodeURI(new URL(href).pathname).slice(decodeURI(new URL(base).pathname).length).replace(/index\.html$/, '').replace(/^\//, '');

describe('the portable edition over file://, network off', () => {
  it('opens every page type with its stylesheet, its script, no failed request and no console error', async () => {
    const all = pages();
    const kinds = new Set<string>();
    for (const path of all) {
      const { page, errors } = await open(path);
      kinds.add((await page.getAttribute('html', 'data-kind')) ?? '');
      // The site stylesheet applied: its colour variable is set and the header has its background.
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()), path).not.toBe('');
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor), path).not.toBe('rgba(0, 0, 0, 0)');
      // The classic page script ran: the theme control shows only when it has.
      expect(await page.locator('[data-theme-toggle]').isVisible(), path).toBe(true);
      expect(await page.locator('script[type=module]').count(), path).toBe(0);
      expect(errors, path).toEqual([]);
      await page.close();
    }
    expect(all).toEqual(expect.arrayContaining(['index.html', '404.html', 'sources/index.html', 'claims/index.html', 'cite/index.html', 'search/index.html', 'method/index.html', 'timeline/index.html']));
    expect(all.filter((p) => p.startsWith('sources/') && p !== 'sources/index.html').length).toBeGreaterThan(0);
    expect(all.filter((p) => p.startsWith('claims/') && p !== 'claims/index.html').length).toBeGreaterThan(0);
    expect([...kinds]).toEqual(expect.arrayContaining(['home', 'list', 'source', 'claim', 'analysis']));
  }, 300_000);

  it('every link of every page names a file the edition has', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const path of pages()) {
      const html = readFileSync(join(edition.data, path), 'utf8');
      for (const [, attr, value] of html.matchAll(/\s(href|src|action|cite)="([^"]*)"/g)) {
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(value)) continue;
        checked++;
        if (value.startsWith('/')) { broken.push(`${path}: ${attr}="${value}" is root-relative`); continue; }
        const target = new URL(value.replace(/&amp;/g, '&'), pathToFileURL(join(edition.data, path)));
        const file = decodeURIComponent(target.pathname);
        if (!file.startsWith(edition.data + '/')) broken.push(`${path}: ${value} leaves the edition`);
        else if (!existsSync(file) || file.endsWith('/')) broken.push(`${path}: ${value} names no file (${relative(edition.data, file)})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('holds every raw capture byte for byte, the data and its schema, the citation files, and no service worker', () => {
    const site = join(edition.data, '..', '..');
    const built = (p: string) => readFileSync(join(siteDir(), p));
    for (const capture of readdirSync(join(siteDir(), 'captures'))) {
      expect(readFileSync(join(edition.data, 'captures', capture)).equals(built(`captures/${capture}`)), capture).toBe(true);
    }
    for (const file of ['dossier.json', 'dossier.schema.json', 'sources.bib', 'sources.csl.json']) {
      expect(readFileSync(join(edition.data, file)).equals(built(file)), file).toBe(true);
    }
    expect(readdirSync(join(edition.data, 'cite')).length).toBe(readdirSync(join(siteDir(), 'cite')).length);
    expect(existsSync(join(edition.data, 'sw.js'))).toBe(false);
    expect(existsSync(join(edition.data, 'dossier-portable.zip'))).toBe(false);
    expect(readFileSync(join(edition.data, 'index.html'), 'utf8')).not.toContain('data-portable-download');
    expect(existsSync(site)).toBe(true);
  });

  it('switches the theme, and keeps the choice on the next page', async () => {
    const { page, errors } = await open('index.html');
    await page.selectOption('[data-theme-select]', 'dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.goto(root + 'sources/index.html');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Result links on /search/ as pages of the edition (`sources/x/#h`), once settled. */
const results = (page: Page, base: string): Promise<string[]> => settledResults(page, (h) => pagePath(h, base) + new URL(h).hash);

/** The search cases of tests/browser/search-ui.test.ts, filters, and the date order (read from the index's date-order file). */
const CASES = ['q=absolutely+ridiculous', 'q=Geneva', 'q=convoys', 'q=Abu+Kamal', 'q=Geneva&kind=claim', 'q=drone&kind=source', 'q=Geneva&sort=date:asc'];

describe('search from file://', () => {
  it.each(CASES)('%s: the same results, in the same order, as the web edition', async (query) => {
    const webContext = await web.browser.newContext({ serviceWorkers: 'block' });
    const served = await webContext.newPage();
    await served.goto(`${web.url}/search/?${query}`);
    const expected = await results(served, `${web.url}/`);
    const { page, errors } = await open(`search/index.html?${query}`);
    const found = await results(page, root);
    expect(found[0]).toBe(expected[0]);
    expect(found).toEqual(expected);
    expect(errors).toEqual([]);
    await Promise.all([webContext.close(), page.close()]);
  }, 120_000);

  it('/search/ filters the results and keeps the address in step', async () => {
    const { page, errors } = await open('search/index.html?q=Geneva');
    const all = await results(page, root);
    await page.locator('pagefind-filter-pane input[name="kind"][value="source"]').check();
    await expect.poll(async () => (await results(page, root)).length, { timeout: 15_000 }).toBeLessThan(all.length);
    expect((await results(page, root)).every((u) => u.startsWith('sources/'))).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['source']);
    expect(new URL(page.url()).protocol).toBe('file:');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('from the header: "/" opens the modal, Enter opens the first result from disk with the terms highlighted', async () => {
    const { page, errors } = await open('sources/index.html');
    await page.keyboard.press('/');
    await page.locator('pagefind-modal dialog[open] input').waitFor();
    await page.keyboard.type('Geneva');
    const first = page.locator('pagefind-modal .search-result-link').first();
    await first.waitFor();
    await expect.poll(() => first.getAttribute('href')).toMatch(/^\.\.\/claims\/joint-strikes-refused\/index\.html\?highlight=geneva/);
    await first.click();
    await page.waitForURL(/claims\/joint-strikes-refused\/index\.html\?highlight=geneva/);
    await page.locator('mark.search-hit').first().waitFor();
    expect((await page.locator('mark.search-hit').first().innerText()).toLowerCase()).toBe('geneva');
    expect(errors).toEqual([]);
    await page.close();
  });

  // Loading from disk is quick enough that the keys rarely beat it: the keeping itself is tested over http (search-ui.test.ts).
  it('from the header: Ctrl+K and typing at once searches from disk', async () => {
    const { page, errors } = await open('sources/index.html');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Geneva');
    const field = page.locator('pagefind-modal dialog[open] input');
    await expect.poll(() => field.inputValue().catch(() => ''), { timeout: 15_000 }).toBe('Geneva');
    await expect.poll(() => page.locator('pagefind-modal .search-result-link').first().getAttribute('href').catch(() => ''), { timeout: 15_000 })
      .toMatch(/^\.\.\/claims\/joint-strikes-refused\/index\.html\?highlight=geneva/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the header form without the modal goes to /search/ with the query', async () => {
    const noScript = await web.browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(root + 'claims/index.html');
    await page.fill('.site-search-form input', 'Geneva');
    await page.press('.site-search-form input', 'Enter');
    await page.waitForURL(/\/search\/index\.html\?q=Geneva/);
    expect(new URL(page.url()).protocol).toBe('file:');
    await noScript.close();
  });
});
