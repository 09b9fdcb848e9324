import type { Row } from './table.ts';

/** Figures that vary from run to run; the rest (bytes, pages) are the same in every run. */
const TIMED = ['build_s', 'peak_rss_mb', 'peak_tree_rss_mb', 'search_ms', 'keystroke_ms', 'import_s', 'warm_s', 'warm_rss_mb', 'incremental_s', 'incremental_rss_mb'] as const;

/** The median, rounded to hundredths when it falls between two values. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round(((s[m - 1] + s[m]) / 2) * 100) / 100;
};

/** One row from repeated runs: medians of the timed figures over the runs that succeeded, and each run's build time. */
export function medianRow(rows: Row[]): Row {
  const ok = rows.filter((r) => r.status === 'ok');
  if (rows.length === 1 || ok.length === 0) return rows[rows.length - 1];
  const out: Row = { ...ok[ok.length - 1], runs: ok.length };
  if (ok.length < rows.length) out.failed_runs = rows.length - ok.length;
  for (const k of TIMED) {
    const xs = ok.map((r) => r[k]).filter((x): x is number => typeof x === 'number');
    if (xs.length) out[k] = median(xs);
  }
  out.build_s_runs = ok.map((r) => r.build_s);
  // Which process peaked can change between runs (the build's own, or Pagefind's indexer).
  if (ok.some((r) => r.peak_process)) out.peak_process_runs = ok.map((r) => r.peak_process ?? null);
  return out;
}
