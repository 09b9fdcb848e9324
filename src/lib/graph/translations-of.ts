import type { Dossier, Source } from './types.ts';

/** Each original's translations in the graph's order, listed once per graph rather than by a pass over every source per page. */
const translationLists = new WeakMap<Dossier, Map<string, Source[]>>();

/** The sources that are translations of `source`, in the graph's order. */
export function translationsOf(dossier: Dossier, source: Source): Source[] {
  let lists = translationLists.get(dossier);
  if (!lists) {
    lists = new Map();
    for (const s of dossier.sources.values()) {
      if (!s.translation) continue;
      const list = lists.get(s.translation.of) ?? [];
      list.push(s);
      lists.set(s.translation.of, list);
    }
    translationLists.set(dossier, lists);
  }
  return lists.get(source.id) ?? [];
}
