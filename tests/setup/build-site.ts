import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { removeFully } from '../../src/lib/discard.ts';

// Per run, so that two test runs on one machine never build into the same folder.
const OUT = resolve(`tests/.out/run-${process.pid}`);
export const SITE_DIR = `${OUT}/site`;
const LOG = `${OUT}/build.log`;

/** Build the real dossier once for every build and browser test. */
export default function setup(project: TestProject) {
  removeFully(OUT);
  mkdirSync(OUT, { recursive: true });
  // The log is kept for tests/build/build-log.test.ts, and shown whole if the build fails.
  const log = openSync(LOG, 'w');
  try {
    execFileSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      env: { ...process.env, DOSSIER_OUT_DIR: SITE_DIR, DOSSIER_CACHE_DIR: `${OUT}/cache`, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', log, log],
    });
  } catch (error) {
    process.stderr.write(readFileSync(LOG, 'utf8'));
    throw error;
  } finally {
    closeSync(log);
  }
  project.provide('siteDir', SITE_DIR);
  project.provide('buildLog', LOG);
  return () => removeFully(OUT);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    buildLog: string;
  }
}
