import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { IMMUTABLE, planOffline, urlOf, type BuiltFile } from '../../src/lib/offline/plan.ts';
import { workerMain, workerSource } from '../../src/lib/offline/worker.ts';

const versionOf = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
const f = (path: string, size = 100, hash = path): BuiltFile => ({ path, size, hash });
const site = [
  f('index.html'), f('404.html'), f('search/index.html'), f('sources/a/index.html', 5000), f('sources/b/index.html', 5000),
  f('_astro/Base.abc.css'), f('favicon.svg'), f('theme.js'), f('captures/a.txt', 3000),
  f('pagefind/pagefind.js'), f('pagefind/pagefind-entry.json'), f('pagefind/pagefind.en_1.pf_meta'), f('pagefind/wasm.en.pagefind'),
  f('pagefind/pagefind-component-ui.js'), f('pagefind/index/en_2.pf_index', 2000), f('pagefind/fragment/en_3.pf_fragment', 800),
  f('pagefind/pagefind-ui.js'), f('pagefind/pagefind-modular-ui.css'), f('sw.js'), f('offline-manifest.json'), f('dossier.pdf', 9e6),
];

describe('offline plan', () => {
  it('maps built files to the URLs readers request', () => {
    expect(urlOf('index.html')).toBe('/');
    expect(urlOf('sources/a/index.html')).toBe('/sources/a/');
    expect(urlOf('404.html')).toBe('/404.html');
    expect(urlOf('pagefind/pagefind-entry.json', 'tag1')).toBe('/pagefind/pagefind-entry.json?ts=tag1');
  });

  it('under the budget saves every page, the index and the shell, and nothing unused', () => {
    const plan = planOffline(site, { versionOf, entryTag: 't' });
    expect(plan.mode).toBe('full');
    expect(plan.deferred).toEqual([]);
    expect(plan.precache).toEqual(expect.arrayContaining(['/', '/sources/a/', '/sources/b/', '/pagefind/fragment/en_3.pf_fragment', '/pagefind/pagefind-entry.json?ts=t', '/captures/a.txt']));
    for (const skipped of ['/sw.js', '/offline-manifest.json', '/pagefind/pagefind-ui.js', '/pagefind/pagefind-modular-ui.css', '/dossier.pdf']) {
      expect(plan.precache).not.toContain(skipped);
    }
  });

  it('over the budget saves the shell and search core, and leaves pages and index chunks for later', () => {
    const plan = planOffline(site, { versionOf, budgetBytes: 1000 });
    expect(plan.mode).toBe('shell');
    expect(plan.precache).toEqual(expect.arrayContaining(['/', '/search/', '/404.html', '/_astro/Base.abc.css', '/pagefind/pagefind.js', '/pagefind/pagefind.en_1.pf_meta', '/pagefind/wasm.en.pagefind', '/pagefind/pagefind-component-ui.js']));
    expect(plan.deferred).toEqual(expect.arrayContaining(['/sources/a/', '/sources/b/', '/captures/a.txt', '/pagefind/index/en_2.pf_index', '/pagefind/fragment/en_3.pf_fragment']));
    expect(plan.precache.filter((u) => plan.deferred.includes(u))).toEqual([]);
  });

  it('treats every part of an index in parts like the first', () => {
    const parts = [
      ...site, f('pagefind/dossier-parts.json'), f('pagefind/part-1/pagefind-entry.json'), f('pagefind/part-1/pagefind.en_4.pf_meta'),
      f('pagefind/part-1/index/en_5.pf_index', 2000), f('pagefind/part-1/fragment/en_6.pf_fragment', 800), f('pagefind/part-1/filter/en_7.pf_filter'),
    ];
    const plan = planOffline(parts, { versionOf, budgetBytes: 1000, entryTag: 't' });
    expect(plan.precache).toEqual(expect.arrayContaining(['/pagefind/dossier-parts.json?ts=t', '/pagefind/part-1/pagefind-entry.json?ts=t', '/pagefind/part-1/pagefind.en_4.pf_meta']));
    expect(plan.deferred).toEqual(expect.arrayContaining(['/pagefind/part-1/index/en_5.pf_index', '/pagefind/part-1/fragment/en_6.pf_fragment', '/pagefind/part-1/filter/en_7.pf_filter']));
    const immutable = (url: string) => IMMUTABLE.some((re) => re.test(url));
    expect(['/pagefind/part-1/index/en_5.pf_index', '/pagefind/part-1/pagefind.en_4.pf_meta'].every(immutable)).toBe(true);
    expect(immutable('/pagefind/part-1/pagefind-entry.json')).toBe(false);
  });

  it('keeps its version for identical files and changes it when one file changes', () => {
    const a = planOffline(site, { versionOf });
    expect(planOffline([...site].reverse(), { versionOf }).version).toBe(a.version);
    const changed = site.map((x) => (x.path === 'sources/a/index.html' ? { ...x, hash: 'new' } : x));
    expect(planOffline(changed, { versionOf }).version).not.toBe(a.version);
  });

  it('writes a worker script that parses and carries the plan', () => {
    const plan = planOffline(site, { versionOf });
    const source = workerSource(plan);
    expect(() => new Function('self', source)).not.toThrow();
    expect(source).toContain(JSON.stringify(plan.version));
    expect(source).toContain('"/sources/a/"');
  });

  it('answers status, and takes over when a page asks a waiting edition to (the worker as code, with a fake global)', () => {
    const handlers: Record<string, (event: unknown) => void> = {};
    let skipped = 0;
    const sw = { addEventListener: (type: string, fn: (e: unknown) => void) => { handlers[type] = fn; }, skipWaiting: () => { skipped++; return Promise.resolve(); }, location: { origin: 'http://x' } };
    workerMain(sw, { version: 'v2', mode: 'full', precache: [], immutable: [], manifest: '/offline-manifest.json' });
    const answers: unknown[] = [];
    handlers.message({ data: { type: 'status' }, ports: [{ postMessage: (m: unknown) => answers.push(m) }] });
    expect(answers).toEqual([expect.objectContaining({ version: 'v2', mode: 'full', cache: 'dossier-v2' })]);
    expect(skipped).toBe(0);
    handlers.message({ data: { type: 'skip-waiting' } });
    expect(skipped).toBe(1);
    handlers.message({ data: { type: 'something-else' } });
    expect(skipped).toBe(1);
  });
});
