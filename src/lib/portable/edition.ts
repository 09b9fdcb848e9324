/*
 * Which files the portable edition holds, and in what form: a pure plan from the built site's
 * files. Pages and stylesheets are rewritten for file:// (page.ts); every other file is kept byte
 * for byte (the raw captures, /dossier.json and its schema, the citation files, the PDF); the
 * search index ships as classic scripts that register its bytes (runtime.ts reads them); what
 * only a web server can use (the service worker, the host's headers) is left out.
 */
import { linkReport, portableCss } from './page.ts';
import { portablePageBytes } from './page-bytes.ts';
import type { LinkProblem } from './links.ts';
import { unsafeName } from './links.ts';
import type { BagFile } from './bagit.ts';

/** The web edition's download of this edition, written after it (docs/portable.md). */
export const ZIP_NAME = 'dossier-portable.zip';
/** The folder written beside the web edition, and the zip's top folder. */
export const EDITION_NAME = 'dossier-portable';

/** Files a folder on disk has no use for: the offline worker, its manifest, the host's headers, the edition itself. */
const WEB_ONLY = [/^sw\.js$/, /^offline-manifest\.json$/, /^_headers$/, /\.map$/, new RegExp(`^${ZIP_NAME.replace('.', '\\.')}$`)];
/** Pagefind's files the edition does not load: its JS is replaced by classic builds, its other UIs are unused. */
const INDEX_CODE = /^pagefind\/(pagefind(-worker|-ui|-modular-ui|-highlight|-component-ui)?\.js|pagefind-(ui|modular-ui)\.css)$/;
/** The index's data, which Pagefind fetches: each becomes `pagefind/<name>.js`. */
const INDEX_DATA = /^pagefind\/(?!.*\.(js|css)$)/;

export class EditionError extends Error {}

/** `pagefind/<name>.js`: a classic script that registers the file's bytes with the edition's runtime. */
export function dataScript(name: string, bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(`__dossierPortable.file(${JSON.stringify(name)},"${Buffer.from(bytes).toString('base64')}");\n`);
}

/** One file of the edition: where its bytes come from, and how they are made fit for file://. */
export interface PlannedFile {
  /** Its path in the edition, relative to data/. */
  path: string;
  /** Its path in the site, or null for one of the edition's own scripts. */
  source: string | null;
  as: 'page' | 'css' | 'index-data' | 'copy';
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const kind = (path: string): PlannedFile['as'] => (path.endsWith('.html') ? 'page' : path.endsWith('.css') ? 'css' : 'copy');

/**
 * Which files the edition holds, in path order, from the site's file names and the edition's
 * scripts (src/integrations/portable-bundle.ts): no file is read, so a build can write the
 * edition one file at a time. Throws an EditionError naming every file name that would escape.
 */
export function editionPlan(sitePaths: string[], scriptPaths: string[]): PlannedFile[] {
  const badNames = sitePaths.map((path) => ({ path, why: unsafeName(path) })).filter((x) => x.why);
  if (badNames.length) {
    throw new EditionError(`${badNames.map((x) => `  ${JSON.stringify(x.path)}: this file name would escape the edition's folder (${x.why})`).join('\n')}\nFix: rename or remove the file in public/ or the content folder, then build again.`);
  }
  const plan: PlannedFile[] = [];
  for (const path of sitePaths) {
    if (WEB_ONLY.some((r) => r.test(path)) || INDEX_CODE.test(path)) continue;
    if (INDEX_DATA.test(path)) plan.push({ path: `${path}.js`, source: path, as: 'index-data' });
    else plan.push({ path, source: path, as: kind(path) });
  }
  for (const path of scriptPaths) plan.push({ path, source: null, as: kind(path) });
  return plan.sort(byPath);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** One planned file's bytes in the edition, with the links it could not keep. */
export function editionBytes(file: PlannedFile, bytes: Uint8Array, has: (file: string) => boolean): { bytes: Uint8Array; problems: LinkProblem[] } {
  switch (file.as) {
    case 'index-data':
      return { bytes: dataScript(file.source!.slice('pagefind/'.length), bytes), problems: [] };
    case 'page':
      return portablePageBytes(bytes, file.path, has);
    case 'css': {
      const r = portableCss(decoder.decode(bytes), file.path, has);
      return { bytes: encoder.encode(r.css), problems: r.problems };
    }
    default:
      return { bytes, problems: [] };
  }
}

/**
 * The edition's files from the site's (`path` relative to its root) and the edition's scripts, all
 * in memory: the plan and the bytes above, for callers with a small site (the tests). Throws an
 * EditionError naming every file and link it cannot keep.
 */
export function editionFiles(site: BagFile[], scripts: Map<string, Uint8Array>): BagFile[] {
  const plan = editionPlan(site.map((f) => f.path), [...scripts.keys()]);
  const bytesOf = new Map(site.map((f) => [f.path, f.bytes]));
  const names = new Set(plan.map((f) => f.path));
  const has = (file: string) => names.has(file);
  const problems: LinkProblem[] = [];
  const out = plan.map((f) => {
    const r = editionBytes(f, f.source === null ? scripts.get(f.path)! : bytesOf.get(f.source)!, has);
    problems.push(...r.problems);
    return { path: f.path, bytes: r.bytes };
  });
  if (problems.length) throw new EditionError(linkReport(problems));
  return out;
}
