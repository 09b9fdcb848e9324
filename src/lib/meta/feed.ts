import type { Dossier } from '../graph/types.ts';
import { formatDate } from '../format/date.ts';
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
  const edition: FeedItem = {
    title: `Edition of ${formatDate(settings.edition)}`,
    // The fragment keeps each edition's entry distinct in feed readers, which key items by link.
    link: siteLink(settings, `/#edition-${settings.edition}`),
    pubDate: at(settings.edition),
    description: `${settings.title}: ${dossier.sources.size} captured sources, ${dossier.claims.size} claims, ${dossier.responses.size} responses.`,
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
