/*
 * A search worker of the header search (host.ts): Pagefind's own pagefind.js, run inside this
 * worker (outside a page it searches in the thread it is loaded in), answering one query at a
 * time with the head of its results. The page stops this worker when a newer query comes.
 */
/// <reference lib="webworker" />
import type { HeadResult, HostReply, HostRequest } from './host.ts';

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<unknown>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[]; unfilteredResultCount: number; filters: unknown; totalFilters: unknown } | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: HostReply) => scope.postMessage(reply);

let pagefind: Promise<Pagefind> | undefined;
/** The last query's results, for the data of a result past the head. */
let last: { seq: number; results: PagefindResult[] } | undefined;

async function boot(request: Extract<HostRequest, { type: 'init' }>): Promise<Pagefind> {
  // pagefind.js reads the index language from the page's <html lang>; a worker has no page, so
  // it is given the page's language the same way (Pagefind would otherwise pick the index with
  // the most pages, which is wrong for a dossier in several languages).
  const g = globalThis as unknown as { document?: unknown };
  g.document ??= { querySelector: (s: string) => (s === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? request.language : null) } : null) };
  const api = (await import(/* @vite-ignore */ `${request.bundlePath}pagefind.js`)) as { createInstance(o: Record<string, unknown>): Pagefind };
  // As a path, as Pagefind's own worker gets it: result URLs are then site paths, not full URLs.
  const instance = api.createInstance({ ...request.options, basePath: new URL(request.bundlePath, scope.location.href).pathname });
  await instance.init();
  // The index's further parts, with the same options, so their results read like the first's.
  for (const part of request.merge ?? []) await instance.mergeIndex(new URL(part, scope.location.href).pathname, { ...request.options });
  return instance;
}

scope.onmessage = async ({ data: request }: MessageEvent<HostRequest>) => {
  if (request.type === 'init') {
    pagefind = boot(request);
    pagefind.then(() => post({ type: 'ready' }), (e: Error) => post({ type: 'failed', message: String(e?.message ?? e) }));
    return;
  }
  if (!pagefind) return;
  const pf = await pagefind;
  if (request.type === 'preload') {
    await pf.preload(request.term, request.options).catch(() => undefined);
  } else if (request.type === 'search') {
    const found = await pf.search(request.term, request.options);
    const results = found?.results ?? [];
    last = { seq: request.seq, results };
    const head = results.slice(0, request.head);
    const data = await Promise.all(head.slice(0, request.eager).map((r) => r.data()));
    post({
      type: 'results',
      seq: request.seq,
      total: results.length,
      unfilteredResultCount: found?.unfilteredResultCount ?? 0,
      filters: found?.filters ?? {},
      totalFilters: found?.totalFilters ?? {},
      head: head.map((r, i): HeadResult => (i < data.length ? { id: r.id, score: r.score, words: r.words, data: data[i] } : { id: r.id, score: r.score, words: r.words })),
    });
  } else if (request.type === 'data') {
    const result = last?.seq === request.seq ? last.results[request.index] : undefined;
    post({ type: 'data', seq: request.seq, index: request.index, data: result ? await result.data() : null });
  }
};
