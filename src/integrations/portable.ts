import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, statSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { i18nFor } from '../lib/i18n/translate.ts';
import { makeBag, type BagFile, type BagInfo } from '../lib/portable/bagit.ts';
import { sha256 } from '../lib/hash.ts';
import { EDITION_NAME, EditionError, editionFiles, ZIP_NAME } from '../lib/portable/edition.ts';
import { portableEnabled, SHA_PLACEHOLDER, SIZE_PLACEHOLDER } from '../lib/portable/settings.ts';
import { zipBag } from '../lib/portable/zip.ts';
import { formatBytes } from '../lib/print/size.ts';
import { listFiles } from '../lib/files.ts';
import { BundleError, portableScripts } from './portable-bundle.ts';
import { publishedDir, swapIn } from './atomic-output.ts';

/**
 * The portable edition (docs/portable.md): from the staging folder, once the search index, the
 * citation files and the PDF are in and before the offline worker lists the files, it writes
 * `dossier-portable/` (a BagIt bag whose data/ opens from file://) and `dossier-portable.zip`
 * beside the output folder, each through a staging name swapped in whole, then puts the zip in
 * the site and fills its size and SHA-256 into the pages that link to it. A refusal exits before
 * anything is swapped, so the last good edition and the last good site stay.
 */
export default function portableEdition(): AstroIntegration {
  let finalDir = '';
  return {
    name: 'dossier:portable',
    hooks: {
      'astro:config:done': ({ config }) => {
        finalDir = publishedDir(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!portableEnabled()) return;
        const site = fileURLToPath(dir).replace(/\/$/, '');
        const started = performance.now();
        const dossier = currentDossier();
        try {
          const result = await writePortableEdition(site, dirname(finalDir), {
            title: dossier.settings.title,
            edition: dossier.settings.edition,
            sources: dossier.sources.size,
          }, (bytes) => formatBytes(bytes, i18nFor(dossier.settings)));
          logger.info(`wrote ${relative(process.cwd(), result.folder)}/ and ${ZIP_NAME} (${formatBytes(result.zipBytes)}, SHA-256 ${result.sha256.slice(0, 12)}…) in ${Math.round(performance.now() - started)} ms`);
        } catch (e) {
          if (!(e instanceof PortableError || e instanceof EditionError || e instanceof BundleError)) throw e;
          console.error(`\nPortable edition failed:\n${e.message}\nThe last good portable edition and the last good site are untouched.\n`);
          process.exit(1);
        }
      },
    },
  };
}

export class PortableError extends Error {}

/** Today, or SOURCE_DATE_EPOCH's day for a reproducible bag. */
function baggingDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

/** The site's files, refusing a link (symbolic) that leads out of it. */
function readSite(site: string): BagFile[] {
  const root = realpathSync(site);
  // Symbolic links are listed too (listFiles() passes them over): one that leads out is refused, not dropped.
  const entries = readdirSync(site, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() || e.isSymbolicLink());
  return entries.map((e) => {
    const file = join(e.parentPath, e.name);
    const path = relative(site, file);
    if (e.isSymbolicLink()) {
      const target = realpathSync(file);
      if (statSync(target).isDirectory()) {
        throw new EditionError(`  ${JSON.stringify(path)}: this is a link to the folder ${target}; the edition holds files, not links to folders\nFix: copy the folder's files in its place (in public/ or the content folder), then build again.`);
      }
      if (!target.startsWith(`${root}/`)) {
        throw new EditionError(`  ${JSON.stringify(path)}: this file is a link to ${target}, outside the site, and would escape the edition's folder\nFix: replace the link with the file itself (in public/ or the content folder), then build again.`);
      }
    }
    return { path, bytes: readFileSync(file) };
  });
}

/** Runs a write; on failure removes what it left half-written and refuses, naming the path. */
function writeOrRefuse(what: string, action: () => void, halfWritten: string[] = []): void {
  try {
    action();
  } catch (e) {
    for (const path of halfWritten) {
      try { rmSync(path, { recursive: true, force: true }); } catch { /* the refusal below says why */ }
    }
    const err = e as NodeJS.ErrnoException;
    throw new PortableError(`  ${what}: cannot be written (${err.code ?? err.message})\nFix: make that folder writable, or point DOSSIER_OUT_DIR elsewhere (the edition goes beside the output folder), then build again.`);
  }
}

/**
 * Writes the edition of the built `site` into `parent` (`dossier-portable/`, `dossier-portable.zip`)
 * and the zip into the site, filling the download link. Exported for the tests, which give it
 * broken sites and folders that cannot be written.
 */
export async function writePortableEdition(site: string, parent: string, dossier: Omit<BagInfo, 'baggingDate' | 'software'>, sizeText: (bytes: number) => string = formatBytes): Promise<{ folder: string; zip: string; zipBytes: number; sha256: string }> {
  const files = editionFiles(readSite(site), await portableScripts(site));
  const version = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version;
  const info: BagInfo = { ...dossier, baggingDate: baggingDate(), software: `Dossier ${version}` };
  const bag = makeBag(files, info);
  const zip = zipBag(EDITION_NAME, bag, dossier.edition);
  const folder = resolve(parent, EDITION_NAME);
  const zipPath = resolve(parent, ZIP_NAME);
  const staging = `${folder}.staging`;

  writeOrRefuse(staging, () => {
    rmSync(staging, { recursive: true, force: true });
    for (const f of bag) {
      const to = join(staging, f.path);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, f.bytes);
    }
  }, [staging]);
  writeOrRefuse(`${zipPath}.staging`, () => writeFileSync(`${zipPath}.staging`, zip), [staging, `${zipPath}.staging`]);
  const hash = sha256(zip);
  // Both are complete: swap them in. The site gets its copy of the zip and the link's figures.
  writeOrRefuse(folder, () => {
    swapIn(staging, folder);
    renameSync(`${zipPath}.staging`, zipPath);
  });
  writeFileSync(join(site, ZIP_NAME), zip);
  fillDownloadLinks(site, sizeText(zip.length), hash);
  return { folder, zip: zipPath, zipBytes: zip.length, sha256: hash };
}

/** The link is on the home page and on content pages (`/<page>/`): pages deeper down are not read. */
function fillDownloadLinks(site: string, size: string, hash: string): void {
  for (const file of listFiles(site)) {
    if (!file.endsWith('.html') || relative(site, file).split('/').length > 2) continue;
    const html = readFileSync(file, 'utf8');
    if (!html.includes(SHA_PLACEHOLDER)) continue;
    writeFileSync(file, html.replaceAll(SIZE_PLACEHOLDER, size).replaceAll(SHA_PLACEHOLDER, hash));
  }
}
