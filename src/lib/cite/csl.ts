import { archivePath } from '../capture/web/publish.ts';
import type { DossierSettings } from '../schemas/index.ts';
import type { Claim, Dossier, Source } from '../graph/types.ts';
import { formatDate } from '../format/date.ts';

/** A CSL-JSON item: the subset of fields the dossier fills. */
export interface CslItem {
  id: string;
  'citation-key'?: string;
  type: string;
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: { literal: string }[];
  editor?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  language?: string;
  genre?: string;
  medium?: string;
  note?: string;
}

/** "2017-11" → [[2017, 11]]: only the parts the date actually states. */
export function dateParts(iso: string, precision: 'day' | 'month' | 'year' = 'day'): { 'date-parts': number[][] } {
  const parts = iso.split('-').map(Number);
  const keep = { year: 1, month: 2, day: 3 }[precision];
  return { 'date-parts': [parts.slice(0, keep)] };
}

/** Absolute URL of a path on the dossier's site. */
export function siteLink(settings: DossierSettings, path: string): string {
  return new URL(path.replace(/^\//, ''), settings.site.endsWith('/') ? settings.site : `${settings.site}/`).href;
}

const literal = (names: string[]) => names.map((n) => ({ literal: n }));

/**
 * The captured article itself, as the original publication. A byline becomes the author;
 * wire credits are not authors, so they go into the note with the capture record, which
 * stands in for an accessed date when no original URL is known.
 */
export function sourceCsl(source: Source, dossier: Dossier): CslItem {
  const outlet = dossier.outlets.get(source.outlet);
  const web = source.web && source.captureFile.web;
  // A web capture is cited by its archive, which readers can replay; a text capture by its file.
  const capture = siteLink(dossier.settings, web ? `/${archivePath(source.captureFile.id, source.captureFile.web!.ext)}` : `/captures/${source.captureFile.id}.txt`);
  const note = [
    source.credits.length ? `Credits: ${source.credits.join(', ')}.` : '',
    source.url ? '' : 'No original URL is known.',
    `Cited from the capture kept with the dossier: ${capture} (SHA-256 ${source.captureFile.sha256}).`,
  ].filter(Boolean).join(' ');
  return {
    id: source.id,
    'citation-key': source.id,
    type: 'article-newspaper',
    title: source.title,
    'container-title': outlet?.name ?? source.outlet,
    ...(source.byline ? { author: literal([source.byline]) } : {}),
    issued: dateParts(source.published.date, source.published.precision),
    ...(source.url ? { URL: source.url } : {}),
    // The archive's capture time is when the page was read: "Retrieved …" (APA), "Accessed …" (MLA, Chicago).
    ...(source.web?.captured ? { accessed: dateParts(source.web.captured.slice(0, 10), 'day') } : {}),
    language: source.language,
    note,
  };
}

/** The dossier as a whole: its editors, the date of this edition and its site. */
export function dossierCsl(settings: DossierSettings): CslItem {
  return {
    id: 'dossier',
    'citation-key': 'dossier',
    type: 'webpage',
    title: settings.title,
    editor: literal(settings.editors),
    issued: dateParts(settings.edition),
    URL: siteLink(settings, '/'),
    genre: 'Evidence dossier',
    language: settings.language,
    note: `Edition of ${formatDate(settings.edition)}. ${settings.licence}.`,
  };
}

/** One claim's page in the dossier, cited as an entry of the dossier. */
export function claimCsl(claim: Claim, dossier: Dossier): CslItem {
  const { settings } = dossier;
  const claimant = dossier.actors.get(claim.claimant)?.name ?? claim.claimant;
  return {
    id: `claim-${claim.id}`,
    'citation-key': `claim-${claim.id}`,
    type: 'entry',
    title: claim.summary,
    'container-title': settings.title,
    editor: literal(settings.editors),
    issued: dateParts(settings.edition),
    URL: siteLink(settings, `/claims/${claim.id}/`),
    language: settings.language,
    note: `Claim by ${claimant}, ${formatDate(claim.date)}, as carried by ${claim.appearances.length} captured source${claim.appearances.length === 1 ? '' : 's'}.`,
  };
}

export function sourcesCsl(dossier: Dossier): CslItem[] {
  return [...dossier.sources.values()].map((s) => sourceCsl(s, dossier));
}
