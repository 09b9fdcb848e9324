import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/lib/hash.ts';
import { writePortableEdition } from '../../src/integrations/portable.ts';
import { zipBag } from '../../src/lib/portable/zip.ts';
import { siteDir } from '../helpers/site.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * The portable step refuses bad input with a message that names the file and the fix, and leaves
 * the last good edition and the site as they were. It runs on a copy of the built site, made good
 * once, then broken by each fixture in tests/fixtures/portable/.
 */
const FIXTURES = resolve('tests/fixtures/portable');
const info = { title: 'Test dossier', edition: '2026-11-21', sources: 5 };
let tmp: string;
let site: string;
let parent: string;

/** Every file under a folder with its SHA-256: what "untouched" is checked against. */
function snapshot(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = sha256(readFileSync(join(e.parentPath, e.name)));
  }
  return out;
}
const state = () => ({ site: snapshot(site), edition: snapshot(join(parent, 'dossier-portable')), zip: sha256(readFileSync(join(parent, 'dossier-portable.zip'))) });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dossier-portable-bad-'));
  site = join(tmp, 'site');
  parent = join(tmp, 'out');
  mkdirSync(parent);
  cpSync(siteDir(), site, { recursive: true });
  await writePortableEdition(site, parent, info);
}, 120_000);
afterAll(() => removeFully(tmp));

describe('the portable step refuses bad input and keeps the last good edition', () => {
  it('a page that would link outside the edition: names the page and the link', async () => {
    mkdirSync(join(site, 'link-outside'));
    copyFileSync(join(FIXTURES, 'link-outside.html'), join(site, 'link-outside', 'index.html'));
    const before = state();
    await expect(writePortableEdition(site, parent, info)).rejects.toThrow(/link-outside\/index\.html: the link "\.\.\/\.\.\/\.\.\/outside\.html" leads outside the edition\nFix: /);
    expect(state()).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual(['dossier-portable', 'dossier-portable.zip']);
    rmSync(join(site, 'link-outside'), { recursive: true });
  });

  it('a file name that would escape the folder: names the file', async () => {
    symlinkSync(join(FIXTURES, 'outside.txt'), join(site, 'escape.txt'));
    const before = state();
    await expect(writePortableEdition(site, parent, info)).rejects.toThrow(/"escape\.txt": this file is a link to .*outside\.txt, outside the site, and would escape the edition's folder\nFix: /);
    expect(state()).toEqual(before);
    rmSync(join(site, 'escape.txt'));
  });

  it('a link to a folder: names it rather than failing on it', async () => {
    symlinkSync(join(site, 'captures'), join(site, 'captures-link'));
    const before = state();
    await expect(writePortableEdition(site, parent, info)).rejects.toThrow(/"captures-link": this is a link to the folder .*captures; the edition holds files, not links to folders\nFix: /);
    expect(state()).toEqual(before);
    rmSync(join(site, 'captures-link'));
  });

  it('an output folder that cannot be written: names it and says what to do', async () => {
    const blocked = join(tmp, 'not-a-folder');
    writeFileSync(blocked, 'a file where the output folder should be\n');
    const before = state();
    await expect(writePortableEdition(site, blocked, info)).rejects.toThrow(/not-a-folder\/dossier-portable\.staging: cannot be written \(ENOTDIR\)\nFix: make that folder writable/);
    expect(state()).toEqual(before);
  });

  it('after the refusals, the same site still makes a good edition', async () => {
    const made = await writePortableEdition(site, parent, info);
    expect(made.sha256).toBe(sha256(readFileSync(join(parent, 'dossier-portable.zip'))));
    // The edition it replaced is removed by a process of its own (src/lib/discard.ts); then nothing else is left.
    for (let i = 0; i < 1000 && readdirSync(parent).length > 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(parent).sort()).toEqual(['dossier-portable', 'dossier-portable.zip']);
  }, 120_000);

  it('writes, file by file, the zip that the whole bag zipped in memory gives', () => {
    const folder = join(parent, 'dossier-portable');
    const bag = readdirSync(folder, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
      .map((e) => ({ path: relative(folder, join(e.parentPath, e.name)), bytes: readFileSync(join(e.parentPath, e.name)) }));
    expect(bag.length).toBeGreaterThan(50);
    expect(Buffer.from(zipBag('dossier-portable', bag, info.edition)).equals(readFileSync(join(parent, 'dossier-portable.zip')))).toBe(true);
  });

  it('npm run verify-bag says plainly what it cannot read', () => {
    for (const [path, message] of [[join(FIXTURES, 'not-a-zip.zip'), /not-a-zip\.zip: not a readable zip/], [join(tmp, 'missing.zip'), /missing\.zip: no such file or folder/]] as const) {
      const run = spawnSync(process.execPath, ['scripts/verify-bag.ts', path], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
