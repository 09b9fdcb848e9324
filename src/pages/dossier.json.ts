import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { exportDossier } from '../lib/export/graph.ts';
import { jsonStream } from '../lib/export/json-chunks.ts';

/**
 * The whole verified graph; its schema is /dossier.schema.json (see docs/data.md). Streamed in
 * pieces: past about 55,000 sources the text is longer than one JavaScript string can be.
 */
export const GET: APIRoute = async () => {
  const dossier = await getDossier();
  return new Response(jsonStream(exportDossier(dossier)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
