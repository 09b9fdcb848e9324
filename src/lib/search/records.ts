import type { Dossier } from '../graph/types.ts';
import { i18nFor } from '../i18n/translate.ts';
import { filtersOf, kindLabels, metaOf, uniq, type Facets, type SearchKind } from './facets.ts';

/** An extra page for Pagefind's `addHTMLFile`: the URL it lands on and the HTML to index. */
export interface SearchRecord {
  url: string;
  content: string;
}

/**
 * Context entries (later reporting, not captured) are sections of the /timeline/ page. Each
 * becomes a search record of its own with kind "context", so the kind filter finds them one by
 * one and a result lands on the entry. Their words weigh half as much as the page text, so the
 * captured corpus ranks ahead of reporting about it. `hasAnchor` says whether the built timeline
 * carries the entry's id: an entry whose anchor is missing gets no record rather than a dead link.
 */
export function contextRecords(dossier: Dossier, hasAnchor: (page: string, id: string) => boolean): SearchRecord[] {
  const records: SearchRecord[] = [];
  const i = i18nFor(dossier.settings);
  const labels = kindLabels(dossier);
  for (const c of dossier.context.values()) {
    const anchor = `ctx-${c.id}`;
    if (!hasAnchor('timeline', anchor)) continue;
    const events = uniq(c.claims.map((id) => dossier.claims.get(id)).map((claim) => claim && dossier.events.get(claim.event)?.title));
    const facets: Facets = { kind: 'context', outlets: [c.outlet], events, date: c.date, label: `${i.t('notCaptured')} · ${i.date(c.date, c.precision)}` };
    records.push({
      url: `/timeline/#${anchor}`,
      content: recordHtml(dossier.settings.language, `${c.outlet}: ${c.title}`, facets, [c.adds, c.reports ? i.t('search.asReported', { reports: c.reports }) : undefined], labels),
    });
  }
  return records;
}

export function recordHtml(language: string, title: string, facets: Facets, paragraphs: (string | undefined)[], labels?: Record<SearchKind, string>): string {
  const tags = [
    ...Object.entries(filtersOf(facets)).flatMap(([name, values]) => values.map((v) => `<span data-pagefind-filter="${name}">${esc(v)}</span>`)),
    ...Object.entries(metaOf(facets, labels)).map(([name, v]) => `<span data-pagefind-meta="${name}">${esc(v)}</span>`),
  ];
  const body = paragraphs.filter(Boolean).map((p) => `<p>${esc(p!)}</p>`).join('');
  return `<!doctype html><html lang="${esc(language)}"><head><title>${esc(title)}</title></head><body><article data-pagefind-body>`
    + `<div data-pagefind-ignore>${tags.join('')}</div><h1>${esc(title)}</h1><div data-pagefind-weight="0.5">${body}</div></article></body></html>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
