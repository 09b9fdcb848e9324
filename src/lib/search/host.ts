/*
 * The header search's own Pagefind, in a worker it can stop. Pagefind's Component UI sends every
 * debounced keystroke's query to Pagefind's one shared worker, which runs them in turn: each
 * prefix typed on the way to a word ("z", "zq", …) matches thousands of pages in a large dossier
 * and takes hundreds of milliseconds there, so the query for the last keystroke waited behind
 * all of them (2,967 ms at 30,000 sources), and every one of those results crossed to the page
 * whole and was released again message by message. Here:
 * - a newer query stops the worker running an older one (Worker.terminate(); nothing else can
 *   interrupt a WebAssembly call), and a spare worker, already started, takes the new query;
 * - only the first results cross to the page, with the data (fragments) of the first few, so
 *   the page's work grows with the results shown, not with the matches;
 * - the results and their order are Pagefind's own: the same code runs the same index.
 * The decisions are in SearchHost, which takes its workers from a factory (tests/unit/search-host.test.ts).
 */

/** What the page asks a search worker (host-worker.ts). */
export type HostRequest =
  | { type: 'init'; bundlePath: string; merge: string[]; language: string; options: Record<string, unknown> }
  | { type: 'search'; seq: number; term: string | null; options: Record<string, unknown>; head: number; eager: number }
  | { type: 'preload'; term: string; options: Record<string, unknown> }
  | { type: 'data'; seq: number; index: number };

/** One result as it crosses from the worker: Pagefind's fields, and its data when it was loaded eagerly. */
export interface HeadResult {
  id: string;
  score: number;
  words: number[];
  data?: unknown;
}

/** What a search worker answers. */
export type HostReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; seq: number; total: number; unfilteredResultCount: number; filters: unknown; totalFilters: unknown; head: HeadResult[] }
  | { type: 'data'; seq: number; index: number; data: unknown };

