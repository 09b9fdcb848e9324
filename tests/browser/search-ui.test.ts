import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/session.ts';
import { settledResults } from '../helpers/search-results.ts';
import { slowPagefind, typeWhilePagefindLoads } from '../helpers/hold.ts';

const env = useBuiltSite();

/** A fresh page with service workers blocked, so these tests see the network as it is. */
async function open(path: string): Promise<{ page: Page; hosts: Set<string> }> {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const hosts = new Set<string>();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.goto(env.url + path);
  return { page, hosts };
}

/** Result links on /search/ (path and hash), in order, once settled (tests/helpers/search-results.ts). */
const results = (page: Page): Promise<string[]> => settledResults(page, (href) => new URL(href).pathname + new URL(href).hash);

describe('search results are right', () => {
  it('"absolutely ridiculous" finds The Independent and the responses analysis first', async () => {
    const { page } = await open('/search/?q=absolutely+ridiculous');
    const top = (await results(page)).slice(0, 2);
    expect(top).toContain('/sources/independent-2017-10-10/');
    expect(top.some((u) => u.startsWith('/responses/'))).toBe(true);
    await page.context().close();
  });

  it('"Geneva" finds the refused-joint-strikes claim first, then DW and Xinhua', async () => {
    const { page } = await open('/search/?q=Geneva');
    const found = await results(page);
    expect(found[0]).toBe('/claims/joint-strikes-refused/');
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining(['/sources/dw-2017-11-14/', '/sources/xinhua-2017-11-14/']));
    await page.context().close();
  });

  it('says plainly when nothing matches', async () => {
    const { page } = await open('/search/?q=zyxwvutsrqponm');
    await expect.poll(() => page.locator('pagefind-summary[instance=page]').innerText(), { timeout: 15_000 }).toMatch(/No results for zyxwvutsrqponm/i);
    expect(await page.locator('pagefind-results[instance=page] .search-result').count()).toBe(0);
    await page.context().close();
  });
});

