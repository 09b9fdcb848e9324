import type { AstroIntegration } from 'astro';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readSync, statSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { i18nFor } from '../lib/i18n/translate.ts';
import { tagFiles, type BagDigest, type BagFile, type BagInfo } from '../lib/portable/bagit.ts';
import { sha256, sha256Stream } from '../lib/hash.ts';
import { EDITION_NAME, EditionError, editionBytes, editionPlan, ZIP_NAME } from '../lib/portable/edition.ts';
import { linkReport } from '../lib/portable/page.ts';
import type { LinkProblem } from '../lib/portable/links.ts';
import { portableEnabled, SHA_PLACEHOLDER, SIZE_PLACEHOLDER } from '../lib/portable/settings.ts';
import { replaceAllBytes } from '../lib/portable/page-bytes.ts';
import { zipEntry, ZipWriter, type ZipEntryData } from '../lib/portable/zip.ts';
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

/** The site's file names, refusing a link (symbolic) that leads out of it. No file is read here. */
function listSite(site: string): string[] {
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
    return path;
  });
}

/** Why a write failed, as a refusal naming the path. */
function refusal(what: string, e: unknown): PortableError {
  const err = e as NodeJS.ErrnoException;
  return new PortableError(`  ${what}: cannot be written (${err.code ?? err.message})\nFix: make that folder writable, or point DOSSIER_OUT_DIR elsewhere (the edition goes beside the output folder), then build again.`);
}

/**
 * Runs a write; on failure removes what it left half-written (best effort: the refusal says why),
 * then rethrows an edition's refusal as it is, or refuses naming the path.
 */
function writeOrRefuse(what: string, action: () => void, halfWritten: string[] = []): void {
  try {
    action();
  } catch (e) {
    for (const path of halfWritten) {
      try { rmSync(path, { recursive: true, force: true }); } catch { /* the refusal says why */ }
    }
    throw e instanceof EditionError ? e : refusal(what, e);
  }
}

/** A payload file's zip entry, set aside in the spool file at `offset` until the zip is written. */
type Spooled = Omit<ZipEntryData, 'data'> & { offset: number; length: number };

/**
 * Writes the edition's payload into `staging/data/`, one file at a time: each is read from the site
 * (or taken from the edition's scripts), made fit for file://, hashed, written, and deflated into
 * the spool file (`spool`), from which the zip is put together in path order. Only its digest and
 * its place in the spool are kept. Throws an EditionError with every link the edition cannot keep.
 */
function writePayload(site: string, staging: string, spool: number, scripts: Map<string, Uint8Array>): { digests: BagDigest[]; spooled: Spooled[] } {
  const plan = editionPlan(listSite(site), [...scripts.keys()]);
  const names = new Set(plan.map((f) => f.path));
  const has = (file: string) => names.has(file);
  const problems: LinkProblem[] = [];
  const digests: BagDigest[] = [];
  const spooled: Spooled[] = [];
  const folders = new Set<string>();
  let offset = 0;
  for (const f of plan) {
    const made = editionBytes(f, f.source === null ? scripts.get(f.path)! : readFileSync(join(site, f.source)), has);
    problems.push(...made.problems);
    // Once refused, the rest is only read for its links, so that the refusal names them all.
    if (problems.length) continue;
    const path = `data/${f.path}`;
    const to = join(staging, path);
    if (!folders.has(dirname(to))) {
      mkdirSync(dirname(to), { recursive: true });
      folders.add(dirname(to));
    }
    writeFileSync(to, made.bytes);
    digests.push({ path, sha256: sha256(made.bytes), size: made.bytes.length });
    const { data, ...entry } = zipEntry(path, made.bytes);
    writeSync(spool, data);
    spooled.push({ ...entry, offset, length: data.length });
    offset += data.length;
  }
  if (problems.length) throw new EditionError(linkReport(problems));
  return { digests, spooled };
}

