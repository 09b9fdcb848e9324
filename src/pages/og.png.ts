import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { getDossier } from '../lib/dossier.ts';
import { ogCardSvg } from '../lib/meta/og-card.ts';
import { i18nFor } from '../lib/i18n/translate.ts';

/** The dossier's social preview card, generated from its settings at build time. */
export const GET: APIRoute = async () => {
  const { settings } = await getDossier();
  const svg = ogCardSvg({ kicker: i18nFor(settings).t('home.kicker'), title: settings.title, subtitle: settings.subtitle, footer: new URL(settings.site).host });
  const png = await sharp(Buffer.from(svg)).png({ palette: true, compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
