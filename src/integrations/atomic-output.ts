import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discard, sweep } from '../lib/discard.ts';
import { searchIndexWritten } from './search-written.ts';

/**
 * Builds into a staging folder and swaps it in only when every other integration has finished,
 * so a failed or killed build never leaves a half-written site where the last good one was.
 * List it last: Astro runs `astro:build:done` hooks in order.
 */
export default function atomicOutput(): AstroIntegration {
  let finalDir = '';
  let stagingDir = '';
  return {
    name: 'dossier:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = publishedDir(config.outDir);
        stagingDir = stagingDirOf(finalDir);
        recover(finalDir);
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: new URL(`file://${stagingDir}/`) });
      },
      'astro:build:done': async ({ logger }) => {
        // Pagefind may still be writing if no step before this one read the index.
        await searchIndexWritten();
        swapIn(stagingDir, finalDir);
        logger.info(`published ${finalDir}`);
      },
    },
  };
}

const STAGING = '.staging';

/** Where a build of `finalDir` is written until it is swapped in. */
export function stagingDirOf(finalDir: string): string {
  return `${finalDir}${STAGING}`;
}

/**
 * The folder a build publishes to, from any integration's view of `config.outDir`: the ones
 * after this one see the staging folder, and must still know where the site will land.
 */
export function publishedDir(outDir: URL): string {
  const dir = fileURLToPath(outDir).replace(/\/$/, '');
  return dir.endsWith(STAGING) ? dir.slice(0, -STAGING.length) : dir;
}

/**
 * A build killed between the two renames of a swap leaves only `<dir>.old`: put it back. Folders
 * that earlier builds left to remove in the background and that are still there are removed again.
 */
export function recover(finalDir: string): void {
  const old = `${finalDir}.old`;
  if (!existsSync(finalDir) && existsSync(old)) renameSync(old, finalDir);
  rmSync(old, { recursive: true, force: true });
  sweep(finalDir);
}

/**
 * Puts `stagingDir` in the place of `finalDir` with two renames; the folder it replaces is removed
 * in the background (src/lib/discard.ts), so the build does not wait for it.
 */
export function swapIn(stagingDir: string, finalDir: string): void {
  const old = `${finalDir}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(finalDir)) renameSync(finalDir, old);
  renameSync(stagingDir, finalDir);
  discard(old, finalDir);
}
