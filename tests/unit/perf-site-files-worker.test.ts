import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { jobFiles, siteFileJob, siteFiles, writeSiteFiles } from '../../src/lib/export/files.ts';
import { writeInWorker } from '../../src/lib/export/write.ts';
import { removeFully } from '../../src/lib/discard.ts';

const WORKER = pathToFileURL(resolve('src/lib/export/write-worker.ts'));

/** Every file under a folder, by relative path, with its bytes. */
const tree = (root: string) =>
  new Map(readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => {
    const path = join(e.parentPath, e.name);
    return [path.slice(root.length + 1), readFileSync(path).toString('base64')];
  }));

// A build writes the /cite/ and /captures/ files from a worker thread; they must be the files the integration wrote itself before.
describe('site files written by a worker', () => {
  const dossier = verifyContent('tests/fixtures/mini').dossier!;
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'site-files-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) removeFully(d);
  });

  it('are the same files, byte for byte, as written in place from the Dossier', async () => {
    const byWorker = tmp();
    const inPlace = tmp();
    const written = await writeInWorker({ root: byWorker, ...siteFileJob(dossier) }, WORKER);
    expect(written).toEqual({ files: siteFiles(dossier).length, by: 'worker' });
    writeSiteFiles(inPlace, siteFiles(dossier));
    const expected = tree(inPlace);
    expect(expected.size).toBe(siteFiles(dossier).length);
    expect(tree(byWorker)).toEqual(expected);
  }, 60_000);

  it('the job holds only plain data, and lists the same files as the Dossier', () => {
    const job = siteFileJob(dossier);
    expect(structuredClone(job)).toEqual(job);
    expect(jobFiles(job).map((f) => f.path)).toEqual(siteFiles(dossier).map((f) => f.path));
  });

  it('are all written in place when the worker cannot start', async () => {
    const root = tmp();
    const written = await writeInWorker({ root, ...siteFileJob(dossier) }, pathToFileURL(resolve('no/such/worker.ts')));
    expect(written.by).toBe('in place');
    const inPlace = tmp();
    writeSiteFiles(inPlace, siteFiles(dossier));
    expect(tree(root)).toEqual(tree(inPlace));
  }, 60_000);

  it('are all rewritten in place when the worker dies half-way, over whatever it left', async () => {
    const root = tmp();
    const broken = join(tmp(), 'broken-worker.mjs');
    // Leaves a wrong, half-written file behind, then fails.
    writeFileSync(broken, `import { workerData } from 'node:worker_threads'; import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync(workerData.root + '/cite', { recursive: true }); writeFileSync(workerData.root + '/cite/dossier.bib', '@misc{half');
throw new Error('disk full');\n`);
    const written = await writeInWorker({ root, ...siteFileJob(dossier) }, pathToFileURL(broken));
    expect(written.by).toBe('in place');
    const inPlace = tmp();
    writeSiteFiles(inPlace, siteFiles(dossier));
    expect(tree(root)).toEqual(tree(inPlace));
  }, 60_000);
});
