import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readCiteCache, writeCiteCache } from '../../src/lib/cite/cache.ts';
import { citeOutputVersion } from '../../src/lib/cite/format.ts';
import { citableItems } from '../../src/lib/cite/items.ts';
import { citeKey, precomputed, precomputedEntries, startPrecompute } from '../../src/lib/cite/precompute.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { removeFully } from '../../src/lib/discard.ts';

let dir = '';
afterEach(() => removeFully(dir));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'cite-cache-')));

describe('the citation cache file', () => {
  it('gives back what was written, under the same version only', () => {
    const file = join(fresh(), 'nested', 'cache.json');
    expect(writeCiteCache(file, 'v1', [['a', '<i>A</i>'], ['b', 'B']])).toBe(true);
    expect([...readCiteCache(file, 'v1')]).toEqual([['a', '<i>A</i>'], ['b', 'B']]);
    expect(readCiteCache(file, 'v2').size).toBe(0);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['cache.json']);
  });

  it('is empty when missing, unreadable or malformed, and never throws', () => {
    const file = join(fresh(), 'cache.json');
    expect(readCiteCache(file, 'v1').size).toBe(0);
    writeFileSync(file, '{ not json');
    expect(readCiteCache(file, 'v1').size).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 'v1', entries: { a: 'A', b: 3, c: null } }));
    expect([...readCiteCache(file, 'v1')]).toEqual([['a', 'A']]);
  });

  it('that cannot be written is reported, not thrown, and leaves no temporary file', () => {
    fresh();
    writeFileSync(join(dir, 'a-file'), '');
    expect(writeCiteCache(join(dir, 'a-file', 'cache.json'), 'v1', [['a', 'A']])).toBe(false);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('is versioned by the styles and libraries that shape the output', () => {
    expect(citeOutputVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(citeOutputVersion()).toBe(citeOutputVersion());
  });
});

describe('citations kept from an earlier build', () => {
  const items = citableItems(verifyContent('tests/fixtures/mini').dossier!);
  const job = { items, styles: ['apa', 'mla'], formats: ['html' as const] };
  // A worker that cannot start shows which entries came from the cache alone.
  const NO_WORKER = pathToFileURL(resolve('no/such/worker.ts'));

  it('are ready at once, and no worker is needed when every entry is cached', async () => {
    const cached = new Map(items.flatMap((i) => job.styles.map((s) => [citeKey(i, s, 'html'), `cached ${i.id} ${s}`] as [string, string])));
    await expect(startPrecompute(job, NO_WORKER, 1, cached)).resolves.toBe(items.length * 2);
    expect(precomputed(citeKey(items[0], 'mla', 'html'))).toBe(`cached ${items[0].id} mla`);
    expect(new Map(precomputedEntries())).toEqual(cached);
  });

  it('leave to the workers only the items with an entry missing', async () => {
    const cached = new Map([[citeKey(items[0], 'apa', 'html'), 'cached apa'], [citeKey(items[0], 'mla', 'html'), 'cached mla']]);
    await expect(startPrecompute(job, NO_WORKER, 1, cached)).resolves.toBe(2);
    expect(precomputed(citeKey(items[0], 'apa', 'html'))).toBe('cached apa');
    expect(precomputed(citeKey(items[1], 'apa', 'html'))).toBeUndefined();
  });

  it('are not used for an item that changed', async () => {
    const cached = new Map([[citeKey(items[0], 'apa', 'html'), 'cached apa']]);
    await startPrecompute({ ...job, items: [{ ...items[0], title: 'Another title' }], styles: ['apa'] }, NO_WORKER, 1, cached);
    expect(precomputedEntries()).toEqual([]);
  });
});
