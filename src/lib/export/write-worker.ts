import { parentPort, workerData } from 'node:worker_threads';
import { jobFiles, writeSiteFiles } from './files.ts';
import type { WriteJob } from './write.ts';

// Runs in a worker thread started by the site-files integration; see write.ts.
const job = workerData as WriteJob;
parentPort!.postMessage(writeSiteFiles(job.root, jobFiles(job)));
