import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { buildDossier } from '../helpers/build.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

describe('a rebuild', () => {
  it('takes the citations an earlier build formatted from the cache, and writes the same pages', { timeout: 240_000 }, () => {
    const content = miniCopy();
    const cache = `${content}-cache`;
    made.push(content, cache, `${content}-a`, `${content}-b`);
    const build = (out: string) => buildDossier(content, out, cache);
    const cold = build(`${content}-a`);
    expect(cold.status, cold.stderr).toBe(0);
    const formatted = /formatted (\d+) citations of (\d+) items .*; (\d+) from the cache/;
    const [, made1, items, reused1] = formatted.exec(cold.stdout)!.map(Number);
    expect(made1).toBeGreaterThan(0);
    expect(reused1).toBe(0);

    const warm = build(`${content}-b`);
    expect(warm.status, warm.stderr).toBe(0);
    const [, made2, items2, reused2] = formatted.exec(warm.stdout)!.map(Number);
    expect([made2, items2, reused2]).toEqual([0, items, made1]);

    for (const id of readdirSync(join(`${content}-a`, 'sources')).filter((f) => !f.endsWith('.html'))) {
      const page = join('sources', id, 'index.html');
      expect(readFileSync(join(`${content}-b`, page), 'utf8'), page).toBe(readFileSync(join(`${content}-a`, page), 'utf8'));
    }
  });
});