describe('the /search/ page', () => {
  it('filters narrow the results to the chosen kind', async () => {
    const { page } = await open('/search/?q=Geneva');
    const all = await results(page);
    await page.locator('pagefind-filter-pane input[name="kind"][value="source"]').check();
    await expect.poll(async () => (await results(page)).length, { timeout: 15_000 }).toBeLessThan(all.length);
    const filtered = await results(page);
    expect(filtered.every((u) => u.startsWith('/sources/'))).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['source']);
    // The reader sees the catalogue's words for the filter and its kinds, not the index's keys.
    const kind = page.locator('pagefind-filter-pane .pf-filter-group', { has: page.locator('input[name="kind"]') });
    await expect.poll(() => kind.locator('.pf-filter-group-name').textContent(), { timeout: 15_000 }).toBe('Kind');
    expect(await kind.locator('label', { has: page.locator('input[value="source"]') }).innerText()).toMatch(/^Source\s*\d+$/);
    await page.context().close();
  });

  it('on a phone, folds the filter groups so the results are on the first screen, and opens the group the address filters by', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.url}/search/?q=Geneva&kind=claim`);
    expect(await results(page)).toEqual(['/claims/joint-strikes-refused/']);
    const groups = page.locator('pagefind-filter-pane details.pf-filter-group');
    await expect.poll(() => groups.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    const open = await groups.evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).map((d) => (d as HTMLElement).dataset.filterName));
    expect(open).toEqual(['kind']);
    const top = await page.locator('pagefind-results[instance=page] .search-result').first().evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    // A folded group opens at a tap, and its filters work.
    await page.locator('pagefind-filter-pane details[data-filter-name="outlet"] summary').click();
    const outlet = page.locator('pagefind-filter-pane details[data-filter-name="outlet"]');
    expect(await outlet.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await outlet.locator('label:not([data-pf-hidden])').first().waitFor({ state: 'visible' });
    // Beside the results, on a wide screen, every group is shown open.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${env.url}/search/?q=Geneva`);
    await results(page);
    expect(await page.locator('pagefind-filter-pane details.pf-filter-group').count()).toBe(0);
    expect(await page.locator('pagefind-filter-pane fieldset.pf-filter-group').count()).toBeGreaterThanOrEqual(3);
    await context.close();
  });

  it('shows the whole word\'s results, not a prefix\'s, when the reader types on while Pagefind is still loading', async () => {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const slow = await slowPagefind(page);
    await page.goto(`${env.url}/search/`);
    const input = page.locator('pagefind-input[instance=page] input');
    await input.waitFor();
    await typeWhilePagefindLoads(page, input, slow, 'Ge', 'neva');
    await page.locator('pagefind-summary[instance=page]').filter({ hasText: /results? for Geneva/i }).waitFor();
    const terms = () => page.locator('pagefind-results[instance=page] .search-result-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('highlight')));
    await expect.poll(async () => { const t = await terms(); return t.length > 0 && t.every((x) => x === 'geneva'); }, { timeout: 15_000 }).toBe(true);
    const shown = await results(page);
    const fresh = await open('/search/?q=Geneva');
    expect(shown).toEqual(await results(fresh.page));
    await fresh.page.context().close();
    await context.close();
  });

  it('restores query and filters from a shared URL', async () => {
    const { page } = await open('/search/?q=Geneva&kind=claim');
    await expect.poll(() => page.locator('pagefind-input[instance=page] input').inputValue(), { timeout: 15_000 }).toBe('Geneva');
    const found = await results(page);
    expect(found).toEqual(['/claims/joint-strikes-refused/']);
    expect(await page.locator('pagefind-filter-pane input[name="kind"][value="claim"]').isChecked()).toBe(true);
    await page.context().close();
  });

  it('sorts by date', async () => {
    const { page } = await open('/search/?q=Geneva&sort=date:asc');
    // Set from the address once the search has loaded, which can be after the page's load event.
    await expect.poll(() => page.locator('#search-sort').inputValue(), { timeout: 15_000 }).toBe('date:asc');
    await results(page);
    const dates = await page.locator('pagefind-results[instance=page] .search-result').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? ''));
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBeGreaterThan(1);
    // Newest first, chosen on the page: the list shows the newest results first (the first
    // results shown are a page of them, so not simply the same ones reversed).
    await page.selectOption('#search-sort', 'date:desc');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), { timeout: 15_000 }).toBe('date:desc');
    const datesNow = async () => { await results(page); return page.locator('pagefind-results[instance=page] .search-result').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? '')); };
    await expect.poll(async () => (await datesNow())[0], { timeout: 15_000 }).toBe(dates.at(-1));
    const newest = await datesNow();
    expect(newest).toEqual([...newest].sort().reverse());
    expect(new Set(newest).size).toBeGreaterThan(1);
    await page.selectOption('#search-sort', 'relevance');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), { timeout: 15_000 }).toBeNull();
    await page.context().close();
  });

  it('finds context entries by kind, labelled as outside the corpus', async () => {
    const { page } = await open('/search/?q=Pentagon&kind=context');
    const found = await results(page);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((u) => u.startsWith('/timeline/#ctx-'))).toBe(true);
    expect(await page.locator('pagefind-results[instance=page] .search-result-label').first().innerText()).toContain('Not in the captured corpus');
    await page.context().close();
  });

  it('makes no request to any host but the site', async () => {
    const { page, hosts } = await open('/search/?q=Geneva');
    await results(page);
    expect([...hosts]).toEqual([new URL(env.url).host]);
    await page.context().close();
  });
});

