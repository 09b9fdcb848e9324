import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { buildEnv } from '../helpers/build.ts';
import { withBuildLock } from '../helpers/build-lock.ts';
import { verifyBagAt } from '../../src/lib/portable/read-bag.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

describe('npm run portable', () => {
  it('without Chromium says so in one line, builds the rest from DOSSIER_CONTENT into DOSSIER_OUT_DIR\'s side, and checks the bag', { timeout: 300_000 }, () => {
    const content = miniCopy();
    const parent = `${content}-out`;
    const out = join(parent, 'site');
    made.push(content, parent);
    const run = withBuildLock(() => spawnSync(process.execPath, ['scripts/portable.ts'], {
      env: buildEnv(content, out, `${parent}/cache`, { CHROMIUM_PATH: '/nonexistent/chromium' }), encoding: 'utf8',
    }));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.includes('Chromium'))).toEqual([
      'No Chromium at /nonexistent/chromium: the edition is built without dossier.pdf (install chromium or set CHROMIUM_PATH, then run npm run portable again).',
    ]);
    expect(run.stdout).toMatch(/a valid BagIt bag/);
    const zip = join(parent, 'dossier-portable.zip');
    expect(verifyBagAt(zip).problems).toEqual([]);
    expect(verifyBagAt(join(parent, 'dossier-portable')).problems).toEqual([]);
    expect(readFileSync(join(parent, 'dossier-portable', 'bag-info.txt'), 'utf8')).toMatch(/^Source-Count: 2$/m);
    expect(readFileSync(join(out, 'dossier-portable.zip')).equals(readFileSync(zip))).toBe(true);
  });
});
