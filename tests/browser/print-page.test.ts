import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/site.ts';
import { removeFully } from '../../src/lib/discard.ts';

/** Any page printed from the browser: a single source page through Chromium's page.pdf. */
const { dossier } = verifyContent('src/content');
const source = [...dossier!.sources.values()][0];
const work = mkdtempSync(join(tmpdir(), 'print-page-'));
let browser: Browser;
let server: Served;

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function printed(page: Page, name: string): Promise<string> {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  return file;
}
const textOf = (file: string) => flat(execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'));

async function openSource(scheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ colorScheme: scheme });
  await page.goto(`${server.url}/sources/${source.id}/`);
  return page;
}

beforeAll(async () => {
  server = await serve(siteDir());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeFully(work);
});

describe('printing a source page', () => {
  it('leaves out navigation, search, theme controls, the skip link and the footer', async () => {
    const page = await openSource('light');
    // The words of the site's chrome, read from the page itself, must not reach paper.
    const chrome = await page.$$eval('.skip-link, .site-nav a, .site-footer p, .site-search, .theme-toggle, [role="search"] label', (els) =>
      els.map((e) => (e as HTMLElement).innerText.trim()).filter((t) => t.length > 3));
    expect(chrome.length).toBeGreaterThan(3);
    const text = textOf(await printed(page, 'chrome'));
    expect(text).toContain(source.title);
    const leaked = chrome.filter((t) => !/^[\d\s]+$/.test(t) && text.includes(flat(t)) && !source.text.includes(t) && t !== dossier!.settings.title);
    expect(leaked).toEqual([]);
    expect(text).not.toContain('Skip to content');
    await page.close();
  });

  it('starts the metadata panel under the headline, not on a fresh page', async () => {
    // A long panel that may not split would leave page one blank below the headline.
    for (const s of dossier!.sources.values()) {
      const page = await browser.newPage();
      await page.goto(`${server.url}/sources/${s.id}/`);
      const file = await printed(page, `first-page-${s.id}`);
      const first = flat(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-']).toString('utf8'));
      expect(first, s.id).toContain('About this source');
      expect(first, s.id).toContain('Outlet');
      await page.close();
    }
  });

  it('shows the address after an external link whose text is not the address', async () => {
    const page = await openSource('light');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'See <a href="https://example.org/printed-address">this report</a>.';
      document.querySelector('main')!.append(p);
    });
    const text = textOf(await printed(page, 'urls'));
    expect(text).toContain('this report');
    expect(text).toContain('https://example.org/printed-address');
    await page.close();
  });

  it('prints every external address of a real page (the timeline’s later reporting)', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/timeline/`);
    const text = textOf(await printed(page, 'timeline')).replace(/\s+/g, '');
    const urls = [...dossier!.context.values()].flatMap((c) => (c.url ? [c.url] : []));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !text.includes(u))).toEqual([]);
    await page.close();
  });

  it('has a running head with the dossier title and page X of Y', async () => {
    const page = await openSource('light');
    const file = await printed(page, 'head');
    const pages = execFileSync('pdfinfo', [file]).toString('utf8').match(/Pages:\s+(\d+)/)![1];
    const text = textOf(file);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(dossier!.settings.title);
    await page.close();
  });

  it('prints in the light palette even when the screen is dark', async () => {
    const page = await openSource('dark');
    const screenBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(screenBg).not.toBe('rgb(255, 255, 255)');
    const file = await printed(page, 'dark');
    // Render the first page and measure it: a light page is mostly near-white pixels.
    const ppm = execFileSync('pdftoppm', ['-r', '20', '-f', '1', '-l', '1', file]);
    const header = ppm.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/)!;
    const pixels = ppm.subarray(header[0].length);
    let light = 0;
    for (let i = 0; i < pixels.length; i += 3) if (pixels[i] + pixels[i + 1] + pixels[i + 2] > 600) light++;
    expect(light / (pixels.length / 3)).toBeGreaterThan(0.8);
    await page.close();
  });
});
