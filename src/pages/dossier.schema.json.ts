import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { siteLink } from '../lib/cite/csl.ts';
import { exportJsonSchema } from '../lib/export/schema.ts';

export const GET: APIRoute = async () => {
  const { settings } = await getDossier();
  return new Response(`${JSON.stringify(exportJsonSchema(siteLink(settings, '/dossier.schema.json')), null, 1)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
