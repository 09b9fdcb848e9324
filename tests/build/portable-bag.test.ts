import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/lib/hash.ts';
import { verifyBagAt } from '../../src/lib/portable/read-bag.ts';
import { formatBytes } from '../../src/lib/print/size.ts';
import { portableZip, unzipEdition } from '../helpers/portable.ts';
import { readPage, siteDir } from '../helpers/site.ts';

/*
 * The portable zip the build wrote, checked as an archivist would: unzipped and validated as a
 * BagIt bag, then damaged by one byte; and the web edition's link to it.
 */
let edition: ReturnType<typeof unzipEdition>;
beforeAll(() => { edition = unzipEdition(); });
afterAll(() => edition?.remove());

const verifyBag = (path: string) => spawnSync(process.execPath, ['scripts/verify-bag.ts', path], { encoding: 'utf8' });

describe('the portable zip is a valid BagIt bag', () => {
  it('validates, as a zip and unzipped, with the dossier\'s title, edition, source count and Payload-Oxum', () => {
    const bag = join(edition.dir, 'dossier-portable');
    expect(verifyBagAt(portableZip()).problems).toEqual([]);
    expect(verifyBagAt(bag).problems).toEqual([]);
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    const dossier = JSON.parse(readFileSync(join(siteDir(), 'dossier.json'), 'utf8'));
    expect(info).toMatch(/^Title: .+$/m);
    expect(info).toContain(`Edition-Date: ${dossier.settings.edition}`);
    expect(info).toContain(`Source-Count: ${dossier.sources.length}`);
    expect(info).toMatch(/^Payload-Oxum: \d+\.\d+$/m);
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    const run = verifyBag(portableZip());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/a valid bag \(RFC 8493\)/);
  });

  it('sha256sum -c accepts both manifests', () => {
    const bag = join(edition.dir, 'dossier-portable');
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const run = spawnSync('sha256sum', ['-c', '--strict', manifest], { cwd: bag, encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
  });

  it('fails, naming the file, when one byte of one capture changes', () => {
    const bag = join(edition.dir, 'dossier-portable');
    const capture = join(bag, 'data', 'captures', 'tass-2017-11-14.txt');
    const original = readFileSync(capture);
    const flipped = Buffer.from(original);
    flipped[10] ^= 0x01;
    writeFileSync(capture, flipped);
    try {
      const problems = verifyBagAt(bag).problems;
      expect(problems).toEqual([expect.stringMatching(/^data\/captures\/tass-2017-11-14\.txt: checksum does not match manifest-sha256\.txt/)]);
      const run = verifyBag(bag);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('data/captures/tass-2017-11-14.txt: checksum does not match');
      const sum = spawnSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
      expect(sum.status).not.toBe(0);
      expect(sum.stdout).toContain('data/captures/tass-2017-11-14.txt: FAILED');
    } finally {
      writeFileSync(capture, original);
    }
    expect(verifyBagAt(bag).problems).toEqual([]);
  });
});

describe('the web edition links to the zip', () => {
  it('from the home page and /method/, with its size and SHA-256, and serves that very file', () => {
    const zip = readFileSync(join(siteDir(), 'dossier-portable.zip'));
    expect(zip.equals(readFileSync(portableZip()))).toBe(true);
    for (const path of ['/', '/method/']) {
      const html = readPage(path);
      expect(html, path).toContain('href="/dossier-portable.zip"');
      expect(html, path).toContain(sha256(zip));
      expect(html, path).toContain(`ZIP, ${formatBytes(zip.length)}`);
      expect(html, path).not.toMatch(/PORTABLE-ZIP-/);
    }
  });

  it('leaves the zip out of the offline worker\'s precache', () => {
    expect(readFileSync(join(siteDir(), 'sw.js'), 'utf8')).not.toContain('dossier-portable.zip');
  });
});
