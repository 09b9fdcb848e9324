/**
 * npm run pdf [-- --letter]: the whole dossier as one PDF, dist/dossier.pdf (docs/print.md).
 * Builds first if the site is missing or older than the sources, prints /print/, keeps a copy
 * beside dist/ with the build id it came from, then builds again so that the home page and the
 * footer link to it (a build replaces dist/ whole; the copy is what survives).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkTools, makePdf, PdfError } from './pdf/make.ts';
import { keptPdfPath, outDir, recordPath, type KeptPdf } from '../src/lib/print/kept.ts';
import { contentDir, notContent } from '../src/lib/content/location.ts';
import { commandTarget } from './lib/args.ts';
import { formatBytes } from '../src/lib/print/size.ts';

function newest(dir: string, skip = notContent(dir)): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    if (skip(p)) return max;
    return Math.max(max, e.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs);
  }, 0);
}

function build(why: string): void {
  console.log(`Building the site (${why})…`);
  // Through scripts/astro.ts, the one place that starts Astro for a build (its memory settings and
  // build record); --force, because the PDF written into the output must be carried into the next.
  const run = spawnSync(process.execPath, [resolve('scripts/astro.ts'), 'build', '--force'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
  if (run.status !== 0) throw new PdfError('The build failed (see above), so no PDF was made.');
}

async function main(): Promise<void> {
  // --content/--out (or DOSSIER_CONTENT/DOSSIER_OUT_DIR): which dossier, and which output folder.
  const target = commandTarget({ name: 'pdf', writes: 'out', switches: ['--letter'] });
  checkTools();
  const paper = target.rest.includes('--letter') ? 'Letter' : 'A4';
  const dist = outDir();
  const stamp = join(dist, 'print', 'index.html');
  const sourcesChanged = Math.max(newest(resolve('src')), newest(contentDir())) > (existsSync(stamp) ? statSync(stamp).mtimeMs : 0);
  if (!existsSync(stamp)) build(`${relative(process.cwd(), dist) || '.'} has no print edition yet`);
  else if (sourcesChanged) build('the sources changed since the last build');

  const out = join(dist, 'dossier.pdf');
  console.log(`Printing ${relative(process.cwd(), out)} (${paper})…`);
  const result = await makePdf({ distDir: dist, out, paper });

  const kept = keptPdfPath(dist);
  mkdirSync(dirname(kept), { recursive: true });
  copyFileSync(out, kept);
  const record: KeptPdf = { buildId: result.buildId, bytes: result.bytes, pages: result.pages, paper, printed: new Date().toISOString() };
  writeFileSync(recordPath(kept), `${JSON.stringify(record, null, 2)}\n`);

  build('so that the pages link to the PDF');
  if (!existsSync(out)) throw new PdfError(`The rebuild did not carry the PDF into ${relative(process.cwd(), dist)}; it is kept at ${relative(process.cwd(), kept)}.`);
  console.log(`Wrote ${relative(process.cwd(), out)}: ${result.pages} pages, ${formatBytes(result.bytes)}, build ${result.buildId}, contents settled in ${result.passes} printings.`);
}

main().catch((e: unknown) => {
  if (e instanceof PdfError) console.error(`npm run pdf: ${e.message}`);
  else console.error(`npm run pdf failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
