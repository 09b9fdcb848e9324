import type { Claim, Dossier, Source } from '../graph/types.ts';
import { siteLink } from '../cite/csl.ts';
import { archivePath, PUBLISHED } from '../capture/web/publish.ts';

type Ld = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json">. Content text may hold "</script>" or
 * "<!--"; escaping every <, > and & (and the JS line separators) means no text can end
 * the script element, while JSON parsers still read the same strings.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const names = (list: string[]) => list.map((name) => ({ '@type': 'Person', name }));

function reportRef(dossier: Dossier): Ld {
  return { '@type': 'Report', '@id': `${siteLink(dossier.settings, '/')}#dossier`, name: dossier.settings.title, url: siteLink(dossier.settings, '/') };
}

function agent(dossier: Dossier, id: string): Ld {
  const actor = dossier.actors.get(id);
  return { '@type': actor?.kind === 'person' ? 'Person' : 'Organization', name: actor?.name ?? id };
}

/**
 * The captured article as the original publication. No URL is invented: when none is known
 * the capture kept by the dossier is given as `archivedAt`.
 */
export function newsArticleLd(source: Source, dossier: Dossier): Ld {
  const outlet = dossier.outlets.get(source.outlet);
  return {
    '@type': 'NewsArticle',
    '@id': `${siteLink(dossier.settings, `/sources/${source.id}/`)}#article`,
    headline: source.title,
    datePublished: source.published.date,
    inLanguage: source.language,
    publisher: { '@type': 'Organization', name: outlet?.name ?? source.outlet, ...(outlet?.url ? { url: outlet.url } : {}) },
    ...(source.byline ? { author: { '@type': 'Person', name: source.byline } } : {}),
    ...(source.credits.length ? { sourceOrganization: source.credits.map((name) => ({ '@type': 'Organization', name })) } : {}),
    ...(source.url ? { url: source.url } : {}),
    archivedAt: source.web && source.captureFile.web ? webArchiveLd(source, dossier) : siteLink(dossier.settings, `/captures/${source.captureFile.id}.txt`),
  };
}

/** A web capture's archive: the file, its SHA-256 and when it was made (the page's access date). */
function webArchiveLd(source: Source, dossier: Dossier): Ld {
  const ext = source.captureFile.web!.ext;
  return {
    '@type': 'MediaObject',
    contentUrl: siteLink(dossier.settings, `/${archivePath(source.captureFile.id, ext)}`),
    encodingFormat: PUBLISHED[ext].type,
    sha256: source.captureFile.sha256,
    ...(source.web?.captured ? { dateCreated: source.web.captured } : {}),
  };
}

/** The home page: the dossier as a Report citing every captured article. */
export function dossierLd(dossier: Dossier): Ld {
  const { settings } = dossier;
  return {
    '@context': 'https://schema.org',
    ...reportRef(dossier),
    alternativeHeadline: settings.subtitle,
    description: settings.description,
    inLanguage: settings.language,
    dateCreated: settings.created,
    dateModified: settings.edition,
    version: settings.edition,
    editor: names(settings.editors),
    license: settings.licence,
    citation: [...dossier.sources.values()].map((s) => newsArticleLd(s, dossier)),
  };
}

/** A source page: a page of the dossier about, and based on, one captured article. */
export function sourcePageLd(source: Source, dossier: Dossier): Ld {
  const article = newsArticleLd(source, dossier);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    name: source.title,
    url: siteLink(dossier.settings, `/sources/${source.id}/`),
    description: source.summary,
    inLanguage: dossier.settings.language,
    isPartOf: reportRef(dossier),
    about: article,
    isBasedOn: { '@id': article['@id'] },
  };
}

/** A claim page: schema.org Claim, with the claimant as author and each carrying article as an appearance. */
export function claimLd(claim: Claim, dossier: Dossier): Ld {
  const articles = claim.appearances
    .map((a) => dossier.sources.get(a.source))
    .filter((s): s is Source => s !== undefined)
    .filter((s, i, all) => all.indexOf(s) === i);
  // Sources are already ordered by publication date, so the earliest comes first.
  const ordered = [...dossier.sources.values()].filter((s) => articles.includes(s));
  return {
    '@context': 'https://schema.org',
    '@type': 'Claim',
    name: claim.summary,
    text: claim.summary,
    url: siteLink(dossier.settings, `/claims/${claim.id}/`),
    dateCreated: claim.date,
    author: agent(dossier, claim.claimant),
    isPartOf: reportRef(dossier),
    appearance: ordered.map((s) => newsArticleLd(s, dossier)),
    ...(ordered.length ? { firstAppearance: newsArticleLd(ordered[0], dossier) } : {}),
  };
}
