import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv } from '../helpers/build.ts';
import { withBuildLock } from '../helpers/build-lock.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

describe('a build that outgrows Node\'s heap', () => {
  it('ends with the limit and the fix, no native stack trace, and the last good site untouched', { timeout: 120_000 }, () => {
    const out = join(process.cwd(), 'tests/.out', `oom-${process.pid}`);
    made.push(out, `${out}-cache`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'the last good site');
    // A heap far too small for Astro stands in for 100,000 sources on this machine.
    const env = buildEnv('src/content', out, `${out}-cache`, { NODE_OPTIONS: '--max-old-space-size=48' });
    const r = withBuildLock(() => spawnSync(process.execPath, ['scripts/astro.ts', 'build', '--force'], { env, encoding: 'utf8' }));
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status).toBe(1);
    expect(output).toMatch(/npm run build ran out of memory: Node reached its heap limit of about \d+ MB/);
    expect(output).toContain('The last good output is kept.');
    expect(output).toMatch(/Fix: run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=\d+ npm run build/);
    expect(output).not.toContain('Native stack trace');
    expect(output).not.toContain('Last few GCs');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');
    expect(existsSync(`${out}.staging`)).toBe(false);
  });
});