describe('header search and landing', () => {
  it('opens with "/" and with Ctrl+K, and is used by keyboard alone', async () => {
    const { page } = await open('/claims/');
    // The dialog exists only once Pagefind's UI has loaded, which the first key press starts.
    const isOpen = () => page.evaluate(() => !!document.querySelector<HTMLDialogElement>('pagefind-modal dialog')?.open);
    // The shortcut listener attaches when the page's module script has run: a key pressed before
    // that is lost, so press again until it opens (each press still goes through the shortcut).
    const pressUntilOpen = async (key: string) => {
      await expect.poll(async () => (await isOpen()) || (await page.keyboard.press(key), await isOpen()), { timeout: 15_000, interval: 500 }).toBe(true);
    };
    await pressUntilOpen('/');
    await page.keyboard.type('Geneva');
    // Results for a prefix ("G") may show first, 50 ms after a keystroke: wait for the whole query's.
    await expect
      .poll(() => page.locator('pagefind-modal .search-result-link').first().getAttribute('href').catch(() => ''), { timeout: 15_000 })
      .toMatch(/^\/claims\/joint-strikes-refused\/\?highlight=geneva/);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'));
    expect(focused).toMatch(/^\/claims\/joint-strikes-refused\/\?highlight=geneva/);
    await page.keyboard.press('Escape');
    await expect.poll(isOpen, { timeout: 15_000 }).toBe(false);
    await pressUntilOpen('Control+k');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.context().close();
  });

  it('loads nothing of Pagefind until the reader moves towards search, then swaps in the modal trigger', async () => {
    const { page } = await open('/sources/dw-2017-11-14/');
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.waitForLoadState('networkidle');
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
    expect(before.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.hover('.site-search');
    const button = page.locator('pagefind-modal-trigger button');
    await button.waitFor();
    expect(loaded).toContain('/pagefind/pagefind-component-ui.js');
    expect(await page.locator('.site-search-form').isVisible()).toBe(false);
    await page.context().close();
  });

  it('keeps what is typed straight after Ctrl+K, while the search is still loading', async () => {
    const { page } = await open('/sources/dw-2017-11-14/');
    // No wait: the keys come while the search's code is fetched, before its field exists.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Genevx');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('a');
    const field = page.locator('pagefind-modal dialog[open] input');
    await expect.poll(() => field.inputValue().catch(() => ''), { timeout: 15_000 }).toBe('Geneva');
    await expect
      .poll(() => page.locator('pagefind-modal .search-result-link').first().getAttribute('href').catch(() => ''), { timeout: 15_000 })
      .toMatch(/^\/claims\/joint-strikes-refused\/\?highlight=geneva/);
    // Once the field has them, keys are the field's and the page's again.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.querySelector('pagefind-modal dialog[open]'))).toBeNull();
    await page.context().close();
  });

  it('typing in the plain field opens the modal with what was typed', async () => {
    const { page } = await open('/sources/');
    await page.click('#site-search-q');
    await page.keyboard.type('Geneva', { delay: 30 });
    const modalInput = page.locator('pagefind-modal pagefind-input input');
    await expect.poll(() => modalInput.inputValue().catch(() => ''), { timeout: 15_000 }).toBe('Geneva');
    expect(await page.evaluate(() => document.activeElement?.closest('pagefind-modal') !== null)).toBe(true);
    await page.locator('pagefind-modal .search-result-link').first().waitFor();
    await page.context().close();
  });

  it('draws each result\'s kind as a tag in the modal, also on a source page (whose first view has no list styles)', async () => {
    const { page } = await open('/sources/dw-2017-11-14/');
    await page.click('#site-search-q');
    await page.keyboard.type('Geneva', { delay: 30 });
    const tag = page.locator('pagefind-modal .search-result .tag').first();
    await tag.waitFor();
    const style = await tag.evaluate((e) => { const s = getComputedStyle(e); return { transform: s.textTransform, border: s.borderTopWidth }; });
    expect(style).toEqual({ transform: 'uppercase', border: '1px' });
    await page.context().close();
  });

  it('the header trigger names its shortcut for assistive technology', async () => {
    const { page } = await open('/');
    await page.hover('.site-search');
    const button = page.locator('pagefind-modal-trigger button');
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('/');
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog');
    await page.context().close();
  });

  it('opening a result lands on the passage with the term highlighted', async () => {
    const { page } = await open('/search/?q=Geneva');
    await results(page);
    await page.locator('pagefind-results[instance=page] .search-result-link').first().click();
    await page.waitForURL(/\/claims\/joint-strikes-refused\/\?highlight=geneva/);
    const hits = page.locator('article mark.search-hit');
    await hits.first().waitFor();
    expect((await hits.allInnerTexts()).every((t) => t.toLowerCase() === 'geneva')).toBe(true);
    await page.context().close();
  });

  it('without JavaScript the header is a plain form to /search/', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.url}/sources/`);
    await page.fill('#site-search-q', 'Geneva');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Geneva/);
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
    await context.close();
  });
});
