import { basename, dirname, join, resolve } from 'node:path';
import { REMOVING } from '../discard.ts';

/**
 * The content folder. DOSSIER_CONTENT points the whole engine at another dossier
 * (a test fixture, a benchmark corpus) without touching src/content.
 */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.DOSSIER_CONTENT || 'src/content');
}

/** Astro's cache folder for the current content folder. */
export function cacheDirFor(root = process.cwd()): string {
  if (process.env.DOSSIER_CACHE_DIR) return process.env.DOSSIER_CACHE_DIR;
  const dir = contentDir(root);
  if (dir === resolve(root, 'src/content')) return './node_modules/.astro';
  let h = 0;
  for (const ch of dir) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `./node_modules/.astro/dossier-${h.toString(36)}`;
}

/**
 * What a walk over every file of a dossier folder must pass by: the built site when it lies inside
 * the folder (a dossier of its own builds into <folder>/dist/ by default; atomic publishing adds
 * .staging and .old beside it, and .removing-<hex> while a replaced one is removed) and hidden
 * folders (.git, and .dossier with the kept PDF). Without this, each build changed the content's
 * own fingerprint and build id.
 */
export function notContent(dir: string, root = process.cwd()): (path: string) => boolean {
  const outs = [resolve(root, process.env.DOSSIER_OUT_DIR || 'dist'), join(dir, 'dist')];
  // The portable edition is written beside the output folder (src/lib/portable/edition.ts), so inside a dossier folder too.
  const portable = outs.flatMap((o) => ['dossier-portable', 'dossier-portable.zip'].map((n) => join(dirname(o), n)));
  const skip = new Set([...outs, ...portable].flatMap((o) => [o, `${o}.staging`, `${o}.old`]));
  // A replaced output folder is removed in the background under a name of its own (src/lib/discard.ts).
  const removing = [...outs, ...portable].map((o) => `${o}${REMOVING}`);
  return (path) => skip.has(path) || removing.some((r) => path.startsWith(r)) || (dirname(path) === dir && basename(path).startsWith('.'));
}
