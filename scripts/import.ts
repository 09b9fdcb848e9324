// npm run import -- <capture.txt|page.warc.gz|page.wacz|page.html|folder>... [--url URL] [--force] [--content DIR] [--year YYYY] [--create-outlets] [--json]
// Turns captured article text, or a web capture, into a byte-identical capture plus a draft source to review.
import { resolve } from 'node:path';
import { callerDir, commandTarget } from './lib/args.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { expandInputs, Importer, type ImportResult } from '../src/lib/import/batch.ts';
import { loadRules } from '../src/lib/import/rules.ts';
import { webFormatOf } from '../src/lib/capture/web/files.ts';
import { WebImporter } from '../src/lib/capture/web/import.ts';

const USAGE = 'usage: npm run import -- <capture.txt|page.warc.gz|page.wacz|page.html|folder>... [--url URL] [--force] [--content DIR] [--year YYYY] [--create-outlets] [--json]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

// --content and --out are checked and announced by the shared command line (scripts/lib/args.ts).
const target = commandTarget({ name: 'import', writes: 'content', positionals: true, switches: ['--force', '--create-outlets', '--json'], valued: ['--year', '--url'] });
const args = target.rest;
const inputs = target.positionals.map((p) => resolve(callerDir(), p));
const opts = { force: args.includes('--force'), createOutlets: args.includes('--create-outlets'), json: args.includes('--json'), year: undefined as number | undefined, url: undefined as string | undefined };
const urlAt = args.indexOf('--url');
if (urlAt >= 0) opts.url = args[urlAt + 1];
const yearAt = args.indexOf('--year');
if (yearAt >= 0) {
  if (!/^\d{4}$/.test(args[yearAt + 1])) fail(`--year needs a four-digit year, not "${args[yearAt + 1]}"`);
  opts.year = Number(args[yearAt + 1]);
}
if (inputs.length === 0) fail('give at least one capture file or folder to import');

const dir = target.content;
const { rules, file: rulesFile, problems } = loadRules(dir);
if (!rules) {
  process.stderr.write(`${formatProblems(problems).replace('The dossier does not verify', `The import rules in ${rulesFile} are not valid`)}\n\nNothing was imported.\n`);
  process.exit(1);
}

const files = expandInputs(inputs);
const importer = new Importer({ contentDir: dir, rules, force: opts.force, year: opts.year, createOutlets: opts.createOutlets });
const results: ImportResult[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);
log(`Importing ${files.length} file${files.length === 1 ? '' : 's'} into ${dir} (rules: ${rulesFile})`);
const web = new WebImporter({ contentDir: dir, rules, force: opts.force, createOutlets: opts.createOutlets, url: opts.url }, importer);
const derived = web.prepare(files);
for (const [i, f] of files.entries()) {
  const r = webFormatOf(f) ? await web.importFile(f, derived.get(f)) : importer.importFile(f);
  results.push(r);
  const tag = r.status === 'imported' ? (r.review.length ? 'REVIEW' : 'ok') : r.status === 'skipped' ? 'skipped' : 'FAILED';
  // One line per file keeps a batch of thousands readable; details only where action is needed.
  log(`[${i + 1}/${files.length}] ${tag.padEnd(7)} ${f}: ${r.message}${r.fix && r.status !== 'imported' ? `\n          Fix: ${r.fix}` : ''}`);
  if (r.review.length && files.length <= 20) for (const note of r.review) log(`          - ${note}`);
}
const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length;
const review = results.filter((r) => r.status === 'imported' && r.review.length).length;
log(`\nSummary: ${count('imported')} imported, ${count('skipped')} skipped, ${count('failed')} failed; ${review} of the imported need review (see the "# Review" comments at the top of each draft).`);
if (opts.json) for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
// exitCode, not exit(): exit() would cut off --json output still queued for a pipe.
process.exitCode = count('failed') ? 1 : 0;
