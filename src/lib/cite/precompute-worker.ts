import { parentPort, workerData } from 'node:worker_threads';
import { formatCitation, type CiteStyle } from './format.ts';
import { CHUNK, citeKey, FREE, WORKER, type WorkerJob } from './precompute.ts';

// Runs in a worker thread started by the preflight integration; see precompute.ts.
const job = workerData as WorkerJob;
const claims = new Int32Array(job.claims);
const FLUSH = claims.length - 1;
let out: [string, string][] = [];
let held = 0;
for (const [n, item] of job.items.entries()) {
  // An item a page has taken is formatted there.
  if (Atomics.compareExchange(claims, job.index[n], FREE, WORKER) !== FREE) continue;
  for (const style of job.styles) {
    for (const format of job.formats) out.push([citeKey(item, style, format), formatCitation(item, style as CiteStyle, format)]);
  }
  // A page waiting for an entry asks for it through FLUSH; otherwise send every CHUNK items.
  if (++held >= CHUNK || Atomics.exchange(claims, FLUSH, 0) !== 0) {
    parentPort!.postMessage(out);
    out = [];
    held = 0;
  }
}
parentPort!.postMessage(out);
