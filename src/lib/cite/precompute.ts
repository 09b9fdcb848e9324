import { Worker } from 'node:worker_threads';
import type { CslItem } from './csl.ts';

/*
 * citeproc is the largest single cost of a large build (milliseconds per entry and style),
 * and it needs nothing but the CSL items, which are known as soon as the preflight has
 * verified the content. So the preflight starts a worker thread that formats every entry
 * while Astro syncs content and bundles the pages; the pages then find the entries ready.
 * Like the preflight hand-off, the result lives on a global because the config and the
 * bundled page code are separate module graphs in one process. Anything missing (no
 * worker, a failed worker, a different item) is simply formatted in place.
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
  pending?: Promise<void>;
}
type WithCitations = typeof globalThis & { [KEY]?: Precomputed };

export const citeKey = (item: CslItem, style: string, format: CiteFormat) => `${style}\u0000${format}\u0000${JSON.stringify(item)}`;

/** Start formatting in a worker; resolves (never rejects) with how many citations came back. */
export function startPrecompute(job: CiteJob, workerFile: URL): Promise<number> {
  const state: Precomputed = { done: new Map() };
  (globalThis as WithCitations)[KEY] = state;
  const pending = new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: job });
    } catch {
      return resolve();
    }
    worker.once('message', (entries: [string, string][]) => {
      for (const [k, v] of entries) state.done.set(k, v);
      resolve();
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  }).finally(() => {
    state.pending = undefined;
  });
  state.pending = pending;
  return pending.then(() => state.done.size);
}

/** A citation formatted by the worker, if it has finished and had this exact item. */
export function precomputed(key: string): string | undefined {
  return (globalThis as WithCitations)[KEY]?.done.get(key);
}

/** Wait for a running worker, so a page does not redo work that is nearly done. */
export async function precomputeSettled(): Promise<void> {
  await (globalThis as WithCitations)[KEY]?.pending;
}
