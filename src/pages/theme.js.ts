import type { APIRoute } from 'astro';
import { themeScript } from '../lib/theme/toggle.ts';

/** The reader's saved theme, applied in <head> before the first paint (src/lib/theme/toggle.ts). */
export const GET: APIRoute = () => new Response(themeScript(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
