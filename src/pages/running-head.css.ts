import type { APIRoute } from 'astro';
import { getDossier } from '../lib/dossier.ts';
import { runningHeadCss } from '../lib/print/plan.ts';

/** The dossier's title in the top margin of printed pages, as a file so no page needs an inline style. */
export const GET: APIRoute = async () => {
  const { settings } = await getDossier();
  return new Response(runningHeadCss(settings.title), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
