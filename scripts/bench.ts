// npm run bench [-- --sources N[,N...]] [--repeat R] [--json] [--no-starlight] [--no-search] [--portable] [--web] [--edit-loop] [--pdf] [--search-at N[,N...]] [--warm] [--incremental] [--dry-run]
// Builds the real dossier (default) or a synthetic one of N imported captures in a temporary
// copy of the project, measures the build, the output and the first search, and, when the
// peers' Starlight harness is there, does the same for Starlight on the same corpus.
// Machines are noisy: compare the ratios of one run, not figures across runs. See docs/performance.md.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { distStats, type DistStats } from './bench/dist-stats.ts';
import { editSource } from './bench/edit.ts';
import { removeFully } from '../src/lib/discard.ts';
import { medianRow } from './bench/median.ts';
import { measure } from './bench/measure.ts';
import { probeSearch, type SearchFigures } from './bench/search-probe.ts';
import { probeTyping, type TypingFigures } from './bench/typing-probe.ts';
import { probePortable } from './bench/portable-probe.ts';
import { probeEditLoop } from './bench/edit-loop.ts';
import { scaleSearchSite } from './bench/scale-search.ts';
import { CORPUS_OUTLETS, scaffoldDossier } from './bench/synthetic.ts';
import { uniqueWord } from './bench/token.ts';
import { formatTable, ratios, type Row } from './bench/table.ts';
import { serve } from './lib/serve.ts';
import { formatWebComparison, makeWebCorpus } from './bench/web-corpus.ts';

const ROOT = process.cwd();
const WORK = process.env.BENCH_WORK || '/tmp/bench-work';
// The one place the project depends on the shared peers folder: the corpus and Starlight.
// BENCH_PEERS names it; otherwise the shared folder beside the project (or beside its worktree folder).
const PEERS = resolve(ROOT, process.env.BENCH_PEERS || [resolve(ROOT, '../shared/peers'), resolve(ROOT, '../../shared/peers')].find((d) => existsSync(d)) || '../shared/peers');
const STARLIGHT = join(PEERS, 'starlight', 'run.sh');
const SKIP = new Set(['node_modules', '.git', '.astro']);

const args = process.argv.slice(2);
const opt = { sizes: [] as number[], json: false, starlight: true, search: true, repeat: 1, portable: false, web: false, editLoop: false, pdf: false, searchAt: [] as number[], warm: false, incremental: false, dryRun: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opt.json = true;
  else if (a === '--no-starlight') opt.starlight = false;
  else if (a === '--no-search') opt.search = false;
  else if (a === '--portable') opt.portable = true;
  else if (a === '--web') opt.web = true;
  else if (a === '--edit-loop') opt.editLoop = true;
  else if (a === '--pdf') opt.pdf = true;
  else if (a === '--warm') opt.warm = true;
  else if (a === '--dry-run') opt.dryRun = true;
  else if (a === '--incremental') opt.incremental = true;
  else if (a === '--sources') opt.sizes.push(...String(args[++i] ?? '').split(',').map(Number));
  else if (a === '--repeat') opt.repeat = Number(args[++i]);
  else if (a === '--search-at') opt.searchAt.push(...String(args[++i] ?? '').split(',').map(Number));
  else {
    process.stderr.write(`unknown option ${a}\nusage: npm run bench [-- --sources N[,N...]] [--repeat R] [--json] [--no-starlight] [--no-search] [--portable] [--web] [--edit-loop] [--pdf] [--search-at N[,N...]] [--warm] [--incremental] [--dry-run]\n`);
    process.exit(2);
  }
}
if (opt.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('--sources needs whole numbers of sources, e.g. --sources 1000 or --sources 1000,10000\n');
  process.exit(2);
}
if (opt.searchAt.some((n) => !Number.isInteger(n) || n < 1) || (opt.searchAt.length && (!opt.sizes.length || !opt.search))) {
  process.stderr.write('--search-at needs whole numbers of sources and a synthetic build to clone, e.g. --sources 1000 --search-at 10000,30000\n');
  process.exit(2);
}
if (!Number.isInteger(opt.repeat) || opt.repeat < 1) {
  process.stderr.write('--repeat needs a whole number of runs, e.g. --repeat 3\n');
  process.exit(2);
}
/**
 * Past this many sources a build takes many minutes and more than 10 GB (30,000 sources: 189 s,
 * 10.5 GB for the process tree; docs/performance.md), so CI (which sets CI) never runs one.
 */
