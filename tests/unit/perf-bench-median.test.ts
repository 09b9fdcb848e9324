import { describe, expect, it } from 'vitest';
import { medianRow } from '../../scripts/bench/median.ts';

const row = (build_s: number, peak_rss_mb: number, status = 'ok') => ({ system: 'dossier', sources: 10, status, build_s, peak_rss_mb, dist_bytes: 5 });

describe('bench medians over repeated runs', () => {
  it('takes the median of each timed figure, not of one run', () => {
    const m = medianRow([row(30, 900), row(10, 1200), row(20, 1000)]);
    expect(m).toMatchObject({ build_s: 20, peak_rss_mb: 1000, dist_bytes: 5, runs: 3, build_s_runs: [30, 10, 20] });
  });

  it('averages the middle two of an even count', () => {
    expect(medianRow([row(10, 1), row(20, 3)]).build_s).toBe(15);
  });

  it('leaves failed runs out and says how many failed', () => {
    const m = medianRow([row(99, 9, 'failed (exit 1)'), row(10, 1), row(30, 3)]);
    expect(m).toMatchObject({ build_s: 20, runs: 2, failed_runs: 1 });
  });

  it('keeps a single run as it is', () => {
    expect(medianRow([row(12, 7)])).toEqual(row(12, 7));
  });
});
