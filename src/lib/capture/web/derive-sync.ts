import { existsSync } from 'node:fs';
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
 * Derive the text of several web captures and wait for it: one worker thread reads them all
 * (the archive reader is asynchronous) while this thread blocks, so the synchronous content
 * reader and the verifier stay as they are.
 */
export function deriveSync(requests: { path: string; url?: string }[]): DerivedText[] {
  if (requests.length === 0) return [];
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl(), { workerData: { requests, port: port2, signal }, transferList: [port2] });
  const waited = Atomics.wait(signal, 0, 0, LIMIT_MS);
  const reply = receiveMessageOnPort(port1)?.message as { results?: DerivedText[]; error?: string } | undefined;
  void worker.terminate();
  port1.close();
  if (waited === 'timed-out' || !reply?.results) {
    const why = reply?.error ? `the extractor failed: ${reply.error.split('\n')[0]}` : 'the extractor did not answer';
    return requests.map(() => ({ ok: false, message: `could not be read: ${why}`, fix: 'Run npm install (the extractor\'s packages may be missing), then build again; if it persists, report it with this archive.' }));
  }
  return reply.results;
}
