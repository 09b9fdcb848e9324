import type { Dossier } from '../graph/types.ts';
import { takeHandoff } from './handoff.ts';
import { contentDir } from './location.ts';
import { verifyContent } from './verify.ts';

/**
 * The verified graph for integrations that run after the pages (citation and capture files, the
 * search index): the preflight's graph when no file has changed since, otherwise the folder read
 * and verified again. Reading it again costs as much as the preflight itself (seconds at 1,000
 * sources, over a minute at 10,000), so every integration takes the hand-off first.
 */
export function currentDossier(dir = contentDir()): Dossier {
  const handed = takeHandoff(dir);
  // A hand-off without a graph is the dev server's failed verification: no need to repeat it.
  const dossier = handed ? handed.verified.dossier : verifyContent(dir).dossier;
  if (!dossier) throw new Error(`the content in ${dir} no longer verifies; run npm run check`);
  return dossier;
}
