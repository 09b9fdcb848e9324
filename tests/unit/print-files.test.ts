import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentBuildId } from '../../src/lib/print/build-id.ts';
import { keptPdfFor, keptPdfPath, recordPath } from '../../src/lib/print/kept.ts';
import { pdfString, withInfo } from '../../src/lib/print/pdf-info.ts';
import { formatBytes } from '../../src/lib/print/size.ts';
import { removeFully } from '../../src/lib/discard.ts';

const tmp = mkdtempSync(join(tmpdir(), 'print-files-'));
afterAll(() => removeFully(tmp));

/** A one-page PDF with a classic cross-reference table, laid out the way Chromium writes one. */
function tinyPdf(): Buffer {
  const objs = ['<</Producer (Skia/PDF)>>', '<</Type /Catalog /Pages 3 0 R>>', '<</Type /Pages /Kids [4 0 R] /Count 1>>', '<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 200]>>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objs.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('withInfo', () => {
  it('sets title, author and subject, non-ASCII included, readable by poppler', () => {
    const file = join(tmp, 'info.pdf');
    writeFileSync(file, withInfo(tinyPdf(), { title: 'Shielding “Islamic State”? AVİM', author: 'Dossier editors', subject: 'Five (captured) reports' }));
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    expect(info).toMatch(/^Title:\s+Shielding “Islamic State”\? AVİM$/m);
    expect(info).toMatch(/^Author:\s+Dossier editors$/m);
    expect(info).toMatch(/^Subject:\s+Five \(captured\) reports$/m);
    expect(info).toMatch(/^Producer:\s+Skia\/PDF$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
  });
  it('refuses a PDF without a trailer it understands', () => {
    expect(() => withInfo(Buffer.from('%PDF-1.7\n'), { title: 't', author: 'a', subject: 's' })).toThrow(/trailer/);
  });
  it('writes PDF strings plainly when it can', () => {
    expect(pdfString('a (b)')).toBe('(a \\(b\\))');
    expect(pdfString('é')).toBe('<FEFF00E9>');
  });
});

describe('contentBuildId', () => {
  it('changes with any byte of the content and only then', () => {
    const dir = join(tmp, 'content');
    mkdirSync(join(dir, 'sources'), { recursive: true });
    writeFileSync(join(dir, 'dossier.yaml'), 'title: A\n');
    writeFileSync(join(dir, 'sources', 'a.md'), 'text');
    const first = contentBuildId(dir);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(contentBuildId(dir)).toBe(first);
    writeFileSync(join(dir, 'sources', 'a.md'), 'text!');
    expect(contentBuildId(dir)).not.toBe(first);
  });
});

describe('keptPdfFor', () => {
  const out = join(tmp, 'site', 'dist');
  const pdf = keptPdfPath(out);
  it('lives beside the output folder, outside what a build replaces', () => {
    expect(pdf).toBe(join(tmp, 'site', '.dossier', 'dist.pdf'));
  });
  it('offers the kept PDF only for the content it was printed from, and only when intact', () => {
    // With no PDF kept, the build id (a hash of every content file) is never computed.
    let asked = 0;
    expect(keptPdfFor(out, () => `abc${asked++}`)).toBeUndefined();
    expect(asked).toBe(0);
    expect(keptPdfFor(out, 'abc')).toBeUndefined();
    mkdirSync(join(tmp, 'site', '.dossier'), { recursive: true });
    writeFileSync(pdf, Buffer.alloc(1234));
    writeFileSync(recordPath(pdf), JSON.stringify({ buildId: 'abc', bytes: 1234, pages: 9, paper: 'A4', printed: 'x' }));
    expect(keptPdfFor(out, 'abc')).toMatchObject({ bytes: 1234, pages: 9, paper: 'A4' });
    expect(keptPdfFor(out, 'other')).toBeUndefined();
    expect(keptPdfFor(out, () => 'abc')).toMatchObject({ bytes: 1234 });
    writeFileSync(pdf, Buffer.alloc(10));
    expect(keptPdfFor(out, 'abc')).toBeUndefined();
    writeFileSync(recordPath(pdf), 'not json');
    expect(keptPdfFor(out, 'abc')).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('reads like the operating system shows it', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1_744_613)).toBe('1.7 MB');
    expect(formatBytes(250_000)).toBe('250 kB');
    expect(formatBytes(2_000)).toBe('2 kB');
  });
});
