import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { exportDossier } from '../lib/export/graph.ts';

/** The whole verified graph; its schema is /dossier.schema.json (see docs/data.md). */
export const GET: APIRoute = async () => {
  const dossier = await getDossier();
  return new Response(`${JSON.stringify(exportDossier(dossier), null, 1)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
