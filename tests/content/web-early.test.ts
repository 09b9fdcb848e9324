// Web captures derived while Astro starts (src/lib/capture/web/early.ts): the verifier takes each
// early result only for the same bytes and the page its source names, and gives the same graph.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveEarly, earlyTaken, forgetEarly } from '../../src/lib/capture/web/early.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';
import { runImport, web } from '../helpers/web.ts';

const made = madeFolders();
const HARBOUR = 'the-coastal-courier-2017-11-14';
afterEach(() => {
  forgetEarly();
  delete process.env.DOSSIER_CACHE_DIR;
});

/** A mini dossier with two wget captures imported, and an empty derive cache of its own. */
function webDossier(): string {
  const dir = miniCopy('tests/.out', 'web-early');
  made.push(dir);
  for (const f of ['harbour.warc.gz', 'ferry.warc.gz']) {
    const r = runImport(['--content', dir, '--create-outlets', web(f)]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  process.env.DOSSIER_CACHE_DIR = mkdtempSync(join(tmpdir(), 'web-early-cache-'));
  made.push(process.env.DOSSIER_CACHE_DIR);
  return dir;
}
const texts = (dir: string) => {
  const v = verifyContent(dir);
  expect(v.problems).toEqual([]);
  return [...v.dossier!.captures.values()].map((c) => `${c.id} ${c.text}`).sort();
};

describe('web captures derived early', () => {
  it('are taken by the verifier, which then finds what deriving them itself finds', () => {
    const dir = webDossier();
    const late = texts(dir);
    forgetEarly();
    process.env.DOSSIER_CACHE_DIR = mkdtempSync(join(tmpdir(), 'web-early-cache-'));
    made.push(process.env.DOSSIER_CACHE_DIR);
    deriveEarly(join(dir, 'captures'), process.cwd(), 1);
    expect(texts(dir)).toEqual(late);
    expect(earlyTaken()).toBe(2);
  });

  it('are not taken for an archive changed since: the tampered bytes are refused', () => {
    const dir = webDossier();
    deriveEarly(join(dir, 'captures'), process.cwd(), 1);
    copyFileSync(web('bad-tampered.warc.gz'), join(dir, 'captures', `${HARBOUR}.warc.gz`));
    const v = verifyContent(dir);
    expect(earlyTaken()).toBe(1);
    expect(v.problems.map((p) => p.message).join('\n')).toMatch(/payload does not match|hash mismatch|sha256/i);
  });
});
