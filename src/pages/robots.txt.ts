import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { siteLink } from '../lib/cite/csl.ts';

export const GET: APIRoute = async () => {
  const { settings } = await getDossier();
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteLink(settings, '/sitemap-index.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
