import type { Dossier } from '../graph/types.ts';
import { i18nFor } from '../i18n/translate.ts';
import { siteLink } from '../cite/csl.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

const at = (iso: string) => new Date(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);

/** The feed's entries: this edition of the dossier, then every source, newest first. */
export function feedItems(dossier: Dossier): FeedItem[] {
  const { settings } = dossier;
  const { t, date } = i18nFor(settings);
  const edition: FeedItem = {
    title: t('feed.edition', { date: date(settings.edition) }),
    // The fragment keeps each edition's entry distinct in feed readers, which key items by link.
    link: siteLink(settings, `/#edition-${settings.edition}`),
    pubDate: at(settings.edition),
    description: t('feed.summary', { title: settings.title, sources: dossier.sources.size, claims: dossier.claims.size, responses: dossier.responses.size }),
    categories: ['edition'],
  };
  const sources = [...dossier.sources.values()].reverse().map((s) => ({
    title: `${dossier.outlets.get(s.outlet)?.name ?? s.outlet}: ${s.title}`,
    link: siteLink(settings, `/sources/${s.id}/`),
    pubDate: at(s.published.date),
    description: s.summary,
    categories: ['source'],
  }));
  return [edition, ...sources];
}
