import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, type PdfResult } from '../../scripts/pdf/make.ts';
import { parseOutlineXml, type OutlineItem } from '../../src/lib/print/contents.ts';
import { buildDossierAsync } from '../helpers/build.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * A source headline long enough to wrap onto a second line of its heading in the print edition.
 * Chromium's PDF outline then drops the space at the line break; the contents list must still
 * find the bookmark and print the page the source starts on.
 */
const HEADLINE = 'Ministry says the river is rising fast and nobody is helping, as the flood reaches the old granary and an electrical fault cuts the power to the capital';
const content = miniCopy('tests/.out', 'pdf-wrap');
const out = `${content}-dist`;
const pdfPath = `${content}.pdf`;
let result: PdfResult;
let outline: OutlineItem[];
let pages: string[];

const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  // The capture's headline line, its new hash, and the source's title, changed together.
  const capture = join(content, 'captures', 'wire-2020-03-02.txt');
  writeFileSync(capture, readFileSync(capture, 'utf8').replace('Ministry says the river is rising', HEADLINE));
  const source = join(content, 'sources', 'wire-2020-03-02.md');
  const hash = createHash('sha256').update(readFileSync(capture)).digest('hex');
  writeFileSync(source, readFileSync(source, 'utf8').replace(/^title: .*$/m, `title: ${HEADLINE}`).replace(/sha256: \w+/, `sha256: ${hash}`));
  const built = await buildDossierAsync(content, out);
  expect(built.status, built.stderr).toBe(0);
  result = await makePdf({ distDir: out, out: pdfPath });
  outline = parseOutlineXml(execFileSync('pdftohtml', ['-q', '-xml', '-i', '-stdout', pdfPath], { maxBuffer: 1 << 28 }).toString('utf8'));
  pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 1 << 28 }).toString('utf8').split('\f');
}, 300_000);
afterAll(() => [content, out, `${out}-cache`, pdfPath].forEach((p) => removeFully(p)));

describe('npm run pdf with a headline that wraps', () => {
  it('prints the headline over two lines of its heading', () => {
    const entry = result.contents.find((c) => c.entry.title === HEADLINE)!;
    expect(entry).toBeDefined();
    const page = pages[entry.page - 1].split('\n').map(flat);
    const first = page.findIndex((l) => l.startsWith(`${entry.entry.number} Ministry says`));
    expect(first).toBeGreaterThan(-1);
    // The heading's first line holds only part of the headline; the rest follows on the next line.
    expect(page[first].length).toBeLessThan(`${entry.entry.number} ${HEADLINE}`.length);
    expect(flat(page.slice(first, first + 4).join(' '))).toContain(flat(`${entry.entry.number} ${HEADLINE}`));
  });

  it('has its bookmark, and the contents list gives the page the source starts on', () => {
    const entry = result.contents.find((c) => c.entry.title === HEADLINE)!;
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const mark = outline.find((o) => squeeze(o.title) === squeeze(`${entry.entry.number} ${HEADLINE}`));
    expect(mark, 'a bookmark for the long headline').toBeDefined();
    expect(entry.page).toBe(mark!.page);
    const contents = pages.find((p) => /^\s*Contents\s*$/m.test(p))!;
    const line = contents.split('\n').map(flat).findIndex((l) => l.startsWith(`${entry.entry.number} Ministry says`));
    expect(line).toBeGreaterThan(-1);
    // The contents line may wrap too: its page number ends the entry's last line.
    const lines = contents.split('\n').map(flat);
    const printed = [lines[line], lines[line + 1]].map((l) => l.match(/ (\d+)$/)?.[1]).find(Boolean);
    expect(Number(printed)).toBe(mark!.page);
  });
});
