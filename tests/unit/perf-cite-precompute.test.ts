import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { citableItems } from '../../src/lib/cite/items.ts';
import { CITE_STYLES, formatCitation } from '../../src/lib/cite/format.ts';
import {
  citeKey, claimOf, formattedByPages, PAGE, precomputed, precomputeReady, precomputeSettled, setCiteFormatter, startPrecompute, WORKER as HELD,
} from '../../src/lib/cite/precompute.ts';

const WORKER = pathToFileURL(resolve('src/lib/cite/precompute-worker.ts'));

// The build formats citations in a worker thread; what it hands back must be what the page would have made itself.
describe('citations formatted in a worker', () => {
  const items = citableItems(verifyContent('tests/fixtures/mini').dossier!);
  const styles = CITE_STYLES.map((s) => s.id);

  it('come back for every item and style, identical to formatting in place', async () => {
    const n = await startPrecompute({ items, styles, formats: ['html'] }, WORKER);
    expect(n).toBe(items.length * styles.length);
    for (const item of items) {
      for (const style of styles) expect(precomputed(citeKey(item, style, 'html')), `${item.id} ${style}`).toBe(formatCitation(item, style, 'html'));
    }
  }, 120_000);

  it('split over two threads, still every entry', async () => {
    const n = await startPrecompute({ items, styles, formats: ['html'] }, WORKER, 2);
    expect(n).toBe(items.length * styles.length);
    for (const item of items) expect(precomputed(citeKey(item, 'mla', 'html'))).toBe(formatCitation(item, 'mla', 'html'));
  }, 120_000);

  it('a page that reaches an item no worker has started takes it, and the worker skips it', async () => {
    const running = startPrecompute({ items, styles, formats: ['html'] }, WORKER);
    const last = items[items.length - 1];
    await precomputeReady(citeKey(last, 'mla', 'html'));
    expect(claimOf(items.length - 1)).toBe(PAGE);
    // Its other styles are not waited for either: the page formats them all in place.
    let ready = false;
    await precomputeReady(citeKey(last, 'apa', 'html')).then(() => (ready = true));
    expect(ready).toBe(true);
    expect(await running).toBe((items.length - 1) * styles.length);
    expect(formattedByPages()).toBe(1);
    for (const style of styles) expect(precomputed(citeKey(last, style, 'html'))).toBeUndefined();
  }, 120_000);

  it('a page waiting for an item a worker holds formats the next free item meanwhile, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cite-worker-'));
    try {
      // A worker that takes item 0, holds it until a page asks for it, then sends it and stops.
      const worker = join(dir, 'holding-worker.mjs');
      writeFileSync(worker, `import { parentPort, workerData } from 'node:worker_threads';
const claims = new Int32Array(workerData.claims);
Atomics.compareExchange(claims, workerData.index[0], 0, ${HELD});
Atomics.wait(claims, claims.length - 1, 0);
parentPort.postMessage(workerData.styles.map((s) => [JSON.stringify([s, workerData.items[0].id]), 'by the worker']));
`);
      const three = items.slice(0, 3);
      const job = { items: three, styles, formats: ['html' as const] };
      setCiteFormatter((item, style) => `by the page: ${item.id} ${style}`);
      const keyOf = (i: number, style: string) => citeKey(three[i], style, 'html');
      const running = startPrecompute(job, pathToFileURL(worker));
      while (claimOf(0) !== HELD) await new Promise((r) => setTimeout(r, 10));
      // The worker's message uses its own keys, so the page's wait ends when the worker stops.
      await precomputeReady(keyOf(0, 'apa'));
      for (const style of styles) expect(precomputed(keyOf(1, style))).toBe(`by the page: ${three[1].id} ${style}`);
      expect(claimOf(1)).toBe(PAGE);
      expect(formattedByPages()).toBe(1);
      await running;
      expect(precomputed(keyOf(2, 'apa'))).toBeUndefined();
    } finally {
      setCiteFormatter((item, style, format) => formatCitation(item, style as 'apa', format));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('an entry no worker was asked for is not waited for', async () => {
    const running = startPrecompute({ items: items.slice(0, 1), styles: ['apa'], formats: ['html'] }, WORKER);
    const other = citeKey(items[1], 'apa', 'html');
    let ready = false;
    await precomputeReady(other).then(() => (ready = true));
    expect(ready).toBe(true);
    expect(precomputed(other)).toBeUndefined();
    await running;
  }, 120_000);

  it('are looked up by the whole item, so a changed item is formatted afresh', async () => {
    await startPrecompute({ items: items.slice(0, 1), styles: ['apa'], formats: ['html'] }, WORKER);
    expect(precomputed(citeKey({ ...items[0], title: 'Something else' }, 'apa', 'html'))).toBeUndefined();
  }, 120_000);

  it('a worker that cannot start leaves nothing behind and does not fail the build', async () => {
    await expect(startPrecompute({ items, styles, formats: ['html'] }, pathToFileURL(resolve('no/such/worker.ts')))).resolves.toBe(0);
    await expect(precomputeSettled()).resolves.toBeUndefined();
    expect(precomputed(citeKey(items[0], 'apa', 'html'))).toBeUndefined();
  }, 120_000);
});
