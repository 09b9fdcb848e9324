import { parentPort, workerData } from 'node:worker_threads';
import { PartError, writePart, type Part } from './index-part.ts';

// Runs in a worker thread started by index-site.ts: one part of the search index.
const { part, out } = workerData as { part: Part; out: string };
writePart(part, out).then(
  () => parentPort!.postMessage({ written: true }),
  (e) => parentPort!.postMessage(e instanceof PartError ? { failure: e.failure } : { failure: { problems: [String((e as Error)?.message ?? e)] } }),
);
