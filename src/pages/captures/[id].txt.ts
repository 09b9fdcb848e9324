import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { getDossier } from '../../lib/dossier.ts';

export async function getStaticPaths() {
  const dossier = await getDossier();
  return [...dossier.captures.keys()].map((id) => ({ params: { id } }));
}

/** The raw capture, byte for byte, so readers can check its SHA-256 themselves. */
export const GET: APIRoute = async ({ params }) => {
  const dossier = await getDossier();
  const capture = dossier.captures.get(params.id!)!;
  // Read the file itself, not its decoded text, so the download is byte-identical to the capture.
  return new Response(readFileSync(capture.file), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
