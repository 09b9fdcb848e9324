import { parentPort, workerData } from 'node:worker_threads';
import { PartError, writePart, type PartItem } from './index-part.ts';

// Runs in a worker thread started by index-site.ts: one part of the search index.
const { items, out } = workerData as { items: PartItem[]; out: string };
writePart(items, out).then(
  (indexed) => parentPort!.postMessage({ indexed }),
  (e) => parentPort!.postMessage(e instanceof PartError ? { failure: e.failure } : { failure: { problems: [String((e as Error)?.message ?? e)] } }),
);
