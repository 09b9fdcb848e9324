import { resolve } from 'node:path';

/**
 * The content folder. DOSSIER_CONTENT points the whole engine at another dossier
 * (a test fixture, a benchmark corpus) without touching src/content.
 */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.DOSSIER_CONTENT || 'src/content');
}
