/*
 * Registers the service worker and keeps the footer's offline line current. In shell mode (a
 * dossier too large to save at the first visit) it loads save.ts, which offers to save everything.
 */
import saveUrl from './save.ts?module-url';

export interface Status { version: string; mode: 'full' | 'shell'; cache: string; manifest: string }

const SAVED_KEY = 'dossier-offline-saved';

export function startOffline(): void {
  const text = document.querySelector<HTMLElement>('[data-offline-text]');
  if (!text) return;
  const say = (message: string) => { text.textContent = message; };
  if (!('serviceWorker' in navigator)) return say('This browser cannot keep the dossier for offline reading.');
  // `astro dev` has no /sw.js, so registration fails there and the line says so.
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => say('Offline reading is not available here.'));
  if (!navigator.serviceWorker.controller) say('Saving the dossier for offline reading…');
  navigator.serviceWorker.ready.then(async (registration) => {
    // A new edition installed but left waiting (see worker.ts) takes over now rather than when every tab is closed.
    registration.waiting?.postMessage({ type: 'skip-waiting' });
    const status = await ask(registration.active);
    if (!status) return;
    document.documentElement.dataset.offline = status.mode;
    if (status.mode === 'full') return say('Available offline: every page and the search.');
    if (localStorage.getItem(SAVED_KEY) === status.version) return say('Available offline: the whole dossier is saved.');
    say('Pages you open are kept for offline reading; search works offline.');
    // The save button's code comes only with the dossiers too large to save at the first visit.
    const saved = () => localStorage.setItem(SAVED_KEY, status.version);
    void (import(/* @vite-ignore */ saveUrl) as Promise<typeof import('./save.ts')>).then((m) => m.offerSave(status, say, saved));
  });
}

function ask(worker: ServiceWorker | null): Promise<Status | undefined> {
  if (!worker) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as Status);
    worker.postMessage({ type: 'status' }, [channel.port2]);
  });
}
