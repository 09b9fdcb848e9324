import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, type PdfResult } from '../../scripts/pdf/make.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { parseOutlineXml } from '../../src/lib/print/contents.ts';
import { siteDir } from '../helpers/site.ts';
import { removeFully } from '../../src/lib/discard.ts';

/** The whole-dossier PDF, printed from the test build and read back with poppler. */
const { dossier } = verifyContent('src/content');
const work = mkdtempSync(join(tmpdir(), 'print-pdf-'));
const pdfPath = join(work, 'dossier.pdf');
let result: PdfResult;
let pages: string[];
let text: string;

const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const pageText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 1 << 28 }).toString('utf8').split('\f');

beforeAll(async () => {
  result = await makePdf({ distDir: siteDir(), out: pdfPath });
  pages = pageText(pdfPath);
  text = flat(pages.join(' '));
}, 120_000);
afterAll(() => removeFully(work));

describe('npm run pdf: the whole dossier', () => {
  it('holds every source headline, claim summary and response', () => {
    const missing = [
      ...[...dossier!.sources.values()].map((s) => s.title),
      ...[...dossier!.claims.values()].map((c) => c.summary),
      ...[...dossier!.responses.values()].map((r) => r.summary),
    ].filter((t) => !text.includes(flat(t)));
    expect(missing).toEqual([]);
  });

  it('prints every source’s capture hash', () => {
    for (const s of dossier!.sources.values()) expect(text).toContain(s.captureFile.sha256);
  });

  it('has a cover and a contents list whose page numbers are where each section really starts', () => {
    expect(flat(pages[0])).toContain(flat(dossier!.settings.title));
    expect(flat(pages[0])).toContain(`${dossier!.sources.size} captured articles`);
    const contentsAt = pages.findIndex((p) => /^\s*Contents\s*$/m.test(p));
    expect(contentsAt).toBeGreaterThan(-1);
    const contents = pages[contentsAt];
    for (const { entry } of result.contents) {
      const line = contents.split('\n').find((l) => flat(l).startsWith(`${entry.number} ${flat(entry.title).slice(0, 20)}`));
      expect(line, `contents line for ${entry.number} ${entry.title}`).toBeDefined();
      const printed = Number(line!.trim().match(/(\d+)$/)?.[1]);
      // A heading starts its line; long ones wrap, so their opening words are what is looked for.
      const heading = flat(`${entry.number} ${entry.title}`).slice(0, 30);
      const startsLine = (page: string) => page.split('\n').some((l) => flat(l).startsWith(heading));
      // The section's heading is on the printed page, and on no page between the contents and it.
      expect(startsLine(pages[printed - 1]), `${heading} on page ${printed}`).toBe(true);
      for (let p = contentsAt + 1; p < printed - 1; p++) expect(startsLine(pages[p]), `${heading} already on page ${p + 1}`).toBe(false);
    }
    const top = result.contents.filter((c) => c.entry.level === 1).map((c) => c.entry.title);
    expect(top).toEqual(expect.arrayContaining(['Claims', 'Responses', 'Sources', 'Later reporting', 'Endnotes: web addresses']));
  });

  it('ends with endnotes listing every external address', () => {
    const endnotes = pages.slice(pages.findIndex((p) => /Endnotes: web addresses/.test(p) && !/^\s*Contents\s*$/m.test(p))).join('').replace(/\s+/g, '');
    const urls = [
      ...[...dossier!.sources.values()].flatMap((s) => (s.url ? [s.url] : [])),
      ...[...dossier!.context.values()].flatMap((c) => (c.url ? [c.url] : [])),
    ];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !endnotes.includes(u))).toEqual([]);
  });

  it('has a bookmark for every top-level section', () => {
    const outline = parseOutlineXml(execFileSync('pdftohtml', ['-q', '-xml', '-i', '-stdout', pdfPath], { maxBuffer: 1 << 28 }).toString('utf8'));
    const top = outline.filter((o) => o.depth === 1).map((o) => flat(o.title));
    for (const { entry } of result.contents.filter((c) => c.entry.level === 1)) expect(top).toContain(flat(`${entry.number} ${entry.title}`));
  });

  it('carries title, author and subject, and page numbers', () => {
    const info = execFileSync('pdfinfo', [pdfPath]).toString('utf8');
    expect(info).toContain(`Title:           ${dossier!.settings.title}`);
    expect(info).toContain(`Author:          ${dossier!.settings.editors.join(', ')}`);
    expect(info).toContain(`Subject:         ${dossier!.settings.subtitle}`);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    expect(flat(pages[2])).toContain(`Page 3 of ${result.pages}`);
    expect(flat(pages[0])).not.toContain('Page 1 of');
  });

  it('makes internal cross-references (claim ↔ passage) links inside the PDF', () => {
    // pdftohtml lists internal links as <a href="dossier.html#N"> to a page of the same file.
    const html = execFileSync('pdftohtml', ['-q', '-s', '-i', '-noframes', '-stdout', pdfPath], { maxBuffer: 1 << 28 }).toString('utf8');
    const internal = html.match(/<a href="[^"]*#\d+"/g) ?? [];
    expect(internal.length).toBeGreaterThan(dossier!.claims.size);
  });
});

describe('npm run pdf -- --letter', () => {
  it('prints on US Letter', async () => {
    const out = join(work, 'letter.pdf');
    await makePdf({ distDir: siteDir(), out, paper: 'Letter' });
    expect(execFileSync('pdfinfo', [out]).toString('utf8')).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  }, 120_000);
});

describe('npm run pdf without Chromium', () => {
  it('says so and how to install it, instead of crashing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(work, 'no-such-chromium');
    try {
      await expect(makePdf({ distDir: siteDir(), out: join(work, 'never.pdf') })).rejects.toThrow(/not found[\s\S]*apt-get install chromium/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('exits 1 with that message alone from the command line, no stack trace', () => {
    const run = spawnSync(process.execPath, ['scripts/pdf.ts'], { env: { ...process.env, CHROMIUM_PATH: join(work, 'no-such-chromium') }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

