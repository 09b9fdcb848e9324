import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';
import { withBuildLock, withBuildLockAsync } from './build-lock.ts';

/** Astro's command line, run by the pinned Node (process.execPath), as `npm run build` runs it. */
export const ASTRO = resolve('node_modules/astro/bin/astro.mjs');

/** The environment of a build of the dossier in `content` into `out`, with an Astro cache of its own unless given one. */
export function buildEnv(content: string, out: string, cache = `${out}-cache`, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT_DIR: out, DOSSIER_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', ...extra };
}

/** `astro build` of the dossier in `content` into `out`, under the build lock; its output is kept for the test to read. */
export function buildDossier(content: string, out: string, cache?: string): SpawnSyncReturns<string> {
  return withBuildLock(() => spawnSync(process.execPath, [ASTRO, 'build'], { env: buildEnv(content, out, cache), encoding: 'utf8' }));
}

/**
 * The same, waiting for the lock and building without blocking the event loop: for a test whose
 * site server runs in this process, and must keep answering a browser while the next edition builds.
 */
export function buildDossierAsync(content: string, out: string, cache?: string, extra: Record<string, string> = {}): Promise<{ status: number | null; stderr: string }> {
  return withBuildLockAsync(() => new Promise((resolve) => {
    const child = spawn(process.execPath, [ASTRO, 'build'], { env: buildEnv(content, out, cache, extra), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (e) => resolve({ status: null, stderr: `${stderr}${e.message}` }));
    child.on('close', (status) => resolve({ status, stderr }));
  }));
}
