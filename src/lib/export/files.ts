import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CITE_DOWNLOADS } from '../cite/downloads.ts';
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
}

/** The folders these files live in; nothing else is written there. */
export const SITE_FILE_FOLDERS = ['cite', 'captures'] as const;

/** /cite/<id>.json|.bib|.ris for the dossier, every source and every claim. */
export function citeFiles(dossier: Dossier): SiteFile[] {
  return citableItems(dossier).flatMap((item) =>
    CITE_DOWNLOADS.map((d) => ({ path: `cite/${item.id}.${d.ext}`, type: d.type, body: () => d.render(item) })),
  );
}

/** /captures/<id>.txt: the capture file itself, not its decoded text, so readers can check its SHA-256. */
export function captureFiles(dossier: Dossier): SiteFile[] {
  return [...dossier.captures.values()].map((c) => ({
    path: `captures/${c.id}.txt`,
    type: 'text/plain; charset=utf-8',
    body: () => readFileSync(resolve(c.file)),
  }));
}

export const siteFiles = (dossier: Dossier): SiteFile[] => [...citeFiles(dossier), ...captureFiles(dossier)];
