import { describe, expect, it } from 'vitest';
import { processName } from '../../scripts/bench/measure.ts';
import { medianRow } from '../../scripts/bench/median.ts';

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
