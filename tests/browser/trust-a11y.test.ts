import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/session.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// One page of every type, and every analysis page (each has components of its own: the claim
// matrix, the word diffs, the sourcing table).
const PAGES = [
  '/', '/sources/', '/sources/dw-2017-11-14/', '/claims/', '/claims/joint-strikes-refused/', '/overview/', '/claims-compared/',
  '/quote-variants/', '/responses/', '/sourcing/', '/timeline/', '/method/', '/cite/', '/search/?q=Geneva', '/print/', '/no-such-page/',
];

const env = useBuiltSite();

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no violations on any page type in ${scheme} mode`, { timeout: 240_000 }, async () => {
      const context = await env.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(env.url + path, { waitUntil: 'load' });
        if (path.startsWith('/search/')) await page.waitForSelector('.pagefind-ui__result, [data-search-results] li, .search-results li', { timeout: 10_000 }).catch(() => {});
        // Evaluated over the DevTools protocol: an injected <script> would (rightly) be refused by the page's CSP.
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        });
        found.push(...violations.map((v: string) => `${path} ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});

describe('privacy', () => {
  it('makes no request to any host but its own, on every page type', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) outside.push(`${page.url()} → ${req.url()}`);
    });
    for (const path of PAGES) {
      await page.goto(env.url + path, { waitUntil: 'networkidle' });
    }
    await context.close();
    expect(outside).toEqual([]);
  });
});

describe('keyboard', () => {
  it('reaches the skip link first and it moves focus to the main content', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.url + '/sources/dw-2017-11-14/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });
});
