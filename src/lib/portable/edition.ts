/*
 * Which files the portable edition holds, and in what form: a pure plan from the built site's
 * files. Pages and stylesheets are rewritten for file:// (page.ts); every other file is kept byte
 * for byte (the raw captures, /dossier.json and its schema, the citation files, the PDF); the
 * search index ships as classic scripts that register its bytes (runtime.ts reads them); what
 * only a web server can use (the service worker, the host's headers) is left out.
 */
import { linkReport, portableCss, portablePage } from './page.ts';
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

/**
 * The edition's files from the site's (`path` relative to its root) and the edition's scripts
 * (src/integrations/portable-bundle.ts). Throws an EditionError naming every file and link it
 * cannot keep.
 */
export function editionFiles(site: BagFile[], scripts: Map<string, Uint8Array>): BagFile[] {
  const badNames = site.map((f) => ({ f, why: unsafeName(f.path) })).filter((x) => x.why);
  if (badNames.length) {
    throw new EditionError(`${badNames.map((x) => `  ${JSON.stringify(x.f.path)}: this file name would escape the edition's folder (${x.why})`).join('\n')}\nFix: rename or remove the file in public/ or the content folder, then build again.`);
  }
  const out: BagFile[] = [];
  for (const f of site) {
    if (WEB_ONLY.some((r) => r.test(f.path)) || INDEX_CODE.test(f.path)) continue;
    if (INDEX_DATA.test(f.path)) out.push({ path: `${f.path}.js`, bytes: dataScript(f.path.slice('pagefind/'.length), f.bytes) });
    else out.push(f);
  }
  for (const [path, bytes] of scripts) out.push({ path, bytes });
  const names = new Set(out.map((f) => f.path));
  const has = (file: string) => names.has(file);
  const problems: LinkProblem[] = [];
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const rewritten = out.map((f) => {
    if (f.path.endsWith('.html')) {
      const r = portablePage(decoder.decode(f.bytes), f.path, has);
      problems.push(...r.problems);
      return { path: f.path, bytes: encoder.encode(r.html) };
    }
    if (f.path.endsWith('.css')) {
      const r = portableCss(decoder.decode(f.bytes), f.path, has);
      problems.push(...r.problems);
      return { path: f.path, bytes: encoder.encode(r.css) };
    }
    return f;
  });
  if (problems.length) throw new EditionError(linkReport(problems));
  return rewritten.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
