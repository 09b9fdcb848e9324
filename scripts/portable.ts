/**
 * npm run portable: the portable edition (docs/portable.md), `dossier-portable/` and
 * `dossier-portable.zip` beside the output folder. Every build writes it; this command makes
 * sure it holds the whole-dossier PDF when Chromium is there to print one (npm run pdf, which
 * builds), otherwise builds once, then checks the bag and says where it is. It takes --content and
 * --out (or DOSSIER_CONTENT and DOSSIER_OUT_DIR), like every command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { chromiumPath } from './lib/chromium.ts';
import { commandTarget } from './lib/args.ts';
import { contentDir } from '../src/lib/content/location.ts';
import { buildIdOnce } from '../src/lib/print/build-id.ts';
import { keptPdfFor, outDir } from '../src/lib/print/kept.ts';
import { EDITION_NAME, ZIP_NAME } from '../src/lib/portable/edition.ts';
import { sha256 } from '../src/lib/hash.ts';
import { verifyBagAt } from '../src/lib/portable/read-bag.ts';
import { formatBytes } from '../src/lib/print/size.ts';

function run(script: string[], what: string): void {
  const result = spawnSync(process.execPath, script, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DOSSIER_PORTABLE: '1' } });
  if (result.status !== 0) {
    console.error(`npm run portable: ${what} failed (see above); the last good portable edition is untouched.`);
    process.exit(1);
  }
}

// --content and --out are checked, announced and handed on by the shared command line (scripts/lib/args.ts).
commandTarget({ name: 'portable', writes: 'out' });
const dist = outDir();
const shown = (p: string) => relative(process.cwd(), p) || '.';
if (keptPdfFor(dist, buildIdOnce(contentDir()))) {
  console.log('The PDF of this content is kept: building the site and the edition with it…');
  run([resolve('node_modules/astro/bin/astro.mjs'), 'build'], 'the build');
} else if (existsSync(chromiumPath())) {
  console.log('Printing the whole-dossier PDF first (npm run pdf), so that the edition holds it…');
  run([resolve('scripts/pdf.ts')], 'npm run pdf');
} else {
  console.log(`No Chromium at ${chromiumPath()}: the edition is built without dossier.pdf (install chromium or set CHROMIUM_PATH, then run npm run portable again).`);
  run([resolve('node_modules/astro/bin/astro.mjs'), 'build'], 'the build');
}

const folder = join(dirname(dist), EDITION_NAME);
const zip = join(dirname(dist), ZIP_NAME);
const report = verifyBagAt(zip);
if (report.problems.length) {
  console.error(`npm run portable: ${shown(zip)} is not a valid bag:\n  ${report.problems.join('\n  ')}`);
  process.exit(1);
}
const bytes = readFileSync(zip);
console.log(`Portable edition: ${shown(folder)}/ (open data/index.html) and ${shown(zip)}`);
console.log(`  ${formatBytes(bytes.length)}, SHA-256 ${sha256(bytes)}, ${report.payloadFiles} files, a valid BagIt bag`);
console.log(`  ${existsSync(join(folder, 'data', 'dossier.pdf')) ? 'with' : 'without'} dossier.pdf; verify a copy with: npm run verify-bag -- ${ZIP_NAME}`);
