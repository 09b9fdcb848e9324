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
 *
 * At 10,000 sources the worker is the slower of the two: the pages catch up with it and the
 * main thread waited for it a third of the rendering. So the items are claimed, one by one,
 * in a shared array: the worker claims each before formatting it, and a page that has to wait
 * for an item the worker holds formats the next free item itself meanwhile (and the worker
 * skips it), while a page that finds its own item not yet claimed takes it and formats it in
 * place. Every entry is still formatted once, by the same code, wherever it is formatted.
 */

export type CiteFormat = 'text' | 'html';
export interface CiteJob {
  items: CslItem[];
  styles: string[];
  formats: CiteFormat[];
}

/** What a worker is given: its share of the items, their places in the claims, and the claims. */
export interface WorkerJob extends CiteJob {
  /** For each of `items`, its index in the job (and in `claims`). */
  index: number[];
  /** One Int32 per item of the job (FREE, WORKER or PAGE), then the FLUSH request. */
  claims: SharedArrayBuffer;
}

export const FREE = 0;
export const WORKER = 1;
export const PAGE = 2;

export type Formatter = (item: CslItem, style: string, format: CiteFormat) => string;

const KEY = Symbol.for('dossier.precomputed-citations');
const FORMATTER = Symbol.for('dossier.citation-formatter');
interface Precomputed {
  done: Map<string, string>;
  /** Keys a running worker will still deliver, with whoever waits for them. */
  expected: Map<string, (() => void)[]>;
  pending?: Promise<void>;
  job: CiteJob;
  claims: Int32Array;
  /** The job's item index of each key. */
  itemOf: Map<string, number>;
  /** Items the pages formatted themselves. */
  byPages: number;
}
type WithCitations = typeof globalThis & { [KEY]?: Precomputed; [FORMATTER]?: Formatter };

export const citeKey = (item: CslItem, style: string, format: CiteFormat) => `${style}\u0000${format}\u0000${JSON.stringify(item)}`;

const itemKeys = (job: CiteJob, item: CslItem) => job.styles.flatMap((s) => job.formats.map((f) => citeKey(item, s, f)));
export const jobKeys = (job: CiteJob) => job.items.flatMap((i) => itemKeys(job, i));

/** Entries per message from a worker: small enough that pages rarely wait, large enough to be cheap. */
export const CHUNK = 25;

/** How the pages format an entry themselves (src/lib/cite/format.ts registers it as it loads). */
export function setCiteFormatter(format: Formatter): void {
  (globalThis as WithCitations)[FORMATTER] = format;
}

/**
 * Start formatting in `threads` workers, each taking every n-th item so all of them begin with
 * the first pages. Resolves (never rejects) with how many citations came back.
 */
export function startPrecompute(job: CiteJob, workerFile: URL, threads = 1): Promise<number> {
  const claims = new SharedArrayBuffer(4 * (job.items.length + 1));
  const itemOf = new Map<string, number>();
  job.items.forEach((item, i) => itemKeys(job, item).forEach((k) => itemOf.set(k, i)));
  const state: Precomputed = { done: new Map(), expected: new Map(jobKeys(job).map((k) => [k, []])), job, claims: new Int32Array(claims), itemOf, byPages: 0 };
  (globalThis as WithCitations)[KEY] = state;
  const deliver = (entries: [string, string][]) => {
    for (const [k, v] of entries) {
      state.done.set(k, v);
      for (const wake of state.expected.get(k) ?? []) wake();
      state.expected.delete(k);
    }
  };
  const one = (index: number[]) =>
    new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        const share: WorkerJob = { ...job, items: index.map((i) => job.items[i]), index, claims };
        worker = new Worker(workerFile, { workerData: share });
      } catch {
        return resolve();
      }
      worker.on('message', deliver);
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    });
  const n = Math.max(1, threads);
  const shares = Array.from({ length: n }, (_, t) => job.items.map((_, i) => i).filter((i) => i % n === t));
  const pending = Promise.all(shares.map(one)).then(() => {
    // Whatever a failed worker never delivered is formatted in place by whoever waited for it.
    for (const wakers of state.expected.values()) for (const wake of wakers) wake();
    state.expected.clear();
    state.pending = undefined;
  });
  state.pending = pending;
  return pending.then(() => state.done.size);
}

/** A citation formatted by a worker, if it has arrived. */
export function precomputed(key: string): string | undefined {
  return (globalThis as WithCitations)[KEY]?.done.get(key);
}

/** How many items the pages formatted themselves rather than wait for a worker. */
export function formattedByPages(): number {
  return (globalThis as WithCitations)[KEY]?.byPages ?? 0;
}

/** Who holds item `i` of the running job (FREE, WORKER or PAGE); for tests. */
export function claimOf(i: number): number | undefined {
  const claims = (globalThis as WithCitations)[KEY]?.claims;
  return claims ? Atomics.load(claims, i) : undefined;
}

/** Take an item for the pages if no worker has it; its keys then are no longer expected. */
function claimForPage(state: Precomputed, i: number): boolean {
  if (Atomics.compareExchange(state.claims, i, FREE, PAGE) !== FREE) return false;
  state.byPages++;
  for (const k of itemKeys(state.job, state.job.items[i])) {
    for (const wake of state.expected.get(k) ?? []) wake();
    state.expected.delete(k);
  }
  return true;
}

/**
 * Wait until a running worker has delivered this entry (or given up); at once if none will. An
 * item no worker has started is taken by the page, which then formats it in place; while waiting
 * for one a worker holds, the next free item is formatted here, so neither side stands idle.
 */
export function precomputeReady(key: string): Promise<void> {
  const state = (globalThis as WithCitations)[KEY];
  const waiters = state?.expected.get(key);
  if (!state || !waiters) return Promise.resolve();
  const i = state.itemOf.get(key)!;
  if (claimForPage(state, i)) return Promise.resolve();
  const waiting = new Promise<void>((resolve) => waiters.push(resolve));
  // Ask the worker to send what it has as soon as this entry is done, rather than at the end of its chunk.
  Atomics.store(state.claims, state.job.items.length, 1);
  Atomics.notify(state.claims, state.job.items.length);
  workAhead(state, i);
  return waiting;
}

/** Format the first free item after `i` on this thread and hand its entries over as a worker would. */
function workAhead(state: Precomputed, i: number): void {
  const format = (globalThis as WithCitations)[FORMATTER];
  if (!format) return;
  for (let j = i + 1; j < state.job.items.length && j <= i + 2 * CHUNK; j++) {
    if (state.claims[j] !== FREE || !claimForPage(state, j)) continue;
    const item = state.job.items[j];
    for (const style of state.job.styles) for (const f of state.job.formats) state.done.set(citeKey(item, style, f), format(item, style, f));
    return;
  }
}

/** Wait for every running worker to finish. */
export async function precomputeSettled(): Promise<void> {
  await (globalThis as WithCitations)[KEY]?.pending;
}
