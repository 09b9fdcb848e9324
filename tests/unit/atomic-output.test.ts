import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedDir, recover, swapIn } from '../../src/integrations/atomic-output.ts';
import { removeFully } from '../../src/lib/discard.ts';

let root = '';
afterEach(() => removeFully(root));
const site = (dir: string, text: string) => { mkdirSync(dir, { recursive: true }); writeFileSync(join(dir, 'index.html'), text); };

describe('atomic output', () => {
  it('swaps a finished build in and leaves nothing behind', async () => {
    root = mkdtempSync(join(tmpdir(), 'swap-'));
    site(join(root, 'dist'), 'old');
    site(join(root, 'dist.staging'), 'new');
    swapIn(join(root, 'dist.staging'), join(root, 'dist'));
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(root, 'dist.staging'))).toBe(false);
    expect(existsSync(join(root, 'dist.old'))).toBe(false);
    // The last site is removed by a process of its own (src/lib/discard.ts), not by the build.
    for (let i = 0; i < 1000 && readdirSync(root).length > 1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('restores the last good site when a swap was cut off between its two renames', () => {
    root = mkdtempSync(join(tmpdir(), 'swap-'));
    site(join(root, 'dist.old'), 'good');
    recover(join(root, 'dist'));
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('good');
    expect(existsSync(join(root, 'dist.old'))).toBe(false);
  });

  it('names the published folder whether it is given the staging folder or the final one', () => {
    expect(publishedDir(new URL('file:///srv/site/dist.staging/'))).toBe('/srv/site/dist');
    expect(publishedDir(new URL('file:///srv/site/dist/'))).toBe('/srv/site/dist');
    expect(publishedDir(new URL('file:///srv/site/dist.staging-notes/'))).toBe('/srv/site/dist.staging-notes');
  });
});
