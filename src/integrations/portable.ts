import type { AstroIntegration } from 'astro';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readSync, statSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentDossier } from '../lib/content/current.ts';
import { i18nFor } from '../lib/i18n/translate.ts';
import { tagFiles, type BagDigest, type BagFile, type BagInfo } from '../lib/portable/bagit.ts';
import { sha256, sha256Stream } from '../lib/hash.ts';
import { EDITION_NAME, EditionError, editionBytes, editionPlan, ZIP_NAME, type PlannedFile } from '../lib/portable/edition.ts';
import { linkReport } from '../lib/portable/page.ts';
import type { LinkProblem } from '../lib/portable/links.ts';
import { portableEnabled, SHA_PLACEHOLDER, SIZE_PLACEHOLDER } from '../lib/portable/settings.ts';
import { replaceAllBytes } from '../lib/portable/page-bytes.ts';
import { zipEntry, ZipWriter, type ZipEntryData } from '../lib/portable/zip.ts';
import { formatBytes } from '../lib/print/size.ts';
import { listFiles } from '../lib/files.ts';
import { readRemembered, rememberDigest } from '../lib/file-digests.ts';
import { BundleError, portableScripts, SCRIPT_PATHS } from './portable-bundle.ts';
import { publishedDir, swapIn } from './atomic-output.ts';
import { sweep } from '../lib/discard.ts';
import { searchIndexWritten } from './search-written.ts';

