import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { WebProvenance } from '../../schemas/web.ts';

export type DerivedText =
  | { ok: true; sha256: string; bytes: number; provenance: WebProvenance; extractor: string; text: string; textSha256: string }
  | { ok: false; message: string; fix: string };

/** Ten minutes: far beyond any real batch, but a worker that never answers must not hang a build for ever. */
const LIMIT_MS = 10 * 60_000;

function workerUrl(): URL {
  const here = new URL('./derive-worker.ts', import.meta.url);
  // Bundled into Astro's configuration, import.meta.url no longer points at the source tree.
  return here.protocol === 'file:' && existsSync(here) ? here : pathToFileURL(resolve(process.cwd(), 'src/lib/capture/web/derive-worker.ts'));
}

/**
 * A fixed young generation for the workers. Readability on linkedom makes many short-lived nodes;
 * left to grow on its own, V8's young generation collected so often that deriving 1,000 pages
 * took 15 % longer (2.9 s against 2.5 s on 2 cores, alternating runs; 8 to 32 MB all did as well).
 */
const YOUNG_GENERATION_MB = 16;

/** Below this many archives one worker does it all: another thread's start-up would cost more than it saves. */
const PER_WORKER = 64;

/**
 * Derive the text of several web captures and wait for it: worker threads read them (the archive
 * reader is asynchronous) while this thread blocks, so the synchronous content reader and the
 * verifier stay as they are. A cold build of many captures shares them out over the machine's
 * cores (at most four). With `full`, each result is the whole DeriveResult (derive.ts), for the importer.
 */
export function deriveSync(requests: { path: string; url?: string }[], full = false): DerivedText[] {
  return startDerive(requests, full).wait();
}

/** The same, started now and waited for later: `wait()` blocks until every worker has answered. */
export function startDerive(requests: { path: string; url?: string }[], full = false): { wait(): DerivedText[] } {
  if (requests.length === 0) return { wait: () => [] };
  const threads = Math.max(1, Math.min(4, availableParallelism(), Math.floor(requests.length / PER_WORKER)));
  const share = Math.ceil(requests.length / threads);
  const started = Array.from({ length: threads }, (_, i) => start(requests.slice(i * share, (i + 1) * share), full));
  let results: DerivedText[] | undefined;
  return { wait: () => (results ??= started.flatMap((w) => w.wait())) };
}

function start(requests: { path: string; url?: string }[], full: boolean) {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl(), { workerData: { requests, port: port2, signal, full }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  return {
    wait(): DerivedText[] {
      const waited = Atomics.wait(signal, 0, 0, LIMIT_MS);
      const reply = receiveMessageOnPort(port1)?.message as { results?: DerivedText[]; error?: string } | undefined;
      void worker.terminate();
      port1.close();
      if (waited === 'timed-out' || !reply?.results) {
        const why = reply?.error ? `the extractor failed: ${reply.error.split('\n')[0]}` : 'the extractor did not answer';
        return requests.map(() => ({ ok: false, message: `could not be read: ${why}`, fix: 'Run npm install (the extractor\'s packages may be missing), then build again; if it persists, report it with this archive.' }));
      }
      return reply.results;
    },
  };
}