const CI_MAX_SOURCES = 30_000;
if (process.env.CI && process.env.CI !== 'false' && [...opt.sizes, ...opt.searchAt].some((n) => n > CI_MAX_SOURCES)) {
  process.stderr.write(`bench: more than ${CI_MAX_SOURCES.toLocaleString('en-GB')} sources is not run in CI (CI is set): it takes many minutes and over 10 GB of memory. Run it on a machine of its own, without CI set.\n`);
  process.exit(2);
}
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
if (opt.dryRun) {
  // What would run, and nothing else: for checking the options (tests/unit/perf-bench-options.test.ts).
  process.stdout.write(`${JSON.stringify({ ...opt, sizes: opt.sizes.length ? opt.sizes : ['real'], peers: PEERS, work: WORK })}\n`);
  process.exit(0);
}
const run = (cmd: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => {
  const r = spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').slice(-2000)}`);
  return r.stdout;
};

/** A copy of the project without its build output and caches, sharing node_modules. */
function copyProject(dst: string) {
  // The last run's build may still be removing its replaced output inside it (src/lib/discard.ts).
  removeFully(dst);
  mkdirSync(dst, { recursive: true });
  for (const e of readdirSync(ROOT)) {
    if (SKIP.has(e) || e.startsWith('dist') || e.startsWith('dossier-portable')) continue;
    // tests/.out holds other test runs' builds, which come and go while we copy.
    cpSync(join(ROOT, e), join(dst, e), { recursive: true, filter: (src) => !/\/(?:dist[^/]*|\.astro|tests\/\.out)$/.test(src.slice(ROOT.length)) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dst, 'node_modules'));
}

type Query = { token: string; path: string };
/** Queries typed into the header search on a warm page, for keystroke_ms. */
const TYPED_QUERIES = 5;

/** The first search; with `typed` queries, also search as typed in Dossier's header search. */
async function searchFigures(dist: string, pagePath: string, token: string, typed: Query[] = []): Promise<(SearchFigures & Partial<TypingFigures> & { correct: boolean }) | undefined> {
  if (!opt.search || !existsSync(join(dist, 'pagefind', 'pagefind.js'))) return undefined;
  const server = await serve(dist);
  try {
    const f = await probeSearch(`${server.url}/${pagePath}`, token);
    const t = typed.length ? await probeTyping(`${server.url}/${pagePath}`, typed, token) : {};
    return { ...f, ...t, correct: !!f.first_url && new URL(f.first_url, server.url).pathname === `/${pagePath}` };
  } finally {
    await server.close();
  }
}

const figures = (s: DistStats) => ({ dist_bytes: s.dist_bytes, pages: s.pages, page_gz_bytes: s.page_gz_bytes, index_bytes: s.index_bytes });
const withSearch = (f?: SearchFigures & Partial<TypingFigures> & { correct: boolean }) =>
  f
    ? { search_bytes: f.search_bytes, search_ms: f.search_ms, correct: f.correct, ...(f.keystroke_runs ? { keystroke_ms: f.keystroke_ms, keystroke_runs: f.keystroke_runs } : {}) }
    : { search_bytes: null, search_ms: null, correct: null };

async function benchDossier(n: number | 'real', web = false): Promise<Row> {
  const dir = join(WORK, `dossier-${n}${web ? '-web' : ''}`);
  log(`copying the project to ${dir}`);
  copyProject(dir);
  const content = join(dir, 'src', 'content');
  let page: string;
  let token: string;
  let typed: Query[];
  let extra: Record<string, unknown> = {};
  if (n === 'real') {
    const ids = readdirSync(join(content, 'sources')).filter((f) => f.endsWith('.md')).sort().map((f) => f.replace(/\.md$/, ''));
    const first = ids[0];
    page = `sources/${first}/`;
    token = uniqueWord(content, first);
    // A republication may have no word of its own; such a source has no query that finds it alone.
    typed = ids
      .slice(1)
      .flatMap((id) => { try { return [{ token: uniqueWord(content, id), path: `/sources/${id}/` }]; } catch { return []; } })
      .slice(0, TYPED_QUERIES);
  } else {
    const corpus = join(dir, 'corpus');
    // process.execPath: the pinned Node 24, which runs .ts files; a bare "node" may be the system's older one.
    run(process.execPath, [join(PEERS, 'make-corpus.mjs'), String(n), corpus], dir);
    const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string; date: string; outlet: string; token: string }[];
    rmSync(content, { recursive: true, force: true });
    scaffoldDossier(content, n);
    // --web: the same articles as pages in WARCs (scripts/bench/web-corpus.ts), made before the clock starts.
    const inbox = web ? join(dir, 'corpus-web') : corpus;
    if (web) await makeWebCorpus(corpus, inbox);
    log(`importing ${n} synthetic ${web ? 'web ' : ''}captures`);
    const t0 = performance.now();
    // --year: the corpus datelines give day and month only; its captures are all from 2017.
    // --create-outlets: at 100,000 sources the corpus puts a capture's token inside its title bar
    // ("News | zq0t4ax DW | 14.11.2017"), and the importer reads an outlet the dossier does not list;
    // the build would refuse it, as it should. An author adds the outlet; the bench lets the importer
    // do so, and import_correct still counts that capture as wrong.
    const out = run(process.execPath, ['scripts/import.ts', inbox, '--content', content, '--year', '2017', '--create-outlets', '--json'], dir);
    const importS = (performance.now() - t0) / 1000;
    const ids = new Map(out.trim().split('\n').map((l) => JSON.parse(l)).map((r: { file: string; id: string }) => [r.file.split('/').pop()!.replace(/\.warc\.gz$/, '.txt'), r.id]));
    const right = manifest.filter((m) => ids.get(m.file)?.startsWith(`${CORPUS_OUTLETS.find((o) => o.name === m.outlet)!.id}-${m.date}`)).length;
    extra = { import_s: Math.round(importS * 100) / 100, import_correct: Math.round((right / n) * 1000) / 1000 };
    page = `sources/${ids.get(manifest[0].file)}/`;
    token = manifest[0].token;
    typed = manifest.slice(1, 1 + TYPED_QUERIES).map((m) => ({ token: m.token, path: `/sources/${ids.get(m.file)}/` }));
  }
  log(`building ${n === 'real' ? 'the real dossier' : `${n} sources`} (cold)`);
  const cache = join(dir, '.bench-cache');
  const env = { ...process.env, DOSSIER_CACHE_DIR: cache, DOSSIER_CONTENT: '', DOSSIER_OUT_DIR: '', ASTRO_TELEMETRY_DISABLED: '1' };
  spawnSync('sync');
  const m = await measure('npm', ['run', 'build'], { cwd: dir, env, log: join(dir, 'build.log') });
  const row: Row = { system: web ? 'dossier-web' : 'dossier', sources: n === 'real' ? readdirSync(join(content, 'sources')).length : n, status: m.ok ? 'ok' : `failed (exit ${m.code}; see ${dir}/build.log)`, build_s: m.wall_s, peak_rss_mb: m.peak_rss_mb, peak_tree_rss_mb: m.peak_tree_rss_mb, peak_process: m.peak_process, peak_by_process: m.peak_by_process, ...extra };
  if (!m.ok) return row;
  Object.assign(row, figures(distStats(join(dir, 'dist'), `${page}index.html`)), withSearch(await searchFigures(join(dir, 'dist'), page, token, typed)));
  if (opt.portable) Object.assign(row, await portableFigures(dir, row.build_s as number, page, token, typed));
  if (opt.warm || opt.incremental) Object.assign(row, await rebuilds(dir, env, content));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if ((n === 'real' || opt.pdf) && pkg.scripts?.pdf) {
    log('npm run pdf');
    const p = await measure('npm', ['run', 'pdf'], { cwd: dir, env, log: join(dir, 'pdf.log') });
    row.pdf_s = p.ok ? p.wall_s : null;
    row.pdf_peak_rss_mb = p.peak_rss_mb;
    row.pdf_peak_tree_rss_mb = p.peak_tree_rss_mb;
    row.pdf_peak_process = p.peak_process;
    row.pdf_peak_by_process = p.peak_by_process;
    if (!p.ok) row.pdf_status = `failed (see ${dir}/pdf.log)`;
  }
  if (opt.editLoop) {
    log('edit loop: astro dev, 10 saves of one source, each waited for in Chromium');
    const id = page.split('/')[1];
    Object.assign(row, await probeEditLoop(dir, content, id, 10, log).catch((e: Error) => ({ edit_status: `failed: ${e.message.split('\n')[0]}` })));
  }
  return row;
}

/**
 * --portable: what the portable edition adds to the build (its step's own time, from the build log,
 * against the rest of the build) and how it reads from file:// (scripts/bench/portable-probe.ts).
 */
async function portableFigures(dir: string, buildS: number, page: string, token: string, typed: Query[]): Promise<Record<string, unknown>> {
  const step = /\[dossier:portable\] wrote .* in (\d+) ms/.exec(readFileSync(join(dir, 'build.log'), 'utf8'));
  if (!step) return { portable_status: `no portable step in ${dir}/build.log` };
  const stepS = Number(step[1]) / 1000;
  const zip = join(dir, 'dossier-portable.zip');
  return {
    portable_s: Math.round(stepS * 100) / 100,
    portable_added: Math.round((stepS / (buildS - stepS)) * 1000) / 1000,
    portable_zip_bytes: existsSync(zip) ? readFileSync(zip).length : null,
    ...(opt.search ? await probePortable(join(dir, 'dossier-portable', 'data'), join(dir, 'dist'), page, token, typed) : {}),
  };
}

/**
 * Rebuilds after the cold build, in the same copy with its cache: `--warm` with nothing changed,
 * `--incremental` after one source's body was edited (scripts/bench/edit.ts; the edit is undone after).
 */
async function rebuilds(dir: string, env: NodeJS.ProcessEnv, content: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const rebuild = async (name: string) => {
    spawnSync('sync');
    const m = await measure('npm', ['run', 'build'], { cwd: dir, env, log: join(dir, `build-${name}.log`) });
    out[`${name}_s`] = m.ok ? m.wall_s : null;
    out[`${name}_rss_mb`] = m.peak_rss_mb;
    if (!m.ok) out[`${name}_status`] = `failed (exit ${m.code}; see ${dir}/build-${name}.log)`;
  };
  if (opt.warm) await rebuild('warm');
  if (opt.incremental) {
    const first = readdirSync(join(content, 'sources')).filter((f) => f.endsWith('.md')).sort()[0];
    const file = join(content, 'sources', first);
    editSource(file);
    try {
      await rebuild('incremental');
    } finally {
      editSource(file);
    }
  }
  return out;
}

async function benchStarlight(n: number): Promise<Row | undefined> {
  if (!opt.starlight || !existsSync(STARLIGHT)) return undefined;
  log(`building ${n} sources with Starlight (cold; first use installs it)`);
  const r = spawnSync('bash', [STARLIGHT, String(n)], { env: { ...process.env, BENCH_WORK: WORK }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !line) return { system: 'starlight', sources: n, status: `failed: ${(r.stderr || '').trim().split('\n').pop()}` };
  const s = JSON.parse(line);
  const dist = join(WORK, 'starlight', 'dist');
  const manifest = JSON.parse(readFileSync(join(WORK, 'starlight', 'corpus', 'manifest.json'), 'utf8'));
  const row: Row = {
    system: 'starlight', sources: n, status: s.status, build_s: s.build_s, peak_rss_mb: s.peak_rss_mb, peak_tree_rss_mb: s.peak_tree_rss_mb,
    dist_bytes: s.dist_bytes, pages: s.html_pages, page_gz_bytes: s.page_gz_bytes, index_bytes: s.pagefind_bytes,
  };
  if (s.status === 'ok') Object.assign(row, withSearch(await searchFigures(dist, `sources/${manifest[0].id}/`, manifest[0].token)));
  return row;
}

/** Search alone at `at` sources: the index of a search-only copy of the n-source build, cloned to `at` pages. */
async function benchSearchAt(n: number, at: number): Promise<Row> {
  log(`indexing a search-only copy of the ${n}-source site at ${at} sources`);
  const scaled = await scaleSearchSite(join(WORK, `dossier-${n}`, 'dist'), join(WORK, `search-${at}`), at);
  const f = await searchFigures(join(WORK, `search-${at}`), scaled.page, scaled.token, scaled.typed);
  return { system: 'dossier-search-only', sources: at, status: 'ok', pages: scaled.pages, index_s: scaled.index_s, ...withSearch(f) };
}

const sizes: (number | 'real')[] = opt.sizes.length ? opt.sizes : ['real'];
for (const n of sizes) {
  // On a shared machine one pair of builds says little: alternate the systems and keep medians.
  const ds: Row[] = [];
  const ss: Row[] = [];
  // --web: its runs alternate with the .txt runs too, so that both meet the same moments of load.
  const ws: Row[] = [];
  const web = opt.web && n !== 'real';
  for (let r = 0; r < opt.repeat; r++) {
    const d = await benchDossier(n).catch((e: Error) => ({ system: 'dossier', sources: n, status: `failed: ${e.message.split('\n')[0]}` }) as Row);
    ds.push(d);
    const s = n === 'real' ? await benchStarlight(d.sources as number) : await benchStarlight(n);
    if (s) ss.push(s);
    const w = web ? await benchDossier(n, true).catch((e: Error) => ({ system: 'dossier-web', sources: n, status: `failed: ${e.message.split('\n')[0]}` }) as Row) : undefined;
    if (w) ws.push(w);
    // Each run as it ends, so a long series that is cut short still leaves its figures.
    log(`run ${r + 1} of ${opt.repeat}: ${JSON.stringify(d)}${s ? ` ${JSON.stringify(s)}` : ''}${w ? ` ${JSON.stringify(w)}` : ''}`);
  }
  const dossier = medianRow(ds);
  const starlight = ss.length ? medianRow(ss) : undefined;
  // Rebuilds against the same run's cold build.
  for (const k of ['warm', 'incremental']) {
    if (typeof dossier[`${k}_s`] === 'number' && typeof dossier.build_s === 'number') dossier[`${k}_vs_cold`] = Math.round(((dossier[`${k}_s`] as number) / dossier.build_s) * 1000) / 1000;
  }
  if (starlight) dossier.vs_starlight = ratios(dossier, starlight);
  if (opt.json) {
    process.stdout.write(`${JSON.stringify(dossier)}\n`);
    if (starlight) process.stdout.write(`${JSON.stringify(starlight)}\n`);
  } else process.stdout.write(`${formatTable(dossier, starlight)}\n`);
  if (web) {
    const webRow = medianRow(ws);
    process.stdout.write(opt.json ? `${JSON.stringify(webRow)}\n` : `${formatWebComparison(webRow, dossier)}\n`);
  }
  // Once, from the first synthetic size that built.
  if (n === sizes[0] && n !== 'real' && dossier.status === 'ok') {
    for (const at of opt.searchAt) {
      const row = await benchSearchAt(n, at).catch((e: Error) => ({ system: 'dossier-search-only', sources: at, status: `failed: ${e.message.split('\n')[0]}` }) as Row);
      process.stdout.write(opt.json ? `${JSON.stringify(row)}\n` : `${formatTable(row)}\n`);
    }
  }
}
