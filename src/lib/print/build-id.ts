import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { notContent } from '../content/location.ts';
import { takeHandoff, type Handoff } from '../content/handoff.ts';

/**
 * The build identifier printed on the cover and stored with the PDF: a hash of every file of the
 * content folder (path and bytes). The same content always gives the same id, so a PDF kept from
 * an earlier run can be recognised as the edition of the site being built.
 */
export function contentBuildId(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir, notContent(dir))) {
    hash.update(relative(dir, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function filesUnder(dir: string, skip: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((e) => !skip(join(dir, e.name)))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), skip) : e.isFile() ? [join(dir, e.name)] : []));
}

const memo = new Map<string, { from?: Handoff; id: string }>();

/**
 * contentBuildId, computed once per folder per process (every page of a build shows it), and
 * again in `astro dev` when a save has handed over new content (src/integrations/dev-reload.ts).
 */
export function buildIdOnce(dir: string): string {
  const from = takeHandoff(dir);
  const kept = memo.get(dir);
  if (kept && (!from || kept.from === from)) return kept.id;
  const id = contentBuildId(dir);
  memo.set(dir, { from, id });
  return id;
}
