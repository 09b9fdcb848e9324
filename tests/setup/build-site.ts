import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

// Per run, so that two test runs on one machine never build into the same folder.
const OUT = resolve(`tests/.out/run-${process.pid}`);
export const SITE_DIR = `${OUT}/site`;

/** Build the real dossier once for every build and browser test. */
export default function setup(project: TestProject) {
  rmSync(OUT, { recursive: true, force: true });
  execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: { ...process.env, DOSSIER_OUT_DIR: SITE_DIR, DOSSIER_CACHE_DIR: `${OUT}/cache`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('siteDir', SITE_DIR);
  return () => rmSync(OUT, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