/** The part of a Worker the host uses, so tests can give it fakes. */
export interface WorkerLike {
  postMessage(message: HostRequest): void;
  terminate(): void;
  onmessage: ((event: { data: HostReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** A result as Pagefind's search API gives it: the UI reads `id`, `score` and `data()`. */
export interface HostResult {
  id?: string;
  score?: number;
  words?: number[];
  data(): Promise<unknown>;
}

export interface HostResponse {
  results: HostResult[];
  unfilteredResultCount: number;
  filters: unknown;
  totalFilters: unknown;
}

export interface HostOptions {
  bundlePath: string;
  /** The index's further parts (parts.ts), which every worker merges before its first search. */
  merge: string[];
  language: string;
  /** Pagefind's options (excerpt length, highlight parameter, cache tag). */
  options: Record<string, unknown>;
  /** How many results cross to the page with their fields: the most the UI shows. */
  head: number;
  /** How many of those come with their data, loaded in the worker in the same turn. */
  eager: number;
}

type Slot = {
  worker: WorkerLike;
  ready: boolean;
  /** The search it is running, if any, and when it was sent. */
  job?: Job;
  since?: number;
  /** Data requests waiting for it, by sequence number and result index. */
  data: Map<string, (data: unknown) => void>;
};
type Job = { seq: number; term: string | null; options: Record<string, unknown>; resolve: (r: HostResponse | null) => void; reject: (e: Error) => void; stale?: boolean; due: number };

/** Two workers: while one runs an older query to its end, the other takes the newest. */
export const HOST_WORKERS = 2;
/**
 * How long the newest query waits for a free worker before the worker that has been busy the
 * longest is stopped. Stopping costs a worker's start and its index chunks again (a few hundred
 * milliseconds on a busy machine), so only a query that would wait longer than that is worth it:
 * a word as common as "the" matches every page and runs for seconds in a large dossier.
 */
export const HOST_PREEMPT_MS = 150;
/**
 * A term of one or two characters matches a prefix of nearly every word, so nearly every page,
 * and is almost always on the way to a longer one: it is searched only once typing has paused
 * this long (on top of the input's own debounce), so it does not tie up a worker while the reader
 * goes on typing. The results for it are the same, only later.
 */
export const SHORT_TERM_CHARS = 3;
export const SHORT_TERM_WAIT_MS = 250;

export class SearchHost {
  private slots: Slot[] = [];
  private seq = 0;
  private pending: Job | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private broken: Error | undefined;
  private readonly make: () => WorkerLike;
  private readonly opts: HostOptions;
  private readonly now: () => number;

  constructor(make: () => WorkerLike, opts: HostOptions, clock: { now(): number } = performance) {
    this.make = make;
    this.opts = opts;
    this.now = () => clock.now();
  }

  /** Starts the workers ahead of the first query (when the reader moves towards search). */
  warm(): void {
    while (!this.broken && this.slots.length < HOST_WORKERS) this.spawn();
  }

  /**
   * Pagefind's `search(term, options)`. A newer call answers every older one with null at once
   * (Pagefind's own answer for a superseded search, which the UI ignores): a worker still running
   * an older query finishes it, unseen, and keeps the index chunks it loaded.
   */
  search(term: string | null, options: Record<string, unknown> = {}): Promise<HostResponse | null> {
    if (this.broken) return Promise.reject(this.broken);
    this.pending?.resolve(null);
    this.pending = undefined;
    for (const slot of this.slots) {
      if (!slot.job || slot.job.stale) continue;
      slot.job.stale = true;
      slot.job.resolve(null);
    }
    this.warm();
    const seq = ++this.seq;
    return new Promise<HostResponse | null>((resolve, reject) => {
      const short = [...(term ?? '').trim()].length < SHORT_TERM_CHARS;
      this.pending = { seq, term, options, resolve, reject, due: this.now() + (short ? SHORT_TERM_WAIT_MS : 0) };
      if (term && !short) for (const slot of this.slots) if (!slot.job) slot.worker.postMessage({ type: 'preload', term, options });
      this.dispatch();
    });
  }

  /** Pagefind's `filters()`: the header search shows no filters, so it loads none. */
  async filters(): Promise<Record<string, never>> {
    return {};
  }

  async preload(term: string, options: Record<string, unknown> = {}): Promise<void> {
    this.warm();
    for (const slot of this.slots) slot.worker.postMessage({ type: 'preload', term, options });
  }

  /** Stops every worker. */
  destroy(): void {
    clearTimeout(this.timer);
    this.pending?.resolve(null);
    this.pending = undefined;
    for (const slot of [...this.slots]) {
      slot.job?.resolve(null);
      this.stop(slot);
    }
  }

  /**
   * Sends the pending query, once it is due, to a started, idle worker; if none is free, stops
   * the one busy the longest after HOST_PREEMPT_MS.
   */
  private dispatch(): void {
    const job = this.pending;
    if (!job) return;
    clearTimeout(this.timer);
    const wait = job.due - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.dispatch(), wait);
      return;
    }
    const slot = this.slots.find((s) => s.ready && !s.job);
    if (!slot) {
      this.timer = setTimeout(() => this.preempt(job.seq), HOST_PREEMPT_MS);
      return;
    }
    this.pending = undefined;
    slot.job = job;
    slot.since = this.now();
    slot.worker.postMessage({ type: 'search', seq: job.seq, term: job.term, options: job.options, head: this.opts.head, eager: this.opts.eager });
  }

  /** The newest query still waits: stop the worker busy the longest, and start another. */
  private preempt(seq: number): void {
    if (this.pending?.seq !== seq) return;
    const busy = this.slots.filter((s) => s.job).sort((a, b) => a.since! - b.since!)[0];
    if (!busy || this.slots.some((s) => !s.ready)) return;
    this.stop(busy);
    this.warm();
  }

  private spawn(): Slot {
    const worker = this.make();
    const slot: Slot = { worker, ready: false, data: new Map() };
    worker.onmessage = ({ data: reply }) => this.receive(slot, reply);
    worker.onerror = () => this.fail(new Error('the search worker could not start'));
    worker.postMessage({ type: 'init', bundlePath: this.opts.bundlePath, merge: this.opts.merge, language: this.opts.language, options: this.opts.options });
    this.slots.push(slot);
    return slot;
  }

  private stop(slot: Slot): void {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
    for (const answer of slot.data.values()) answer(null);
  }

  private fail(error: Error): void {
    // A worker that cannot start (no module workers, a policy that forbids them) will not start
    // next time either: the caller falls back to Pagefind's own worker.
    this.broken = error;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
    for (const slot of this.slots) slot.job?.reject(error);
    this.destroy();
  }

  private receive(slot: Slot, reply: HostReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.dispatch();
    } else if (reply.type === 'failed') {
      this.fail(new Error(reply.message));
    } else if (reply.type === 'results') {
      const job = slot.job;
      if (!job || job.seq !== reply.seq) return;
      slot.job = undefined;
      if (!job.stale) job.resolve(this.response(slot, reply));
      this.dispatch();
    } else if (reply.type === 'data') {
      const key = `${reply.seq}:${reply.index}`;
      slot.data.get(key)?.(reply.data);
      slot.data.delete(key);
    }
  }

  /**
   * Pagefind's response shape. `results` is as long as the matches, because the UI counts them
   * ("8,131 results"), but only the head carries fields; any later result asks the worker that
   * found it for its data, if a reader ever scrolls that far.
   */
  private response(slot: Slot, reply: Extract<HostReply, { type: 'results' }>): HostResponse {
    const results: HostResult[] = new Array(reply.total);
    for (let i = 0; i < reply.total; i++) {
      const head = reply.head[i];
      const loaded = head && 'data' in head ? Promise.resolve(head.data) : undefined;
      const data = () => loaded ?? this.dataFrom(slot, reply.seq, i);
      results[i] = head ? { id: head.id, score: head.score, words: head.words, data } : { data };
    }
    return { results, unfilteredResultCount: reply.unfilteredResultCount, filters: reply.filters, totalFilters: reply.totalFilters };
  }

  private dataFrom(slot: Slot, seq: number, index: number): Promise<unknown> {
    if (!this.slots.includes(slot)) return Promise.resolve(null);
    return new Promise((resolve) => {
      slot.data.set(`${seq}:${index}`, resolve);
      slot.worker.postMessage({ type: 'data', seq, index });
    });
  }
}
