import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzip } from '../../src/lib/portable/zip.ts';
import { siteDir } from './site.ts';
import { removeFully } from '../../src/lib/discard.ts';

/** The portable zip the test build wrote beside its site (src/integrations/portable.ts). */
export const portableZip = (): string => join(dirname(siteDir()), 'dossier-portable.zip');

/** Unzips the portable edition into a fresh temporary folder, as a reader would; returns the folder and a remover. */
export function unzipEdition(zip = portableZip()): { dir: string; data: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-portable-'));
  for (const [name, bytes] of unzip(readFileSync(zip))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return { dir, data: join(dir, 'dossier-portable', 'data'), remove: () => removeFully(dir) };
}
