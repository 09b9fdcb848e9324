import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './location.ts';

/** The dossier's public URL from dossier.yaml, for canonical links; a placeholder until it is set. */
export function siteUrl(): string {
  try {
    const settings = parse(readFileSync(join(contentDir(), 'dossier.yaml'), 'utf8')) as { site?: unknown };
    if (typeof settings?.site === 'string' && /^https?:\/\//.test(settings.site)) return settings.site;
  } catch {
    // The verifier reports a missing or broken dossier.yaml with its own message.
  }
  return 'http://localhost:4321/';
}
