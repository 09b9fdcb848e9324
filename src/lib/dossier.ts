import { getCollection, type CollectionEntry } from 'astro:content';
import type { Dossier } from './graph/types.ts';
import { DossierError } from './problems.ts';
import { takeHandoff } from './content/handoff.ts';
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
let cached: Promise<Dossier> | undefined;

export function getDossier(): Promise<Dossier> {
  cached ??= Promise.resolve().then(load);
  return cached;
}

function load(): Dossier {
  const dir = contentDir();
  const handed = takeHandoff(dir)?.verified.dossier;
  if (handed) return handed;
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
