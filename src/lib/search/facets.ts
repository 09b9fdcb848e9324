import type { Dossier, Source, Claim } from '../graph/types.ts';
import { en } from '../i18n/messages/en.ts';
import { i18nFor } from '../i18n/translate.ts';

/**
 * What a search result is filtered, labelled and sorted by. Pages and custom records share
 * these names, so the /search/ filters see one vocabulary: kind, outlet, event, year; date.
 */
export type SearchKind = 'source' | 'claim' | 'response' | 'analysis' | 'context';

/** English names of the kinds; a page shows its dossier's (the catalogue's searchKind.* messages). */
export const KIND_LABEL: Record<SearchKind, string> = {
  source: en['searchKind.source'],
  claim: en['searchKind.claim'],
  response: en['searchKind.response'],
  analysis: en['searchKind.analysis'],
  context: en['searchKind.context'],
};

/** The kinds' names in the dossier's language. */
export function kindLabels(dossier: Dossier): Record<SearchKind, string> {
  const { t } = i18nFor(dossier.settings);
  return Object.fromEntries(Object.keys(KIND_LABEL).map((k) => [k, t(`searchKind.${k as SearchKind}`)])) as Record<SearchKind, string>;
}

export interface Facets {
  kind: SearchKind;
  /** Further kinds the page answers to, e.g. the responses analysis is also where responses are found. */
  alsoKinds?: SearchKind[];
  outlets: string[];
  events: string[];
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of the record itself: the year filter, and the date order of /search/. */
  date?: string;
  /** A date that only places the page in the date order: an analysis page's edition, which is no year of the record. */
  sortDate?: string;
  /** A short line shown under the result title. */
  label?: string;
}

export const uniq = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

export function sourceFacets(dossier: Dossier, source: Source): Facets {
  return {
    kind: 'source',
    outlets: uniq([dossier.outlets.get(source.outlet)?.name]),
    events: uniq(source.events.map((id) => dossier.events.get(id)?.title)),
    date: source.published.date,
    label: [dossier.outlets.get(source.outlet)?.name, i18nFor(dossier.settings).date(source.published.date, source.published.precision)].filter(Boolean).join(' · '),
  };
}

export function claimFacets(dossier: Dossier, claim: Claim): Facets {
  return {
    kind: 'claim',
    outlets: uniq(claim.appearances.map((a) => outletOfSource(dossier, a.source))),
    events: uniq([dossier.events.get(claim.event)?.title]),
    date: claim.date,
    label: [dossier.actors.get(claim.claimant)?.name, i18nFor(dossier.settings).date(claim.date)].filter(Boolean).join(' · '),
  };
}

/**
 * Analysis pages sort by the edition's date, so sorting by date (which leaves out undated pages)
 * keeps them; but the edition's year is not a year of the record, so they have no year filter.
 */
export function analysisFacets(dossier: Dossier, pageId: string): Facets {
  // The engine's required "responses" page is where every response is shown (see REQUIRED_PAGES).
  const alsoKinds: SearchKind[] = pageId === 'responses' ? ['response'] : [];
  return { kind: 'analysis', alsoKinds, outlets: [], events: [], sortDate: dossier.settings.edition };
}

export function outletOfSource(dossier: Dossier, sourceId: string): string | undefined {
  const source = dossier.sources.get(sourceId);
  return source && dossier.outlets.get(source.outlet)?.name;
}

/** Pagefind filter map for facets: empty lists are left out, as Pagefind would show them as empty groups. */
export function filtersOf(f: Facets): Record<string, string[]> {
  const filters: Record<string, string[]> = { kind: [f.kind, ...(f.alsoKinds ?? [])] };
  if (f.outlets.length) filters.outlet = f.outlets;
  if (f.events.length) filters.event = f.events;
  if (f.date) filters.year = [f.date.slice(0, 4)];
  return filters;
}

/** Pagefind metadata for facets: the date order's date, the kind's label and the result's line. */
export function metaOf(f: Facets, labels: Record<SearchKind, string> = KIND_LABEL): Record<string, string> {
  const date = f.date ?? f.sortDate;
  return { ...(date ? { date } : {}), kind: labels[f.kind], ...(f.label ? { label: f.label } : {}) };
}
