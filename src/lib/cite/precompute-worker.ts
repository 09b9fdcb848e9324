import { parentPort, workerData } from 'node:worker_threads';
import { formatCitation, type CiteStyle } from './format.ts';
import { CHUNK, citeKey, type CiteJob } from './precompute.ts';

// Runs in a worker thread started by the preflight integration; see precompute.ts.
const job = workerData as CiteJob;
let out: [string, string][] = [];
for (const [n, item] of job.items.entries()) {
  for (const style of job.styles) {
    for (const format of job.formats) out.push([citeKey(item, style, format), formatCitation(item, style as CiteStyle, format)]);
  }
  if ((n + 1) % CHUNK === 0) {
    parentPort!.postMessage(out);
    out = [];
  }
}
parentPort!.postMessage(out);
