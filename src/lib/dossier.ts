import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import { buildGraph } from './graph/build.ts';
import type { Dossier, GraphInput, Located } from './graph/types.ts';
import { DossierError } from './problems.ts';
import { takeHandoff } from './content/handoff.ts';
import { contentDir } from './content/location.ts';

export type * from './graph/types.ts';

/*
 * The one place pages get data from. The graph is loaded and verified once per build
 * and shared by every page; pages never call getCollection themselves.
 */
let cached: Promise<Dossier> | undefined;

export function getDossier(): Promise<Dossier> {
  // In a build the preflight verifier has already built this very graph from the same files.
  cached ??= Promise.resolve(takeHandoff(contentDir())?.verified.dossier).then((d) => d ?? load());
  return cached;
}

async function all<K extends CollectionKey>(name: K): Promise<Located<CollectionEntry<K>['data']>[]> {
  const entries = await getCollection(name);
  return entries.map((e) => ({ id: e.id, file: ('filePath' in e && e.filePath) || `${name}/${e.id}`, data: e.data, body: 'body' in e ? e.body : undefined }));
}

async function load(): Promise<Dossier> {
  const [settings, outlets, actors, events, context, captures, sources, claims, responses, pages] = await Promise.all([
    all('dossier'), all('outlets'), all('actors'), all('events'), all('context'), all('captures'), all('sources'), all('claims'), all('responses'), all('pages'),
  ]);
  const input: GraphInput = {
    settings: settings[0], outlets, actors, events, context, sources, claims, responses, pages,
    captures: captures.map((c) => c.data),
  };
  const { dossier, problems } = buildGraph(input);
  if (!dossier) throw new DossierError(problems.length ? problems : [{ file: 'src/content/dossier.yaml', message: 'is missing', fix: 'Create it.' }]);
  return dossier;
}

/** The MDX analysis pages as content entries, for rendering; their metadata is in the Dossier. */
export async function getAnalysisEntries(): Promise<CollectionEntry<'pages'>[]> {
  const dossier = await getDossier();
  const entries = await getCollection('pages');
  return entries.sort((a, b) => (dossier.pages.get(a.id)?.data.order ?? 0) - (dossier.pages.get(b.id)?.data.order ?? 0));
}
