import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SetAside } from '../../src/lib/print/set-aside.ts';
import { endSpill, PartFile, spliceBody, startSpill } from '../../src/lib/print/spill.ts';

const SITE = 'https://example.org/';

/** A small print document: parts with ids, links to each other and out, and text between them. */
function render(aside: SetAside): string {
  const a = aside.put('<article id="source-a"><h3>“A” — Ру́сский</h3><a href="/sources/b/">to B</a> <a href="https://news.example/1">out</a></article>');
  const b = aside.put('<article id="source-b"><p>B</p><a href="/claims/x/">a claim nowhere here</a> <a href="https://news.example/1">out again</a></article>');
  return `<nav id="contents"><a href="/sources/a/">A</a></nav><section>${a}<p>between</p>${b}</section>`;
}

describe('the print document written to disk in a build', () => {
  let folder: string;
  afterEach(() => {
    endSpill();
  });

  it('links the same document as in memory, byte for byte, with the same endnotes, and leaves only its body file', () => {
    const inMemory = new SetAside(undefined);
    const memory = inMemory.linked(render(inMemory), SITE, '/print/');

    folder = mkdtempSync(join(tmpdir(), 'print-spill-'));
    startSpill(folder);
    const onDisk = new SetAside();
    const disk = onDisk.linked(render(onDisk), SITE, '/print/');
    const [body] = endSpill();

    expect(disk.html).toEqual([body.mark]);
    expect(body.pathname).toBe('/print/');
    expect(readFileSync(body.file, 'utf8')).toBe(memory.html.join(''));
    expect(disk.endnotes).toEqual(memory.endnotes);
    expect(disk.endnotes).toEqual([{ n: 1, url: 'https://news.example/1' }, { n: 2, url: 'https://example.org/claims/x/' }]);
    expect(readdirSync(folder)).toEqual([body.file.split('/').pop()]);
  });

  it('puts the body in its page in place of the mark, and removes the body file', () => {
    folder = mkdtempSync(join(tmpdir(), 'print-spill-'));
    startSpill(folder);
    const aside = new SetAside();
    const { html } = aside.linked(render(aside), SITE, '/print/');
    const [body] = endSpill();
    const page = join(folder, 'index.html');
    writeFileSync(page, `<html><body>${html.join('')}<section id="notes">notes</section></body></html>`);
    const linked = readFileSync(body.file, 'utf8');
    spliceBody(page, body);
    expect(readFileSync(page, 'utf8')).toBe(`<html><body>${linked}<section id="notes">notes</section></body></html>`);
    expect(existsSync(body.file)).toBe(false);
  });

  it('refuses a page that does not hold the mark exactly once, naming the page', () => {
    folder = mkdtempSync(join(tmpdir(), 'print-spill-'));
    const body = { pathname: '/print/', file: join(folder, 'x.body'), mark: '<!--print-body 0123-->' };
    writeFileSync(body.file, '<p>body</p>');
    const page = join(folder, 'index.html');
    writeFileSync(page, '<html><body>no mark</body></html>');
    expect(() => spliceBody(page, body)).toThrow(`print: ${page} does not hold the mark of its body exactly once`);
    writeFileSync(page, `<html><body>${body.mark}${body.mark}</body></html>`);
    expect(() => spliceBody(page, body)).toThrow('exactly once');
    expect(readFileSync(page, 'utf8')).toBe(`<html><body>${body.mark}${body.mark}</body></html>`);
  });

  it('refuses a mark met twice, as in memory', () => {
    folder = mkdtempSync(join(tmpdir(), 'print-spill-'));
    startSpill(folder);
    const aside = new SetAside();
    const mark = aside.put('<p>x</p>');
    expect(() => aside.linked(`${mark}${mark}`, SITE, '/print/')).toThrow('print: part 0 of the document was handed back already');
  });

  it('reads back each part as it was appended, and refuses a part never set aside', () => {
    folder = mkdtempSync(join(tmpdir(), 'print-spill-'));
    const file = new PartFile(folder, 'parts');
    expect(file.append('<p>één</p>')).toBe(0);
    expect(file.append('<p>два</p>')).toBe(1);
    expect(file.read(1)).toBe('<p>два</p>');
    expect(file.read(0)).toBe('<p>één</p>');
    expect(() => file.read(2)).toThrow('print: part 2 of the document was never set aside');
    file.remove();
    expect(readdirSync(folder)).toEqual([]);
  });
});
