// The bench's output: ratios to Starlight and a plain-text table.
export type Row = Record<string, unknown> & { system: string; sources: number | string; status: string };

export const FIGURES = ['build_s', 'peak_rss_mb', 'peak_tree_rss_mb', 'dist_bytes', 'pages', 'page_gz_bytes', 'index_bytes', 'search_bytes', 'search_ms', 'keystroke_ms'] as const;

/** `--portable`: the portable edition's cost in the build and its reading from file:// (scripts/bench/portable-probe.ts). */
const PORTABLE_FIGURES = ['portable_s', 'portable_added', 'portable_zip_bytes', 'web_home_bytes', 'portable_home_bytes', 'portable_first_ms', 'portable_keystroke_ms'];

/** Dossier's figure divided by Starlight's, for every figure both have. */
export function ratios(a: Row, b: Row): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of FIGURES) {
    const [x, y] = [a[k], b[k]];
    if (typeof x === 'number' && typeof y === 'number' && y > 0) out[k] = Math.round((x / y) * 1000) / 1000;
  }
  return out;
}

const show = (v: unknown): string => (v === undefined || v === null ? '–' : typeof v === 'number' ? v.toLocaleString('en-GB')
  // peak_by_process: "pagefind_extended 2,654; node astro.mjs 1,873"
  : typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([k, x]) => `${k} ${show(x)}`).join('; ') : String(v));

export function formatTable(d: Row, s?: Row): string {
  const keys = [...FIGURES, 'peak_process', 'peak_by_process', 'correct', 'import_s', 'import_correct', 'pdf_s', 'pdf_peak_rss_mb', 'pdf_peak_tree_rss_mb', 'pdf_peak_process', 'pdf_peak_by_process', 'pdf_status', 'edit_ms', 'edit_runs', 'edit_verify_ms', 'edit_verify_cpu_ms', 'edit_render_ms', 'edit_request_ms', 'edit_response_ms', 'edit_missed', 'edit_status', 'warm_s', 'warm_vs_cold', 'incremental_s', 'incremental_vs_cold', 'index_s', ...PORTABLE_FIGURES].filter((k) => d[k] !== undefined || s?.[k] !== undefined);
  const r = s ? ratios(d, s) : {};
  const rows = [['figure', 'Dossier', ...(s ? ['Starlight', 'ratio'] : [])], ['status', d.status, ...(s ? [s.status, ''] : [])]];
  for (const k of keys) rows.push([k, show(d[k]), ...(s ? [show(s[k]), r[k] === undefined ? '' : `${r[k]}×`] : [])]);
  const width = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join('  ');
  return [`\n${d.sources} sources`, line(rows[0]), width.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
