import type { APIRoute } from 'astro';
import { getDossier } from '../../lib/dossier.ts';
import { citableItems } from '../../lib/cite/items.ts';
import { citeDownload } from '../../lib/cite/downloads.ts';

const download = citeDownload('json');

/** /cite/<id>.json for the dossier, every source and every claim (claim-<id>). */
export async function getStaticPaths() {
  return citableItems(await getDossier()).map((item) => ({ params: { id: item.id }, props: { item } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(download.render(props.item), { headers: { 'Content-Type': download.type } });
