import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discard, leftovers, removeFully, REMOVING, sweep } from '../../src/lib/discard.ts';

let root = '';
afterEach(() => removeFully(root));

/** A folder of many files, as a replaced site is. */
function tree(dir: string, files = 400): void {
  for (let i = 0; i < files; i++) {
    mkdirSync(join(dir, `d${i % 20}`), { recursive: true });
    writeFileSync(join(dir, `d${i % 20}`, `f${i}.html`), 'x'.repeat(100));
  }
}

/** Waits until `check` holds, for at most `ms`. */
async function until(check: () => boolean, ms = 20_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (check()) return true;
  return check();
}

describe('a replaced folder is removed in the background', () => {
  it('moves the folder out of the way at once, under a name of its owner, and a separate process removes it', async () => {
    root = mkdtempSync(join(tmpdir(), 'discard-'));
    tree(join(root, 'dist.old'));
    discard(join(root, 'dist.old'), join(root, 'dist'));
    // The old name is free as soon as discard returns: the next swap can use it.
    expect(existsSync(join(root, 'dist.old'))).toBe(false);
    expect(await until(() => readdirSync(root).length === 0)).toBe(true);
  });

  it('does nothing for a folder that is not there', () => {
    root = mkdtempSync(join(tmpdir(), 'discard-'));
    discard(join(root, 'dist.old'), join(root, 'dist'));
    expect(readdirSync(root)).toEqual([]);
  });

  it('finds what an earlier build left to remove, and removes it; other folders stay', async () => {
    root = mkdtempSync(join(tmpdir(), 'discard-'));
    // As a remover that died would leave them: renamed, partly removed or not at all.
    tree(join(root, `dist${REMOVING}0badf00d`));
    tree(join(root, `dist${REMOVING}12345678`), 3);
    tree(join(root, 'dist'), 3);
    tree(join(root, `dist-notes${REMOVING}00000000`), 3);
    expect(leftovers(join(root, 'dist')).map((p) => p.slice(root.length + 1)).sort()).toEqual([`dist${REMOVING}0badf00d`, `dist${REMOVING}12345678`]);
    sweep(join(root, 'dist'));
    expect(await until(() => leftovers(join(root, 'dist')).length === 0)).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['dist', `dist-notes${REMOVING}00000000`]);
  });

  it('removes a whole folder while a remover is at work inside it, where one rmSync can stop early', async () => {
    // Node's rmSync gave up on such a folder 8 times in 10 on this machine (src/lib/discard.ts).
    for (let round = 0; round < 5; round++) {
      root = mkdtempSync(join(tmpdir(), 'discard-'));
      tree(join(root, 'dist.old'), 5000);
      discard(join(root, 'dist.old'), join(root, 'dist'));
      const [doomed] = leftovers(join(root, 'dist'));
      // Wait for the remover to start deleting, then remove the folder that holds it.
      expect(await until(() => !existsSync(doomed) || readdirSync(doomed).length < 20)).toBe(true);
      removeFully(root);
      expect(existsSync(root)).toBe(false);
    }
  });

  it('finds nothing where there is no folder to look in', () => {
    expect(leftovers('/nonexistent-parent-of-dossier/dist')).toEqual([]);
  });
});