/** The bag as one zip at `zipPath`, its entries in path order: the tag files and the spooled payload. Returns its size and SHA-256. */
function writeZip(tags: BagFile[], payload: { digests: BagDigest[]; spooled: Spooled[] }, spool: number, zipPath: string, edition: string): { bytes: number; sha256: string } {
  const hash = sha256Stream();
  let bytes = 0;
  const entries: { path: string; entry: () => ZipEntryData }[] = [
    ...tags.map((t) => ({ path: t.path, entry: () => zipEntry(t.path, t.bytes) })),
    ...payload.digests.map((d, i) => ({
      path: d.path,
      entry: () => {
        const { offset, length, ...rest } = payload.spooled[i];
        const data = Buffer.alloc(length);
        readSync(spool, data, 0, length, offset);
        return { ...rest, data };
      },
    })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
  const fd = openSync(zipPath, 'w');
  try {
    const zip = new ZipWriter(EDITION_NAME, edition, (chunk) => {
      writeSync(fd, chunk);
      hash.update(chunk);
      bytes += chunk.length;
    });
    for (const e of entries) zip.put(e.path, e.entry());
    zip.end();
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Writes the edition of the built `site` into `parent` (`dossier-portable/`, `dossier-portable.zip`)
 * and the zip into the site, filling the download link. Exported for the tests, which give it
 * broken sites and folders that cannot be written. The site is never held in memory whole (at
 * 10,000 sources the edition is 60,000 files and 530 MB): each file is written and deflated in
 * turn, and the zip is put together from the deflated entries.
 */
export async function writePortableEdition(site: string, parent: string, dossier: Omit<BagInfo, 'baggingDate' | 'software'>, sizeText: (bytes: number) => string = formatBytes): Promise<{ folder: string; zip: string; zipBytes: number; sha256: string }> {
  const scripts = await portableScripts(site);
  const version = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version;
  const info: BagInfo = { ...dossier, baggingDate: baggingDate(), software: `Dossier ${version}` };
  const folder = resolve(parent, EDITION_NAME);
  const zipPath = resolve(parent, ZIP_NAME);
  const staging = `${folder}.staging`;
  const zipStaging = `${zipPath}.staging`;
  const spoolPath = `${zipPath}.parts`;

  let spool = -1;
  writeOrRefuse(staging, () => {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
  }, [staging]);
  writeOrRefuse(spoolPath, () => {
    spool = openSync(spoolPath, 'w+');
  }, [staging, spoolPath]);
  let zip = { bytes: 0, sha256: '' };
  try {
    let payload: ReturnType<typeof writePayload> = { digests: [], spooled: [] };
    writeOrRefuse(staging, () => {
      payload = writePayload(site, staging, spool, scripts);
    }, [staging, spoolPath]);
    const tags = tagFiles(info, payload.digests);
    writeOrRefuse(staging, () => {
      for (const t of tags) writeFileSync(join(staging, t.path), t.bytes);
    }, [staging, spoolPath]);
    writeOrRefuse(zipStaging, () => {
      zip = writeZip(tags, payload, spool, zipStaging, info.edition);
    }, [staging, spoolPath, zipStaging]);
  } finally {
    closeSync(spool);
    rmSync(spoolPath, { force: true });
  }
  // Both are complete: swap them in. The site gets its copy of the zip and the link's figures.
  writeOrRefuse(folder, () => {
    swapIn(staging, folder);
    renameSync(zipStaging, zipPath);
  });
  copyFileSync(zipPath, join(site, ZIP_NAME));
  fillDownloadLinks(site, sizeText(zip.bytes), zip.sha256);
  return { folder, zip: zipPath, zipBytes: zip.bytes, sha256: zip.sha256 };
}

/** The link is on the home page and on content pages (`/<page>/`): pages deeper down are not read. */
function fillDownloadLinks(site: string, size: string, hash: string): void {
  for (const file of listFiles(site)) {
    if (!file.endsWith('.html') || relative(site, file).split('/').length > 2) continue;
    // As bytes: the print page of 100,000 sources is longer than a string can be.
    const html = readFileSync(file);
    if (!html.includes(SHA_PLACEHOLDER)) continue;
    writeFileSync(file, replaceAllBytes(html, { [SIZE_PLACEHOLDER]: size, [SHA_PLACEHOLDER]: hash }));
  }
}
