/*
 * Registers the service worker and keeps the footer's offline line current. In shell mode (a
 * dossier too large to save at the first visit) it loads save.ts, which offers to save everything.
 */
import saveUrl from './save.ts?module-url';
import { messagesOf } from '../i18n/client.ts';

export interface Status { version: string; mode: 'full' | 'shell'; cache: string; manifest: string }

const SAVED_KEY = 'dossier-offline-saved';

export function startOffline(): void {
  const text = document.querySelector<HTMLElement>('[data-offline-text]');
  if (!text) return;
  // The words are the catalogue's (OfflineStatus.astro): client.offline.*.
  const m = messagesOf(text.closest('[data-offline-status]'));
  const say = (message = '') => { text.textContent = message; };
  if (!('serviceWorker' in navigator)) return say(m.unsupported);
  // `astro dev` has no /sw.js, so registration fails there and the line says so.
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => say(m.unavailable));
  if (!navigator.serviceWorker.controller) say(m.saving);
  navigator.serviceWorker.ready.then(async (registration) => {
    // A new edition installed but left waiting (see worker.ts) takes over now rather than when every tab is closed.
    registration.waiting?.postMessage({ type: 'skip-waiting' });
    const status = await ask(registration.active);
    if (!status) return;
    document.documentElement.dataset.offline = status.mode;
    if (status.mode === 'full') return say(m.full);
    if (localStorage.getItem(SAVED_KEY) === status.version) return say(m.saved);
    say(m.shell);
    // The save button's code comes only with the dossiers too large to save at the first visit.
    const saved = () => localStorage.setItem(SAVED_KEY, status.version);
    void (import(/* @vite-ignore */ saveUrl) as Promise<typeof import('./save.ts')>).then((save) => save.offerSave(status, say, saved, m));
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
