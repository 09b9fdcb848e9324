import { parentPort, workerData } from 'node:worker_threads';
import { formatCitation, type CiteStyle } from './format.ts';
import { citeKey, type CiteJob } from './precompute.ts';

// Runs in a worker thread started by the preflight integration; see precompute.ts.
const job = workerData as CiteJob;
const out: [string, string][] = [];
for (const item of job.items) {
  for (const style of job.styles) {
    for (const format of job.formats) out.push([citeKey(item, style, format), formatCitation(item, style as CiteStyle, format)]);
  }
}
parentPort!.postMessage(out);
