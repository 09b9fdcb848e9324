import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { archivePath, PUBLISHED } from '../capture/web/publish.ts';
import { dirname, join, resolve } from 'node:path';
import { CITE_DOWNLOADS } from '../cite/downloads.ts';
import type { CslItem } from '../cite/csl.ts';
import { citableItems } from '../cite/items.ts';
import type { Dossier } from '../graph/types.ts';

/**
 * A file of the site that is not a page: its path under the site root, its content type, and its
 * bytes, made only when asked for (the dev server makes one per request; a build makes them all).
 * Written by src/integrations/site-files.ts rather than rendered as Astro routes, which cost a
 * rendered page each (4,000 at 1,000 sources) for a few hundred bytes.
 */
export interface SiteFile {
  path: string;
  type: string;
  body: () => string | Buffer;
  /** Copied from this file rather than read into memory (a web archive may be large). */
  from?: string;
}

/** The folders these files live in; nothing else is written there. */
export const SITE_FILE_FOLDERS = ['cite', 'captures'] as const;

/**
 * Everything the files are made from, as plain data: what a build hands to the worker thread that
 * writes them (src/lib/export/write.ts), since a worker cannot be given the Dossier's graph.
 */
export interface SiteFileJob {
  items: CslItem[];
  captures: { id: string; file: string; web?: { ext: string; text: string } }[];
}

export const siteFileJob = (dossier: Dossier): SiteFileJob => ({
  items: citableItems(dossier),
  captures: [...dossier.captures.values()].map((c) => ({ id: c.id, file: c.file, ...(c.web ? { web: { ext: c.web.ext, text: c.text ?? '' } } : {}) })),
});

/** /cite/<id>.json|.bib|.ris for the dossier, every source and every claim. */
export function citeFilesOf(items: CslItem[]): SiteFile[] {
  return items.flatMap((item) =>
    CITE_DOWNLOADS.map((d) => ({ path: `cite/${item.id}.${d.ext}`, type: d.type, body: () => d.render(item) })),
  );
}

/** /captures/<id>.txt: the capture file itself, not its decoded text, so readers can check its SHA-256. */
export function captureFilesOf(captures: SiteFileJob['captures']): SiteFile[] {
  return captures.flatMap((c) => {
    if (!c.web) return [{ path: `captures/${c.id}.txt`, type: 'text/plain; charset=utf-8', body: () => readFileSync(resolve(c.file)) }];
    // A web capture: the text derived from it, and the archive itself, byte for byte.
    const text = c.web.text;
    return [
      { path: `captures/${c.id}.txt`, type: 'text/plain; charset=utf-8', body: () => text },
      { path: archivePath(c.id, c.web.ext), type: PUBLISHED[c.web.ext].type, body: () => readFileSync(resolve(c.file)), from: resolve(c.file) },
    ];
  });
}

export const jobFiles = (job: SiteFileJob): SiteFile[] => [...citeFilesOf(job.items), ...captureFilesOf(job.captures)];

export const siteFiles = (dossier: Dossier): SiteFile[] => jobFiles(siteFileJob(dossier));

/** Write the files under the site root (their folders first); returns how many. */
export function writeSiteFiles(root: string, files: SiteFile[]): number {
  for (const folder of new Set(files.map((f) => dirname(f.path)))) mkdirSync(join(root, folder), { recursive: true });
  for (const f of files) {
    if (f.from) copyFileSync(f.from, join(root, f.path));
    else writeFileSync(join(root, f.path), f.body());
  }
  return files.length;
}
