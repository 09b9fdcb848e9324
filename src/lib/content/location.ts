import { resolve } from 'node:path';

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
