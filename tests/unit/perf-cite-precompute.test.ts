import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { citableItems } from '../../src/lib/cite/items.ts';
import { CITE_STYLES, formatCitation } from '../../src/lib/cite/format.ts';
import { citeKey, precomputed, precomputeReady, precomputeSettled, startPrecompute } from '../../src/lib/cite/precompute.ts';

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

  it('split over two threads, still every entry, and a page waiting for its own entry finds it', async () => {
    const running = startPrecompute({ items, styles, formats: ['html'] }, WORKER, 2);
    const last = citeKey(items[items.length - 1], 'mla', 'html');
    await precomputeReady(last);
    expect(precomputed(last)).toBe(formatCitation(items[items.length - 1], 'mla', 'html'));
    expect(await running).toBe(items.length * styles.length);
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
