/*
 * Registers the service worker and keeps the footer's offline line current. In shell mode it
 * offers to save everything; the code that saves (save.ts) loads when the reader asks.
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
    const status = await ask(registration.active);
    if (!status) return;
    document.documentElement.dataset.offline = status.mode;
    if (status.mode === 'full') return say('Available offline: every page and the search.');
    if (localStorage.getItem(SAVED_KEY) === status.version) return say('Available offline: the whole dossier is saved.');
    say('Pages you open are kept for offline reading; search works offline.');
    offerSave(status, say);
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

/** Shows the "save everything" button; the saving code loads when the reader presses it. */
function offerSave(status: Status, say: (m: string) => void): void {
  const box = document.querySelector<HTMLElement>('[data-offline-save]');
  const button = document.querySelector<HTMLButtonElement>('[data-offline-button]');
  const bar = document.querySelector<HTMLProgressElement>('[data-offline-progress]');
  if (!box || !button || !bar) return;
  box.hidden = false;
  button.addEventListener('click', async () => {
    const { saveAll } = (await import(/* @vite-ignore */ saveUrl)) as typeof import('./save.ts');
    if (await saveAll(status, say, { box, button, bar })) localStorage.setItem(SAVED_KEY, status.version);
  });
}
