import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Why a copy of the PDF is kept outside dist/: every build replaces dist/ whole (see
 * src/integrations/atomic-output.ts), so a PDF written into dist/ would vanish at the next
 * build. `npm run pdf` keeps the PDF next to the output folder with a record of the content
 * build it was printed from; a build whose content has the same id links to it and copies it in.
 */
export interface KeptPdf {
  /** Content build id the PDF was printed from (src/lib/print/build-id.ts). */
  buildId: string;
  bytes: number;
  pages: number;
  paper: 'A4' | 'Letter';
  printed: string;
}

/** The output folder of the current build: DOSSIER_OUT_DIR or ./dist. */
export function outDir(root = process.cwd()): string {
  return resolve(root, process.env.DOSSIER_OUT_DIR || 'dist');
}

/** `dist` → `.dossier/dist.pdf` beside it, so each output folder keeps its own PDF. */
export function keptPdfPath(out: string): string {
  return join(dirname(out), '.dossier', `${basename(out)}.pdf`);
}

export const recordPath = (pdf: string): string => `${pdf}.json`;

export function parseRecord(text: string): KeptPdf | undefined {
  try {
    const r = JSON.parse(text) as Partial<KeptPdf>;
    if (typeof r.buildId !== 'string' || typeof r.bytes !== 'number' || typeof r.pages !== 'number') return undefined;
    return { buildId: r.buildId, bytes: r.bytes, pages: r.pages, paper: r.paper === 'Letter' ? 'Letter' : 'A4', printed: String(r.printed ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * The kept PDF, if it exists, is intact and was printed from this very content: a PDF of an
 * earlier edition is never offered as this one.
 */
export function keptPdfFor(out: string, buildId: string | (() => string)): KeptPdf | undefined {
  const pdf = keptPdfPath(out);
  if (!existsSync(pdf) || !existsSync(recordPath(pdf))) return undefined;
  const record = parseRecord(readFileSync(recordPath(pdf), 'utf8'));
  // The id hashes every content file: asked for only when there is a PDF to compare it with.
  if (!record || record.buildId !== (typeof buildId === 'string' ? buildId : buildId()) || statSync(pdf).size !== record.bytes) return undefined;
  return record;
}
