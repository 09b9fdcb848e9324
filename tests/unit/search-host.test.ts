import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST_PREEMPT_MS, HOST_WORKERS, SHORT_TERM_WAIT_MS, SearchHost, type HostReply, type HostRequest, type WorkerLike } from '../../src/lib/search/host.ts';

/** A worker the test drives by hand: it records what it was sent and answers when told. */
class FakeWorker implements WorkerLike {
  sent: HostRequest[] = [];
  terminated = false;
  onmessage: ((event: { data: HostReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  postMessage(message: HostRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: HostReply) {
    this.onmessage?.({ data });
  }
  searches() {
    return this.sent.filter((m): m is Extract<HostRequest, { type: 'search' }> => m.type === 'search');
  }
  /** Answers its last search with `total` matches, the head carrying ids r0, r1, … */
  answer(total: number, headSize = Math.min(total, 3), eager = 1) {
    const s = this.searches().at(-1)!;
    const head = Array.from({ length: headSize }, (_, i) => ({ id: `r${i}`, score: total - i, words: [i], ...(i < eager ? { data: { url: `/r${i}/` } } : {}) }));
    this.reply({ type: 'results', seq: s.seq, total, unfilteredResultCount: total, filters: {}, totalFilters: {}, head });
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const host = new SearchHost(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, { bundlePath: '/pagefind/', merge: ['/pagefind/part-1/'], language: 'en', options: { excerptLength: 26 }, head: 3, eager: 1 });
  return { host, workers };
}

afterEach(() => vi.useRealTimers());

describe('the header search host', () => {
  it('starts its workers with the page language and Pagefind options, and searches once one is ready', async () => {
    const { host, workers } = setup();
    host.warm();
    expect(workers).toHaveLength(HOST_WORKERS);
    expect(workers[0].sent[0]).toEqual({ type: 'init', bundlePath: '/pagefind/', merge: ['/pagefind/part-1/'], language: 'en', options: { excerptLength: 26 } });
    const found = host.search('geneva');
    expect(workers.flatMap((w) => w.searches())).toEqual([]);
    workers[1].reply({ type: 'ready' });
    expect(workers[1].searches()).toMatchObject([{ term: 'geneva', head: 3, eager: 1 }]);
    workers[1].answer(5);
    const r = (await found)!;
    expect(r.unfilteredResultCount).toBe(5);
    // As long as the matches, for the UI's count; the head carries Pagefind's fields in order.
    expect(r.results).toHaveLength(5);
    expect(r.results.slice(0, 3).map((x) => x.id)).toEqual(['r0', 'r1', 'r2']);
    expect(r.results[3].id).toBeUndefined();
    expect(await r.results[0].data()).toEqual({ url: '/r0/' });
  });

  it('answers an older query with null as soon as a newer one comes, and shows only the newest', async () => {
    const { host, workers } = setup();
    host.warm();
    workers.forEach((w) => w.reply({ type: 'ready' }));
    const first = host.search('zq0');
    const busy = workers.find((w) => w.searches().length)!;
    const second = host.search('zq0a');
    expect(await first).toBeNull();
    // The newer query went to the idle worker; the busy one keeps running its query, unseen.
    const other = workers.find((w) => w !== busy)!;
    expect(other.searches().map((s) => s.term)).toEqual(['zq0a']);
    expect(busy.terminated).toBe(false);
    busy.answer(9000);
    other.answer(1);
    const r = (await second)!;
    expect(r.results).toHaveLength(1);
  });

  it('keeps only the newest of the queries that wait for a worker', async () => {
    const { host, workers } = setup();
    host.warm();
    workers.forEach((w) => w.reply({ type: 'ready' }));
    const a = host.search('gen');
    const b = host.search('gene');
    const c = host.search('genev');
    const d = host.search('geneva');
    expect([await a, await b, await c]).toEqual([null, null, null]);
    // Both workers are busy with "gen" and "gene"; "genev" waited and was replaced by "geneva".
    expect(workers.flatMap((w) => w.searches().map((s) => s.term)).sort()).toEqual(['gen', 'gene']);
    workers[0].answer(800);
    expect(workers[0].searches().map((s) => s.term)).toEqual(['gen', 'geneva']);
    workers[0].answer(40);
    expect((await d)!.results).toHaveLength(40);
  });

  it('stops the worker busy the longest when the newest query has waited too long, and starts another', async () => {
    vi.useFakeTimers();
    const { host, workers } = setup();
    host.warm();
    workers.forEach((w) => w.reply({ type: 'ready' }));
    void host.search('the');
    void host.search('the p');
    const newest = host.search('the pentagon');
    vi.advanceTimersByTime(HOST_PREEMPT_MS - 1);
    expect(workers.some((w) => w.terminated)).toBe(false);
    vi.advanceTimersByTime(1);
    const stopped = workers.filter((w) => w.terminated);
    expect(stopped).toHaveLength(1);
    expect(stopped[0].searches().map((s) => s.term)).toEqual(['the']);
    // A new worker takes the newest query once it has started.
    const fresh = workers.at(-1)!;
    expect(workers).toHaveLength(HOST_WORKERS + 1);
    fresh.reply({ type: 'ready' });
    expect(fresh.searches().map((s) => s.term)).toEqual(['the pentagon']);
    fresh.answer(2);
    expect((await newest)!.results).toHaveLength(2);
  });

  it('searches a term of one or two characters only once typing pauses, and never if a longer one follows', async () => {
    vi.useFakeTimers();
    const { host, workers } = setup();
    host.warm();
    workers.forEach((w) => w.reply({ type: 'ready' }));
    const sent = () => workers.flatMap((w) => w.searches().map((s) => s.term));
    const z = host.search('z');
    vi.advanceTimersByTime(SHORT_TERM_WAIT_MS - 1);
    expect(sent()).toEqual([]);
    const zq = host.search('zq');
    expect(await z).toBeNull();
    vi.advanceTimersByTime(SHORT_TERM_WAIT_MS - 1);
    const zq0 = host.search('zq0');
    // Three characters: searched at once; the two shorter ones never were.
    expect(sent()).toEqual(['zq0']);
    expect(await zq).toBeNull();
    host.search('é').catch(() => undefined);
    vi.advanceTimersByTime(SHORT_TERM_WAIT_MS);
    expect(sent()).toEqual(['zq0', 'é']);
    expect(await zq0).toBeNull();
  });

  it('asks the worker that found a result for the data of a result past the eager ones', async () => {
    const { host, workers } = setup();
    host.warm();
    workers[0].reply({ type: 'ready' });
    const found = host.search('geneva');
    workers[0].answer(10);
    const r = (await found)!;
    const later = r.results[7].data();
    const ask = workers[0].sent.at(-1)!;
    expect(ask).toMatchObject({ type: 'data', index: 7 });
    workers[0].reply({ type: 'data', seq: (ask as { seq: number }).seq, index: 7, data: { url: '/r7/' } });
    expect(await later).toEqual({ url: '/r7/' });
  });

  it('sends each typed term to the idle workers to load its index chunks ahead', () => {
    const { host, workers } = setup();
    host.warm();
    workers.forEach((w) => w.reply({ type: 'ready' }));
    void host.search('gen');
    const idle = workers.find((w) => !w.searches().length)!;
    expect(idle.sent.filter((m) => m.type === 'preload')).toEqual([{ type: 'preload', term: 'gen', options: {} }]);
  });

  it('fails every query once a worker cannot start, so the page falls back to Pagefind’s own worker', async () => {
    const { host, workers } = setup();
    host.warm();
    const found = host.search('geneva');
    workers[0].reply({ type: 'failed', message: 'module workers are not supported' });
    await expect(found).rejects.toThrow('module workers are not supported');
    expect(workers.every((w) => w.terminated)).toBe(true);
    await expect(host.search('geneva')).rejects.toThrow('module workers are not supported');
  });
});
