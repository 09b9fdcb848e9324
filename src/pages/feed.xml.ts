import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { feedItems } from '../lib/meta/feed.ts';

export const GET: APIRoute = async () => {
  const dossier = await getDossier();
  const { settings } = dossier;
  return rss({
    title: settings.title,
    description: settings.description,
    site: settings.site,
    items: feedItems(dossier),
    customData: `<language>${settings.language}</language>`,
  });
};
