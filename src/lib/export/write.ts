import { Worker } from 'node:worker_threads';
import { jobFiles, writeSiteFiles, type SiteFileJob } from './files.ts';

/*
 * Writing the /cite/ and /captures/ files is some 40,000 file creations at 10,000 sources (and
 * the BibTeX and RIS formatting of every item): seconds in which the main thread did nothing else.
 * A build hands them to a worker thread instead, which writes them while Pagefind's binary indexes
 * the pages on the other core (it reads only the HTML), and waits for it before anything lists the
 * output folder (src/integrations/site-files.ts). A worker that fails or cannot start costs nothing
 * but time: whatever it did not write is written in place, with the same code, so the output is
 * the same either way.
 */

export interface WriteJob extends SiteFileJob {
  /** The output folder, absolute. */
  root: string;
}

export interface Written {
  files: number;
  /** Where they were written: 'worker', or 'in place' after a worker failed. */
  by: 'worker' | 'in place';
}

/** Start writing in a worker; the promise resolves once every file is there, by the worker or in place. */
export function writeInWorker(job: WriteJob, workerFile: URL): Promise<Written> {
  const inPlace = (): Written => ({ files: writeSiteFiles(job.root, jobFiles(job)), by: 'in place' });
  return new Promise<Written>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: job });
    } catch {
      return resolve(inPlace());
    }
    let files: number | undefined;
    worker.once('message', (n: number) => (files = n));
    const settle = () => {
      try {
        resolve(files === undefined ? inPlace() : { files, by: 'worker' });
      } catch (e) {
        reject(e);
      }
    };
    worker.once('error', () => (files = undefined));
    worker.once('exit', settle);
  });
}
