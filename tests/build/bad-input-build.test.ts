import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenCopy, faults } from '../helpers/fixtures.ts';
import { ASTRO, buildEnv } from '../helpers/build.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

/** `astro build` (what `npm run build` runs) on a content folder, into an output folder. */
function build(content: string, out: string) {
  // No build lock: a broken dossier stops at the preflight, before Astro writes anything shared.
  const r = spawnSync(process.execPath, [ASTRO, 'build'], { env: buildEnv(content, out), encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('npm run build refuses every broken dossier', () => {
  for (const fault of faults()) {
    it(`${fault.name}: fails with file, field and fix, no stack trace, and the last good site untouched`, { timeout: 120_000 }, () => {
      const dir = brokenCopy(fault);
      const out = `${dir}-dist`;
      made.push(dir, out, `${out}-cache`);
      // A previous good site stands in the output folder.
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'index.html'), 'the last good site');
      const { status, output } = build(dir, out);
      expect(status).not.toBe(0);
      for (const line of fault.expect) expect(output).toContain(line);
      expect(output).toContain('Fix:');
      expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
      expect(output).not.toMatch(/Error:.*\n\s+at /);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');
      expect(existsSync(`${out}.staging`)).toBe(false);
    });
  }
});
