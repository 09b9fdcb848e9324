import { getCollection, type CollectionEntry } from 'astro:content';
import type { Dossier } from './graph/types.ts';
import { DossierError } from './problems.ts';
import { settlePendingSave, takeHandoff, type Handoff } from './content/handoff.ts';
import { contentDir } from './content/location.ts';
import { verifyContent } from './content/verify.ts';

export type * from './graph/types.ts';

/*
 * The one place pages get data from. The graph is loaded and verified once per build
 * and shared by every page; pages never call getCollection themselves.
 *
 * In a build the preflight verifier (src/integrations/dossier.ts) has already read and
 * verified this very folder in this process and hands its graph over; only when it has not
 * (another process, a file changed since) is the folder read and verified again here, with
 * the same verifier, so the graph is the same either way.
 */
let cached: { from?: Handoff; dossier: Promise<Dossier> } | undefined;

/*
 * In `astro dev` the watcher (src/integrations/dev-reload.ts) stores a new hand-off at every save,
 * so a hand-off other than the one the cached graph came from means the content changed.
 */
export function getDossier(): Promise<Dossier> {
  const dir = contentDir();
  // A save the watcher has seen but not verified yet is verified now, so no page shows the dossier from before it.
  settlePendingSave();
  const from = takeHandoff(dir);
  if (!cached || (from && from !== cached.from)) cached = { from, dossier: Promise.resolve().then(() => load(dir, from)) };
  return cached.dossier;
}

function load(dir: string, from: Handoff | undefined): Dossier {
  if (from?.verified.dossier) return from.verified.dossier;
  // A failed verification handed over by the dev server: its problems, without verifying again.
  if (from) throw new DossierError(from.verified.problems);
  const { dossier, problems } = verifyContent(dir);
  if (!dossier) throw new DossierError(problems);
  return dossier;
}

/** The MDX analysis pages as content entries, for rendering; their metadata is in the Dossier. */
export async function getAnalysisEntries(): Promise<CollectionEntry<'pages'>[]> {
  const dossier = await getDossier();
  const entries = await getCollection('pages');
  return entries.sort((a, b) => (dossier.pages.get(a.id)?.data.order ?? 0) - (dossier.pages.get(b.id)?.data.order ?? 0));
}
