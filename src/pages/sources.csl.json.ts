import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { sourcesCsl } from '../lib/cite/csl.ts';
import { toCslJson } from '../lib/cite/format.ts';

export const GET: APIRoute = async () =>
  new Response(toCslJson(sourcesCsl(await getDossier())), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
