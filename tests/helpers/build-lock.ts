import { mkdirSync, rmSync, statSync } from 'node:fs';

/*
 * Astro writes .astro/content-modules.mjs at the project root whatever the content folder, so
 * two builds of different dossiers running at once (in parallel test files) can render each
 * other's MDX pages. Tests that build take this cross-process lock.
 */
const LOCK = 'tests/.out/build.lock';
const STALE_MS = 15 * 60_000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquire(): void {
  mkdirSync('tests/.out', { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      pause(200);
    }
  }
}

const release = () => rmSync(LOCK, { recursive: true, force: true });

export function withBuildLock<T>(fn: () => T): T {
  acquire();
  try {
    return fn();
  } finally {
    release();
  }
}

export async function withBuildLockAsync<T>(fn: () => Promise<T>): Promise<T> {
  acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}
