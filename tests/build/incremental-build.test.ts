import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { buildDossier } from '../helpers/build.ts';
import { editSource } from '../../scripts/bench/edit.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();

describe('a rebuild after an edit', () => {
  it('gives, byte for byte, the site a cold build of the edited content gives', { timeout: 600_000 }, () => {
    const content = miniCopy();
    const cache = `${content}-cache`;
    const [before, rebuilt, cold] = [`${content}-before`, `${content}-rebuilt`, `${content}-cold`];
    made.push(content, cache, `${content}-cold-cache`, before, rebuilt, cold);
    const first = buildDossier(content, before, cache);
    expect(first.status, first.stderr).toBe(0);

    // An author's edit of one source's body (its first two blocks swap places), then a rebuild with the cache of the first build.
    editSource(join(content, 'sources', 'wire-2020-03-02.md'));
    const again = buildDossier(content, rebuilt, cache);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/; [1-9]\d* from the cache/);
    const fresh = buildDossier(content, cold, `${content}-cold-cache`);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/; 0 from the cache/);

    // The edit shows: the source page changed.
    const page = join('sources', 'wire-2020-03-02', 'index.html');
    expect(readFileSync(join(rebuilt, page), 'utf8')).not.toBe(readFileSync(join(before, page), 'utf8'));
    // Same files, same bytes.
    expect(files(rebuilt)).toEqual(files(cold));
    const differ = files(cold).filter((f) => !readFileSync(join(rebuilt, f)).equals(readFileSync(join(cold, f))));
    expect(differ).toEqual([]);
  });
});
