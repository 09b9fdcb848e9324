import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, processName } from '../../scripts/bench/measure.ts';
import { formatTable } from '../../scripts/bench/table.ts';
import { medianRow } from '../../scripts/bench/median.ts';
import { removeFully } from '../../src/lib/discard.ts';

describe('the bench names the process that peaked', () => {
  it('names a Node process by its script, Chromium by its process type, anything else by its program', () => {
    expect(processName('/work/node_modules/node/bin/node --max-semi-space-size=16 /work/node_modules/astro/bin/astro.mjs build')).toBe('node astro.mjs');
    expect(processName('/usr/lib/chromium/chromium --type=renderer --no-sandbox --lang=en-US')).toBe('chromium renderer');
    expect(processName('/usr/lib/chromium/chromium --no-sandbox --headless')).toBe('chromium');
    expect(processName('/work/node_modules/@pagefind/linux-x64/bin/pagefind_extended --service')).toBe('pagefind_extended');
  });

  it('keeps each run\'s peak process beside the median', () => {
    const run = (peak_rss_mb: number, peak_process: string) => ({ system: 'dossier', sources: 10, status: 'ok', build_s: 1, peak_rss_mb, peak_process });
    expect(medianRow([run(900, 'node astro.mjs'), run(2700, 'pagefind_extended')]).peak_process_runs).toEqual(['node astro.mjs', 'pagefind_extended']);
  });
});

describe('the bench measures each process of a command', () => {
  it('finds the process that held the most memory, and lists it first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-measure-'));
    try {
      // A child that holds 300 MB for a second under a parent shell that holds almost nothing.
      writeFileSync(join(dir, 'hold.mjs'), 'const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 1500);\n');
      const m = await measure('bash', ['-c', `"${process.execPath}" hold.mjs`], { cwd: dir, env: process.env, log: join(dir, 'log.txt') });
      expect(m.ok).toBe(true);
      expect(m.peak_process).toBe('node hold.mjs');
      expect(Object.keys(m.peak_by_process)[0]).toBe('node hold.mjs');
      expect(m.peak_by_process['node hold.mjs']).toBeGreaterThan(250);
    } finally {
      removeFully(dir);
    }
  });

  it('prints each process beside its peak in the table', () => {
    const table = formatTable({ system: 'dossier', sources: 10, status: 'ok', peak_process: 'pagefind_extended', peak_by_process: { pagefind_extended: 2654, 'node astro.mjs': 1873 } });
    expect(table).toMatch(/peak_by_process\s+pagefind_extended 2,654; node astro\.mjs 1,873/);
  });
});
