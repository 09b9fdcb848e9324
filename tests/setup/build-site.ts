import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const SITE_DIR = resolve('tests/.out/site');

/** Build the real dossier once for every build and browser test. */
export default function setup(project: TestProject) {
  rmSync(SITE_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: { ...process.env, DOSSIER_OUT_DIR: SITE_DIR, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('siteDir', SITE_DIR);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
