import type { OfflinePlan } from './plan.ts';
import { IMMUTABLE } from './plan.ts';

export interface WorkerConfig {
  version: string;
  mode: OfflinePlan['mode'];
  precache: string[];
  /** Sources of the regular expressions for content-hashed URLs. */
  immutable: string[];
  /** Where the full file list lives, for "Save for offline". */
  manifest: string;
}

/**
 * The service worker, written as a function so it is type-checked and tested as code; the
 * build writes `(${workerMain})(config)` to dist/sw.js. It must not use anything outside itself.
 *
 * Strategy: pages and unhashed files go to the network first, so an online reader always gets
 * the current edition, and fall back to the cache offline; hashed files (styles, scripts,
 * index chunks) come from the cache first. The previous edition's cache is kept until the next
 * one, so a tab opened before an update can still finish loading the index it started with.
 */
export function workerMain(sw: any, config: WorkerConfig): void {
  const PREFIX = 'dossier-';
  const CACHE = PREFIX + config.version;
  const immutable = config.immutable.map((s) => new RegExp(s));

  sw.addEventListener('install', (event: any) => {
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      const queue = config.precache.slice();
      const worker = async () => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
          if (await cache.match(url)) continue;
          const response = await fetch(new Request(url, { cache: 'reload' }));
          if (!response.ok) throw new Error(`offline: ${url} answered ${response.status}`);
          await cache.put(url, response);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]);
      await sw.skipWaiting();
    })());
  });

  sw.addEventListener('activate', (event: any) => {
    event.waitUntil((async () => {
      // Cache names come back in creation order: keep this edition and the one before it.
      const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      await Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
      await sw.clients.claim();
    })());
  });

  sw.addEventListener('message', (event: any) => {
    // Chromium can give up an activation when an event reaches the outgoing worker at that moment,
    // leaving this edition waiting until every tab closes; the next page load asks it again.
    if (event.data?.type === 'skip-waiting') return void sw.skipWaiting();
    if (event.data?.type === 'status' && event.ports?.[0]) {
      event.ports[0].postMessage({ version: config.version, mode: config.mode, cache: CACHE, manifest: config.manifest });
    }
  });

  sw.addEventListener('fetch', (event: any) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname === '/sw.js') return;
    event.respondWith(immutable.some((re) => re.test(url.pathname)) ? cacheFirst(request) : networkFirst(request));
  });

  async function cacheFirst(request: Request): Promise<Response> {
    const hit = await caches.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  }

  async function networkFirst(request: Request): Promise<Response> {
    try {
      const response = await fetch(request);
      // Visited pages are kept, which is how a large dossier fills its cache as it is read.
      if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
      return response;
    } catch (error) {
      const hit = (await caches.match(request)) ?? (await caches.match(request, { ignoreSearch: true }));
      if (hit) return hit;
      if (request.mode === 'navigate') return notSaved(new URL(request.url).pathname);
      throw error;
    }
  }

  function notSaved(path: string): Response {
    const safe = path.replace(/[<>&"]/g, '');
    const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not saved for offline reading</title><main><h1>This page is not saved for offline reading</h1><p>${safe} was not opened while you were online, and the whole dossier has not been saved. Reconnect, or use “Save for offline” on any page next time.</p><p><a href="/">Home</a> · <a href="/search/">Search</a></p></main></html>`;
    return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

/** The text of dist/sw.js for a plan. */
export function workerSource(plan: OfflinePlan, manifest = '/offline-manifest.json'): string {
  const config: WorkerConfig = {
    version: plan.version, mode: plan.mode, precache: plan.precache, manifest,
    immutable: IMMUTABLE.map((re) => re.source),
  };
  return `// Generated by the offline integration (src/integrations/offline.ts). Edition ${plan.version}.\n(${workerMain.toString()})(self, ${JSON.stringify(config)});\n`;
}
