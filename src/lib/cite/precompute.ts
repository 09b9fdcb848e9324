import { Worker } from 'node:worker_threads';
import type { CslItem } from './csl.ts';

/*
 * citeproc is the largest single cost of a large build (milliseconds per entry and style),
 * and it needs nothing but the CSL items, which are known as soon as the preflight has
 * verified the content. So the preflight starts worker threads that format every entry
 * while Astro syncs content and bundles the pages, and stream the entries back in page
 * order, so a page waits at most for its own entry. Like the preflight hand-off, the
 * results live on a global because the config and the bundled page code are separate
 * module graphs in one process. Anything missing (no worker, a failed worker, an item the
 * job did not hold) is simply formatted in place.
 */

export type CiteFormat = 'text' | 'html';
export interface CiteJob {
  items: CslItem[];
  styles: string[];
  formats: CiteFormat[];
}

const KEY = Symbol.for('dossier.precomputed-citations');
interface Precomputed {
  done: Map<string, string>;
  /** Keys a running worker will still deliver, with whoever waits for them. */
  expected: Map<string, (() => void)[]>;
  pending?: Promise<void>;
}
type WithCitations = typeof globalThis & { [KEY]?: Precomputed };

export const citeKey = (item: CslItem, style: string, format: CiteFormat) => `${style}\u0000${format}\u0000${JSON.stringify(item)}`;

export const jobKeys = (job: CiteJob) => job.items.flatMap((i) => job.styles.flatMap((s) => job.formats.map((f) => citeKey(i, s, f))));

/** Entries per message from a worker: small enough that pages rarely wait, large enough to be cheap. */
export const CHUNK = 25;

/**
 * Start formatting in `threads` workers, each taking every n-th item so all of them begin with
 * the first pages. Entries found in `cached` (kept from an earlier build, cache.ts) are ready at
 * once, and only the items missing one go to the workers. Resolves (never rejects) with how many
 * citations are ready, cached or formatted.
 */
export function startPrecompute(job: CiteJob, workerFile: URL, threads = 1, cached: ReadonlyMap<string, string> = new Map()): Promise<number> {
  const keys = jobKeys(job);
  const state: Precomputed = {
    done: new Map(keys.flatMap((k) => (cached.has(k) ? [[k, cached.get(k)!] as [string, string]] : []))),
    expected: new Map(keys.filter((k) => !cached.has(k)).map((k) => [k, []])),
  };
  (globalThis as WithCitations)[KEY] = state;
  const missing = job.items.filter((i) => job.styles.some((s) => job.formats.some((f) => !cached.has(citeKey(i, s, f)))));
  if (missing.length === 0) return Promise.resolve(state.done.size);
  job = { ...job, items: missing };
  const deliver = (entries: [string, string][]) => {
    for (const [k, v] of entries) {
      state.done.set(k, v);
      for (const wake of state.expected.get(k) ?? []) wake();
      state.expected.delete(k);
    }
  };
  const one = (items: CslItem[]) =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(workerFile, { workerData: { ...job, items } });
      } catch {
        return resolve();
      }
      worker.on('message', deliver);
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
  const shares = Array.from({ length: Math.max(1, threads) }, (_, t) => job.items.filter((_, i) => i % Math.max(1, threads) === t));
  const pending = Promise.all(shares.map(one)).then(() => {
    // Whatever a failed worker never delivered is formatted in place by whoever waited for it.
    for (const wakers of state.expected.values()) for (const wake of wakers) wake();
    state.expected.clear();
    state.pending = undefined;
  });
  state.pending = pending;
  return pending.then(() => state.done.size);
}

/** Every citation ready so far, for the cache of the next build. */
export function precomputedEntries(): [string, string][] {
  return [...((globalThis as WithCitations)[KEY]?.done ?? [])];
}

/** A citation formatted by a worker, if it has arrived. */
export function precomputed(key: string): string | undefined {
  return (globalThis as WithCitations)[KEY]?.done.get(key);
}

/** Wait until a running worker has delivered this entry (or given up); at once if none will. */
export function precomputeReady(key: string): Promise<void> {
  const waiters = (globalThis as WithCitations)[KEY]?.expected.get(key);
  if (!waiters) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/** Wait for every running worker to finish. */
export async function precomputeSettled(): Promise<void> {
  await (globalThis as WithCitations)[KEY]?.pending;
}
