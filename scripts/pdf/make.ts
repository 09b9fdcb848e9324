import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { pagesFromOutline, parseOutlineXml, unplaced, unplacedMessage, type ContentsEntry } from '../../src/lib/print/contents.ts';
import { withInfo } from '../../src/lib/print/pdf-info.ts';
import { serve } from '../lib/serve.ts';
import { PRINT_ARGS, chromiumPath } from '../lib/chromium.ts';

export { chromiumPath };

/** A failure the reader can act on: printed as its message alone, never as a stack trace. */
export class PdfError extends Error {}

export interface PdfOptions {
  /** A built site (dist/). */
  distDir: string;
  out: string;
  paper?: 'A4' | 'Letter';
}

export interface PdfResult {
  out: string;
  bytes: number;
  pages: number;
  buildId: string;
  /** Where each contents entry starts, as printed in the contents list. */
  contents: { entry: ContentsEntry; page: number }[];
  passes: number;
}

export function checkTools(): void {
  const CHROMIUM = chromiumPath();
  if (!existsSync(CHROMIUM)) {
    throw new PdfError(
      `Chromium was not found at ${CHROMIUM}.\n` +
      'Install it with:  apt-get install chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run `npm run pdf` again.',
    );
  }
  try {
    execFileSync('pdftohtml', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new PdfError('pdftohtml (poppler) was not found; it reads the page numbers back for the contents list.\nInstall it with:  apt-get install poppler-utils');
  }
}

/** The PDF's bookmarks and page count, read back with poppler. */
function readBack(pdf: Buffer, work: string): { outline: ReturnType<typeof parseOutlineXml>; pages: number } {
  const file = join(work, 'pass.pdf');
  writeFileSync(file, pdf);
  const xml = execFileSync('pdftohtml', ['-q', '-xml', '-i', '-stdout', file], { maxBuffer: 1 << 30 }).toString('utf8');
  return { outline: parseOutlineXml(xml), pages: (xml.match(/<page number=/g) ?? []).length };
}

function contentsOf(page: Page): Promise<ContentsEntry[]> {
  return page.$$eval('.toc li', (items) => items.map((li) => ({
    id: li.querySelector('[data-toc-page]')!.getAttribute('data-toc-page')!,
    number: li.querySelector('.toc-num')!.textContent!.trim(),
    title: li.querySelector('.toc-title')!.textContent!.trim(),
    level: (li.classList.contains('toc-2') ? 2 : 1) as 1 | 2,
  })));
}

/**
 * Prints /print/ of a built site to a PDF. Chromium has no target-counter(), so the contents
 * list gets its page numbers in further passes: print, read where each section's bookmark
 * points, write those numbers into the page, and print again until nothing moves.
 */
export async function makePdf({ distDir, out, paper = 'A4' }: PdfOptions): Promise<PdfResult> {
  checkTools();
  if (!existsSync(join(distDir, 'print', 'index.html'))) throw new PdfError(`${distDir} has no print/index.html: build the site first (npm run build).`);
  const server = await serve(distDir);
  const work = mkdtempSync(join(tmpdir(), 'dossier-pdf-'));
  const CHROMIUM = chromiumPath();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: PRINT_ARGS, headless: true }).catch((e: Error) => {
      throw new PdfError(`Chromium at ${CHROMIUM} could not start: ${e.message.split('\n')[0]}\nReinstall it with:  apt-get install chromium`);
    });
    const page = await browser.newPage();
    await page.goto(`${server.url}/print/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const meta = await page.evaluate(() => ({
      title: document.querySelector('.cover-title')?.textContent?.trim() ?? document.title,
      subject: document.querySelector('.cover-subtitle')?.textContent?.trim() ?? '',
      author: document.querySelector('meta[name="author"]')?.getAttribute('content') ?? '',
      buildId: document.querySelector('meta[name="dossier-build"]')?.getAttribute('content') ?? '',
    }));
    const entries = await contentsOf(page);
    const print = () => page.pdf({ format: paper, printBackground: true, preferCSSPageSize: false, outline: true, tagged: true, displayHeaderFooter: false });

    let pdf = await print();
    let placed = new Map<string, number>();
    let passes = 1;
    let pages = 0;
    for (;;) {
      const back = readBack(pdf, work);
      pages = back.pages;
      const found = pagesFromOutline(entries, back.outline);
      const missing = unplaced(entries, found);
      if (missing.length) throw new PdfError(unplacedMessage(entries, found, back.outline));
      const same = entries.every((e) => placed.get(e.id) === found.get(e.id));
      if (same) break;
      if (passes >= 4) throw new PdfError('The contents page numbers did not settle after 4 printings.');
      placed = found;
      await page.evaluate((nums) => {
        for (const [id, n] of nums) {
          const cell = document.querySelector(`[data-toc-page="${CSS.escape(id)}"]`);
          if (cell) cell.textContent = String(n);
        }
      }, [...found]);
      pdf = await print();
      passes++;
    }
    const final = withInfo(pdf, { title: meta.title, author: meta.author, subject: meta.subject, keywords: `build ${meta.buildId}` });
    writeFileSync(out, final);
    return {
      out, bytes: final.length, pages, buildId: meta.buildId, passes,
      contents: entries.map((entry) => ({ entry, page: placed.get(entry.id)! })),
    };
  } finally {
    await browser?.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}
