import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { serve, type Served } from './serve.ts';
import { siteDir } from './site.ts';

/** The built site served on 127.0.0.1 and one Chromium, for the tests of one file. */
export function useBuiltSite(): { browser: Browser; url: string } {
  const env = {} as { browser: Browser; url: string; site?: Served };
  beforeAll(async () => {
    env.site = await serve(siteDir());
    env.url = env.site.url;
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
