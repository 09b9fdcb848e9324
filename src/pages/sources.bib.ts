import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { sourcesCsl } from '../lib/cite/csl.ts';
import { toBibtex } from '../lib/cite/format.ts';

export const GET: APIRoute = async () =>
  new Response(toBibtex(sourcesCsl(await getDossier())), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