/**
 * The portable edition (docs/portable.md): from the staging folder, once the citation files and
 * the PDF are in (the search index may still be being written: its files come last) and before
 * the offline worker lists the files, it writes
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
          }, (bytes) => formatBytes(bytes, i18nFor(dossier.settings)), searchIndexWritten());
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

/** The site's file names (those `under` a folder of it, if given), refusing a link (symbolic) that leads out of it. No file is read here. */
function listSite(site: string, under = ''): string[] {
  const root = realpathSync(site);
  // Symbolic links are listed too (listFiles() passes them over): one that leads out is refused, not dropped.
  const entries = readdirSync(join(site, under), { withFileTypes: true, recursive: true }).filter((e) => e.isFile() || e.isSymbolicLink());
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
 * then rethrows an edition's or its scripts' refusal as it is, or refuses naming the path.
 */
async function writeOrRefuse(what: string, action: () => void | Promise<void>, halfWritten: string[] = []): Promise<void> {
  try {
    await action();
  } catch (e) {
    for (const path of halfWritten) {
      try { rmSync(path, { recursive: true, force: true }); } catch { /* the refusal says why */ }
    }
    throw e instanceof EditionError || e instanceof BundleError ? e : refusal(what, e);
  }
}

/** A payload file's zip entry, set aside in the spool file at `offset` until the zip is written. */
type Spooled = Omit<ZipEntryData, 'data'> & { offset: number; length: number };

/** A payload written so far: each file's digest and its place in the spool, in the order written, and the spool's end. */
interface Payload { digests: BagDigest[]; spooled: Spooled[]; end: number }

/** Gives the event loop a turn every 20 ms, so that Pagefind's process, still indexing, is answered. */
function turns(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < 20) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/**
 * Writes planned files into `staging/data/`, one at a time: each is read from the site (or taken
 * from the edition's scripts), made fit for file://, hashed, written, and deflated into the spool
 * file at the payload's end. Only its digest and its place in the spool are kept. The links a file
 * could not keep go to `problems`; once there is one, the rest is only read for its links, so that
 * the refusal names them all.
 */
class PayloadWriter {
  readonly payload: Payload = { digests: [], spooled: [], end: 0 };
  readonly problems: LinkProblem[] = [];
  readonly #folders = new Set<string>();
  readonly #turn = turns();

  readonly site: string;
  readonly staging: string;
  readonly spool: number;

  constructor(site: string, staging: string, spool: number) {
    this.site = site;
    this.staging = staging;
    this.spool = spool;
  }

  /** `has(page)` answers, for a link on that page, whether the edition holds the file it names. */
  async write(plan: PlannedFile[], scripts: Map<string, Uint8Array>, has: (page: string) => (file: string) => boolean): Promise<void> {
    for (const f of plan) {
      await this.#turn();
      // Remembered: the offline worker's manifest takes the hash instead of reading the file again.
      const made = editionBytes(f, f.source === null ? scripts.get(f.path)! : readRemembered(join(this.site, f.source)), has(f.path));
      this.problems.push(...made.problems);
      if (this.problems.length) continue;
      const path = `data/${f.path}`;
      const to = join(this.staging, path);
      if (!this.#folders.has(dirname(to))) {
        mkdirSync(dirname(to), { recursive: true });
        this.#folders.add(dirname(to));
      }
      writeFileSync(to, made.bytes);
      this.payload.digests.push({ path, sha256: sha256(made.bytes), size: made.bytes.length });
      const { data, ...entry } = zipEntry(path, made.bytes);
      writeSync(this.spool, data);
      this.payload.spooled.push({ ...entry, offset: this.payload.end, length: data.length });
      this.payload.end += data.length;
    }
  }

  /** Throws an EditionError naming every link the edition cannot keep. */
  refuseIfAny(): void {
    if (this.problems.length) throw new EditionError(linkReport(this.problems));
  }
}

/**
 * Writes the edition's payload, in two turns. First every file of the site but the search index,
 * which Pagefind may still be writing (`indexWritten`, the search integration): the pages, the
 * captures, the citation files, the assets; then, once the index is written, its files and the
 * edition's scripts, which bundle Pagefind's code. A link into the index from the first turn is
 * checked once the index is there. Throws an EditionError with every link the edition cannot keep.
 */
async function writePayload(site: string, staging: string, spool: number, indexWritten: Promise<void>): Promise<Payload> {
  const isIndex = (path: string) => path.startsWith('pagefind/');
  const writer = new PayloadWriter(site, staging, spool);
  const first = editionPlan(listSite(site).filter((p) => !isIndex(p)), []);
  const firstNames = new Set([...first.map((f) => f.path), ...SCRIPT_PATHS]);
  const intoIndex: LinkProblem[] = [];
  await writer.write(first, new Map(), (page) => (file) => {
    if (!isIndex(file)) return firstNames.has(file);
    intoIndex.push({ page, link: file, reason: 'missing' });
    return true;
  });

  await indexWritten;
  const indexPaths = listSite(site, 'pagefind');
  const indexNames = new Set(editionPlan(indexPaths, []).map((f) => f.path));
  writer.problems.push(...intoIndex.filter((p) => !firstNames.has(p.link) && !indexNames.has(p.link)));
  writer.refuseIfAny();
  const scripts = await portableScripts(site);
  const rest = editionPlan(indexPaths, [...scripts.keys()]);
  const names = new Set([...firstNames, ...rest.map((f) => f.path)]);
  await writer.write(rest, scripts, () => (file) => names.has(file));
  writer.refuseIfAny();
  // In path order, as one plan of the whole site gave them: the manifest lists them so.
  const { digests, spooled, end } = writer.payload;
  const order = digests.map((_, i) => i).sort((a, b) => (digests[a].path < digests[b].path ? -1 : 1));
  return { digests: order.map((i) => digests[i]), spooled: order.map((i) => spooled[i]), end };
}

/** The bag as one zip at `zipPath`, its entries in path order: the tag files and the spooled payload. Returns its size and SHA-256. */
function writeZip(tags: BagFile[], payload: Payload, spool: number, zipPath: string, edition: string): { bytes: number; sha256: string } {
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
export async function writePortableEdition(site: string, parent: string, dossier: Omit<BagInfo, 'baggingDate' | 'software'>, sizeText: (bytes: number) => string = formatBytes, indexWritten: Promise<void> = Promise.resolve()): Promise<{ folder: string; zip: string; zipBytes: number; sha256: string }> {
  const version = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version;
  const info: BagInfo = { ...dossier, baggingDate: baggingDate(), software: `Dossier ${version}` };
  const folder = resolve(parent, EDITION_NAME);
  const zipPath = resolve(parent, ZIP_NAME);
  const to: Staged = { folder, zip: zipPath, staging: `${folder}.staging`, zipStaging: `${zipPath}.staging`, spool: `${zipPath}.parts` };
  // The build can end while this waits for the search index (a failed index exits the process):
  // nothing half-written is left beside the last good edition then.
  const leftovers = () => {
    for (const path of [to.staging, to.spool, to.zipStaging]) rmSync(path, { recursive: true, force: true });
  };
  process.once('exit', leftovers);
  let zip: { bytes: number; sha256: string };
  try {
    zip = await writeBag(site, to, info, indexWritten);
  } finally {
    process.off('exit', leftovers);
  }
  copyFileSync(zipPath, join(site, ZIP_NAME));
  rememberDigest(join(site, ZIP_NAME), zip.sha256);
  fillDownloadLinks(site, sizeText(zip.bytes), zip.sha256);
  return { folder, zip: zipPath, zipBytes: zip.bytes, sha256: zip.sha256 };
}

/** Where the edition goes, and the staging names it is written under until both are complete. */
interface Staged { folder: string; zip: string; staging: string; zipStaging: string; spool: string }

/** Writes the bag and its zip under their staging names, then swaps both in. Returns the zip's size and SHA-256. */
async function writeBag(site: string, to: Staged, info: BagInfo, indexWritten: Promise<void>): Promise<{ bytes: number; sha256: string }> {
  let spool = -1;
  await writeOrRefuse(to.staging, () => {
    rmSync(to.staging, { recursive: true, force: true });
    mkdirSync(to.staging, { recursive: true });
  }, [to.staging]);
  sweep(to.folder);
  await writeOrRefuse(to.spool, () => {
    spool = openSync(to.spool, 'w+');
  }, [to.staging, to.spool]);
  let zip = { bytes: 0, sha256: '' };
  try {
    let payload: Payload = { digests: [], spooled: [], end: 0 };
    await writeOrRefuse(to.staging, async () => {
      payload = await writePayload(site, to.staging, spool, indexWritten);
    }, [to.staging, to.spool]);
    const tags = tagFiles(info, payload.digests);
    await writeOrRefuse(to.staging, () => {
      for (const t of tags) writeFileSync(join(to.staging, t.path), t.bytes);
    }, [to.staging, to.spool]);
    await writeOrRefuse(to.zipStaging, () => {
      zip = writeZip(tags, payload, spool, to.zipStaging, info.edition);
    }, [to.staging, to.spool, to.zipStaging]);
  } finally {
    closeSync(spool);
    rmSync(to.spool, { force: true });
  }
  // Both are complete: swap them in. The site gets its copy of the zip and the link's figures.
  await writeOrRefuse(to.folder, () => {
    swapIn(to.staging, to.folder);
    renameSync(to.zipStaging, to.zip);
  });
  return zip;
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
