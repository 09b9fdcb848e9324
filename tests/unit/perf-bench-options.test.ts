import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { swapFirstBlocks } from '../../scripts/bench/edit.ts';
import { corpusToken } from '../../scripts/bench/scale-search.ts';

/** `npm run bench` with --dry-run: it checks its options and says what it would run, building nothing. */
const bench = (args: string[], env: Record<string, string | undefined> = {}) => {
  const e = { ...process.env, ...env };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return spawnSync(process.execPath, ['scripts/bench.ts', ...args], { env: e as NodeJS.ProcessEnv, encoding: 'utf8' });
};

describe('the bench options', () => {
  it('takes 100,000 sources, warm and incremental rebuilds and search at larger sizes', () => {
    const r = bench(['--sources', '100000', '--warm', '--incremental', '--search-at', '30000', '--dry-run'], { CI: undefined });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sizes: [100000], warm: true, incremental: true, searchAt: [30000] });
  });

  it('keeps 100,000 sources out of CI, with a reason', () => {
    for (const args of [['--sources', '100000'], ['--sources', '1000', '--search-at', '100000']]) {
      const r = bench([...args, '--dry-run'], { CI: 'true' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not run in CI/);
    }
    expect(bench(['--sources', '1000', '--dry-run'], { CI: 'true' }).status).toBe(0);
  });

  it('refuses --search-at without a synthetic build to clone', () => {
    const r = bench(['--search-at', '30000', '--dry-run'], { CI: undefined });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--search-at needs/);
  });

  it('CI itself runs no bench', () => {
    expect(readFileSync('.ci/run', 'utf8')).not.toMatch(/bench/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.test).not.toMatch(/bench/);
  });
});

describe('the incremental edit', () => {
  const md = '---\ntitle: T\n---\nFirst block.\n\nSecond block, "quoted".\n\nThird.\n';

  it('swaps the first two body blocks and keeps the frontmatter and the rest', () => {
    expect(swapFirstBlocks(md)).toBe('---\ntitle: T\n---\nSecond block, "quoted".\n\nFirst block.\n\nThird.\n');
  });

  it('undoes itself', () => {
    expect(swapFirstBlocks(swapFirstBlocks(md))).toBe(md);
  });

  it('refuses a body of one block', () => {
    expect(() => swapFirstBlocks('---\ntitle: T\n---\nOnly.\n')).toThrow(/fewer than two blocks/);
  });
});

describe('search at a larger size', () => {
  it('names clones with the corpus generator\'s tokens: fixed width, so no token is a prefix of another', () => {
    expect(corpusToken(0, 1000)).toBe('zq0000x');
    expect(corpusToken(29999, 30000)).toBe('zq0n5bx');
    expect(corpusToken(99999, 100000)).toBe('zq255rx');
    expect(corpusToken(1, 2_000_000)).toBe('zq00001x');
  });
});
