import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Astro writes .astro/content-modules.mjs at the project root whatever the content folder, so
 * two builds of different dossiers running at once (in parallel test files) can render each
 * other's MDX pages. Tests that build take this cross-process lock.
 *
 * It is fair: waiters take a ticket and are served in ticket order. Without that, a test file
 * that builds in a loop (the bad-input fixtures) re-took the lock the moment it let it go, and a
 * file waiting beside it could wait for minutes (an offline test ran out its time that way).
 */
const DIR = 'tests/.out/build-lock';
const LOCK = join(DIR, 'held');
const QUEUE = join(DIR, 'queue');
const STALE_MS = 15 * 60_000;
const blockFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
let issued = 0;

/** A ticket sorts by the time it was taken, then by process and count. */
function takeTicket(): string {
  mkdirSync(QUEUE, { recursive: true });
  // Worker threads share a pid: the count and a random part keep their tickets apart.
  const name = `${String(Date.now()).padStart(15, '0')}-${String(process.pid).padStart(8, '0')}-${String(issued++).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(join(QUEUE, name), '');
  return name;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Try once: true if this ticket is first in line and the lock was free. Drops tickets of processes that died. */
function tryAcquire(ticket: string): boolean {
  // Someone cleared the folder (tests/.out removed by hand): stand in line again.
  mkdirSync(QUEUE, { recursive: true });
  writeFileSync(join(QUEUE, ticket), '', { flag: 'a' });
  const first = readdirSync(QUEUE).sort().find((t) => {
    if (t === ticket || alive(Number(t.split('-')[1]))) return true;
    rmSync(join(QUEUE, t), { force: true });
    return false;
  });
  if (first !== ticket) return false;
  try {
    mkdirSync(LOCK);
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    return false;
  }
  rmSync(join(QUEUE, ticket), { force: true });
  return true;
}

const release = () => rmSync(LOCK, { recursive: true, force: true });

/** Runs a synchronous build under the lock. Waiting blocks the thread: use the async form where a server shares it. */
export function withBuildLock<T>(fn: () => T): T {
  const ticket = takeTicket();
  while (!tryAcquire(ticket)) blockFor(100);
  try {
    return fn();
  } finally {
    release();
  }
}

/** The same, waiting without blocking the event loop, so a server in this process keeps answering meanwhile. */
export async function withBuildLockAsync<T>(fn: () => Promise<T>): Promise<T> {
  const ticket = takeTicket();
  while (!tryAcquire(ticket)) await sleep(100);
  try {
    return await fn();
  } finally {
    release();
  }
}
