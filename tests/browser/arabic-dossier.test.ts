// The Arabic example dossier (examples/arabic), built and read in real Chromium: right to left,
// no sideways scrolling on a phone, nothing for axe to report, search in Arabic, focus order in
// reading direction, and its PDF printed with real fonts and extractable in logical order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../scripts/pdf/make.ts';
import { useOtherDossier } from '../helpers/other-dossier.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync('tests/.out', { recursive: true });
const OUT = mkdtempSync('tests/.out/arabic-');
const SITE = join(OUT, 'site');
const env = useOtherDossier('examples/arabic', SITE, [OUT]);

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n === 'index.html' || n === '404.html' ? [p] : [];
  });
const paths = () => htmlFiles(SITE).map((f) => `/${relative(SITE, f)}`.replace(/index\.html$/, '')).filter((p) => !p.startsWith('/print/'));
// pdftotext wraps right-to-left runs in embedding marks; the words between them are what a reader copies.
const plain = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');


describe('an Arabic dossier', () => {
  it('every page is Arabic and right to left, with the interface in Arabic', () => {
    for (const file of htmlFiles(SITE)) expect(readFileSync(file, 'utf8'), file).toMatch(/<html lang="ar" dir="rtl"/);
    const home = readFileSync(join(SITE, 'index.html'), 'utf8');
    expect(home).toContain('>الرئيسية</a>');
    expect(home).toContain('placeholder="ابحث في الملف"');
    expect(home).not.toMatch(/Search the dossier|Skip to content|Evidence dossier/);
  });

  it('marks the English translation with its own lang and dir, down to the quotation', () => {
    const source = readFileSync(join(SITE, 'sources/bulletin-2024-02-10/index.html'), 'utf8');
    expect(source).toMatch(/<p lang="en" dir="ltr"[^>]*>The mayor said/);
    const claim = readFileSync(join(SITE, 'claims/bridge-by-summer/index.html'), 'utf8');
    expect(claim).toMatch(/<p class="quote-translation" lang="en" dir="ltr"[^>]*>The bridge will be back in service before the start of summer<\/p>/);
    expect(claim).toContain('ترجمة Valley Herald نفسها، باللغة الإنجليزية');
  });

  it('no page scrolls sideways at 320 px', { timeout: 120_000 }, async () => {
    const page = await env.browser.newPage({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
    const wide: string[] = [];
    for (const path of paths()) {
      await page.goto(env.site.url + path, { waitUntil: 'load' });
      const r = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, dir: document.documentElement.dir }));
      expect(r.dir, path).toBe('rtl');
      if (r.scroll > r.width) wide.push(`${path}: ${r.scroll} px in ${r.width} px`);
    }
    await page.close();
    expect(wide).toEqual([]);
  });

  it('axe reports nothing on any page, in either theme', { timeout: 180_000 }, async () => {
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await env.browser.newPage({ colorScheme });
      for (const path of paths()) {
        await page.goto(env.site.url + path, { waitUntil: 'load' });
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          // @ts-expect-error axe is injected above
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
          return r.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
        });
        found.push(...violations.map((v: string) => `${colorScheme} ${path}: ${v}`));
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('the header search finds an Arabic word', { timeout: 60_000 }, async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}/`);
    await page.click('#site-search-q');
    await page.keyboard.type('المقاولات', { delay: 30 });
    const link = page.locator('pagefind-modal .search-result-link[href*="/sources/bulletin-2024-02-10/"]').first();
    await link.waitFor({ timeout: 30_000 });
    expect(await page.locator('pagefind-modal pagefind-input input').getAttribute('placeholder')).toBe('ابحث في المصادر والادعاءات والردود…');
    await page.close();
  });

  it('keyboard focus moves through the header in reading direction, right to left', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.site.url}/sources/`);
    const xs: number[] = [];
    for (let n = 0; n < 12; n++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return { nav: !!el.closest('.site-nav'), x: r.left + r.width / 2 };
      });
      if (at.nav) xs.push(at.x);
    }
    await page.close();
    expect(xs.length).toBeGreaterThanOrEqual(5);
    // Each link of the menu stands left of the one before: the order a reader of Arabic reads in.
    for (let n = 1; n < xs.length; n++) expect(xs[n]).toBeLessThan(xs[n - 1]);
  });

  it('prints a PDF with real fonts whose text pdftotext reads back in logical order', { timeout: 180_000 }, async () => {
    const pdf = join(OUT, 'dossier.pdf');
    await makePdf({ distDir: SITE, out: pdf });
    const text = plain(execFileSync('pdftotext', [pdf, '-']).toString('utf8'));
    expect(text).toContain('جسر النهر في وادي الزيتون');
    expect(text).toContain('سيعود الجسر إلى العمل قبل بداية الصيف');
    expect(text).toContain('The bridge will be back in service before the start of summer');
    // The folio, in Arabic, from the catalogue (the runs around the numbers may lose a space).
    expect(text).toMatch(/الصفحة ?2 ?من ?\d+/);
    const fonts = execFileSync('pdffonts', [pdf]).toString('utf8');
    expect(fonts).toMatch(/Noto/);
  });
});
