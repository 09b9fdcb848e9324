import { describe, expect, it } from 'vitest';
import { bagFromEntries, makeBag, manifest, validateBag, type BagFile } from '../../src/lib/portable/bagit.ts';
import { editionTime, unzip, zipBag } from '../../src/lib/portable/zip.ts';
import { dataScript, editionFiles, EditionError } from '../../src/lib/portable/edition.ts';

const enc = new TextEncoder();
const site: BagFile[] = [
  { path: 'index.html', bytes: enc.encode('<body><a href="/captures/a.txt">a</a></body>') },
  { path: 'captures/a.txt', bytes: enc.encode('capture A\n') },
  { path: 'odd name %.txt', bytes: enc.encode('x') },
];
const info = { title: 'A dossier', edition: '2026-12-01', sources: 1, baggingDate: '2026-12-07', software: 'Dossier test' };
const asMap = (files: BagFile[]) => new Map(files.map((f) => [f.path, f.bytes]));

describe('BagIt (RFC 8493)', () => {
  const bag = makeBag(site, info);

  it('writes the declaration, bag-info with Payload-Oxum, both manifests and data/', () => {
    const text = (p: string) => new TextDecoder().decode(bag.find((f) => f.path === p)!.bytes);
    expect(text('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(text('bag-info.txt')).toMatch(/^Title: A dossier$/m);
    expect(text('bag-info.txt')).toMatch(/^Edition-Date: 2026-12-01$/m);
    expect(text('bag-info.txt')).toMatch(/^Source-Count: 1$/m);
    expect(text('bag-info.txt')).toMatch(/^Bagging-Date: 2026-12-07$/m);
    expect(text('bag-info.txt')).toMatch(/^Payload-Oxum: 55\.3$/m);
    expect(text('manifest-sha256.txt')).toMatch(/^[0-9a-f]{64} {2}data\/captures\/a\.txt$/m);
    expect(text('manifest-sha256.txt')).toContain('data/odd name %25.txt');
    expect(text('tagmanifest-sha256.txt').split('\n').filter(Boolean).map((l) => l.split('  ')[1]).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    expect(validateBag(asMap(bag))).toEqual([]);
  });

  it('names the file whose bytes changed', () => {
    const files = asMap(bag);
    files.set('data/captures/a.txt', enc.encode('capture B\n'));
    expect(validateBag(files)).toEqual([expect.stringMatching(/^data\/captures\/a\.txt: checksum does not match manifest-sha256\.txt/)]);
  });

  it('names an extra payload file, a missing one, and a wrong Payload-Oxum', () => {
    const extra = asMap(bag);
    extra.set('data/extra.txt', enc.encode('x'));
    const problems = validateBag(extra);
    expect(problems).toContain('data/extra.txt: in data/ but not listed in manifest-sha256.txt');
    expect(problems.some((p) => p.startsWith('bag-info.txt: Payload-Oxum 55.3 does not match'))).toBe(true);
    const missing = asMap(bag);
    missing.delete('data/index.html');
    expect(validateBag(missing)).toContain('data/index.html: listed in manifest-sha256.txt but not in the bag');
  });

  it('checks the declaration and the tag manifest', () => {
    const files = asMap(bag);
    files.set('bagit.txt', enc.encode('BagIt-Version: 1.0\n'));
    expect(validateBag(files)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^bagit\.txt: must hold exactly/),
      expect.stringMatching(/^bagit\.txt: checksum does not match tagmanifest-sha256\.txt/),
    ]));
    const noDecl = asMap(bag);
    noDecl.delete('bagit.txt');
    expect(validateBag(noDecl)[0]).toMatch(/^bagit\.txt: missing/);
  });

  it('refuses manifest paths that leave the bag or the payload', () => {
    const files = asMap(bag);
    files.set('manifest-sha256.txt', enc.encode(`${manifest([{ path: 'data/index.html', bytes: files.get('data/index.html')! }])}${'0'.repeat(64)}  ../x\n`));
    expect(validateBag(files).some((p) => p.includes('"../x" points outside the bag'))).toBe(true);
  });

  it('zips under one top folder, the same bytes each time, and reads back', () => {
    const a = zipBag('dossier-portable', bag, '2026-12-01');
    expect(zipBag('dossier-portable', [...bag].reverse(), '2026-12-01')).toEqual(a);
    const { files, problems } = bagFromEntries(unzip(a));
    expect(problems).toEqual([]);
    expect(validateBag(files)).toEqual([]);
    expect(editionTime('2017-11').toISOString()).toBe('2017-11-01T12:00:00.000Z');
  });

  it('reports a zip entry that would leave its folder', () => {
    const entries = new Map([['bag/bagit.txt', enc.encode('x')], ['bag/../../evil.txt', enc.encode('x')]]);
    expect(bagFromEntries(entries).problems).toEqual(['bag/../../evil.txt: a file name in the zip that leaves its folder']);
  });
});

describe('the edition\'s files', () => {
  const scripts = new Map([['_portable/page.js', enc.encode('')]]);

  it('keeps captures byte for byte, wraps the index as scripts and leaves out what only a server uses', () => {
    const built: BagFile[] = [...site, { path: 'sw.js', bytes: enc.encode('') }, { path: '_headers', bytes: enc.encode('') },
      { path: 'pagefind/index/en_1.pf_index', bytes: new Uint8Array([0, 255]) }, { path: 'pagefind/pagefind.js', bytes: enc.encode('') },
      { path: 'pagefind/pagefind-component-ui.css', bytes: enc.encode('') }];
    const out = editionFiles(built, scripts);
    expect(out.map((f) => f.path)).toEqual(['_portable/page.js', 'captures/a.txt', 'index.html', 'odd name %.txt', 'pagefind/index/en_1.pf_index.js', 'pagefind/pagefind-component-ui.css']);
    expect(out.find((f) => f.path === 'captures/a.txt')!.bytes).toBe(site[1].bytes);
    expect(new TextDecoder().decode(dataScript('index/en_1.pf_index', new Uint8Array([0, 255])))).toBe('__dossierPortable.file("index/en_1.pf_index","AP8=");\n');
  });

  it('refuses a file name that would escape the folder, naming it', () => {
    expect(() => editionFiles([{ path: '../outside.txt', bytes: enc.encode('') }], scripts)).toThrow(EditionError);
    expect(() => editionFiles([{ path: '../outside.txt', bytes: enc.encode('') }], scripts)).toThrow(/"\.\.\/outside\.txt": this file name would escape/);
  });
});
