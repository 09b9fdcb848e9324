import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launch } from './browser.ts';
import { buildDossier } from './build.ts';
import { serve, type Served } from './serve.ts';
import { removeFully } from '../../src/lib/discard.ts';

/**
 * For a browser test of a dossier other than the real one: before the file, prepare its folder,
 * build it into `out`, serve it and start Chromium; after the file, undo it all and remove `remove`.
 */
export function useOtherDossier(content: string, out: string, remove: string[], prepare?: () => void): { site: Served; browser: Browser } {
  const env = {} as { site: Served; browser: Browser };
  beforeAll(async () => {
    prepare?.();
    const run = buildDossier(content, out);
    expect(run.status, run.stderr).toBe(0);
    env.site = await serve(out);
    env.browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
    for (const d of remove) removeFully(d);
  });
  return env;
}
