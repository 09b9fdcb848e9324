import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePortableEdition } from '../../src/integrations/portable.ts';
import { siteDir } from '../helpers/site.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * The portable edition is written while Pagefind still writes the search index (the search
 * integration returns once the pages carry the index's tag): every other file first, then, once
 * the index is written, its files and the edition's scripts. Here the index is held back by hand.
 */
const info = { title: 'Test dossier', edition: '2026-11-21', sources: 5 };
let tmp: string;
let site: string;

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(() => {
  // One bagging date for every edition compared, whatever the clock says between them.
  process.env.SOURCE_DATE_EPOCH = '1800000000';
  tmp = mkdtempSync(join(tmpdir(), 'dossier-portable-overlap-'));
  site = join(tmp, 'site');
  cpSync(siteDir(), site, { recursive: true });
});
afterAll(() => {
  delete process.env.SOURCE_DATE_EPOCH;
  removeFully(tmp);
});

describe('the portable edition while the search index is written', () => {
  it('writes the pages before the index is there, and the same edition as with the index there from the start', async () => {
    const whole = join(tmp, 'whole');
    mkdirSync(whole);
    const expected = await writePortableEdition(site, whole, info);

    // The index is not there yet: the pages are written meanwhile, and the edition waits for it.
    const held = join(tmp, 'pagefind-held');
    renameSync(join(site, 'pagefind'), held);
    const overlapped = join(tmp, 'overlapped');
    mkdirSync(overlapped);
    const index = gate();
    let finished = false;
    const writing = writePortableEdition(site, overlapped, info, undefined, index.promise).finally(() => (finished = true));
    const staged = join(overlapped, 'dossier-portable.staging', 'data');
    await until(() => existsSync(join(staged, 'sources', 'index.html')) && existsSync(join(staged, 'print', 'index.html')), 'the pages in the staging folder');
    await new Promise((r) => setTimeout(r, 200));
    expect(finished).toBe(false);
    expect(existsSync(join(staged, 'pagefind'))).toBe(false);
    renameSync(held, join(site, 'pagefind'));
    index.open();
    const made = await writing;

    expect(made.sha256).toBe(expected.sha256);
    expect(readFileSync(join(overlapped, 'dossier-portable.zip')).equals(readFileSync(join(whole, 'dossier-portable.zip')))).toBe(true);
  }, 120_000);

  it('refuses a page\'s link into the index once the index is written and lacks it, naming the page and the link', async () => {
    mkdirSync(join(site, 'link-into-index'));
    copyFileSync(resolve('tests/fixtures/portable/link-into-index.html'), join(site, 'link-into-index', 'index.html'));
    const out = join(tmp, 'refused');
    mkdirSync(out);
    try {
      await expect(writePortableEdition(site, out, info)).rejects.toThrow(/link-into-index\/index\.html: the link "pagefind\/not-in-the-index\.json" names a file the edition does not have\nFix: /);
      expect(existsSync(join(out, 'dossier-portable'))).toBe(false);
      expect(existsSync(join(out, 'dossier-portable.staging'))).toBe(false);
    } finally {
      rmSync(join(site, 'link-into-index'), { recursive: true });
    }
  }, 120_000);
});

describe('a build that ends while the edition waits for the index', () => {
  it('leaves nothing half-written beside the last good edition', async () => {
    const out = join(tmp, 'ended');
    mkdirSync(out);
    const held = join(tmp, 'pagefind-held-2');
    renameSync(join(site, 'pagefind'), held);
    try {
      // The search integration ends a build whose index failed with process.exit(1): so does this child, mid-edition.
      const script = `
        import { writePortableEdition } from ${JSON.stringify(resolve('src/integrations/portable.ts'))};
        import { existsSync } from 'node:fs';
        const staged = ${JSON.stringify(join(out, 'dossier-portable.staging', 'data', 'sources', 'index.html'))};
        const failed = new Promise(() => {
          const wait = setInterval(() => { if (existsSync(staged)) { console.log('pages staged'); process.exit(1); } }, 20);
        });
        await writePortableEdition(${JSON.stringify(site)}, ${JSON.stringify(out)}, { title: 'T', edition: '2026-11-21', sources: 5 }, undefined, failed);
      `;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1800000000' } });
      expect(run.stdout, run.stderr).toContain('pages staged');
      expect(run.status).toBe(1);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      renameSync(held, join(site, 'pagefind'));
    }
  }, 120_000);
});
