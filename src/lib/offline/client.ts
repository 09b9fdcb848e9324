/*
 * Registers the service worker and keeps the footer's
 * offline line current. In shell mode it offers to save everything, showing progress.
 */
interface Status { version: string; mode: 'full' | 'shell'; cache: string; manifest: string }

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

function offerSave(status: Status, say: (m: string) => void): void {
  const box = document.querySelector<HTMLElement>('[data-offline-save]');
  const button = document.querySelector<HTMLButtonElement>('[data-offline-button]');
  const bar = document.querySelector<HTMLProgressElement>('[data-offline-progress]');
  if (!box || !button || !bar) return;
  box.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    bar.hidden = false;
    try {
      const { files } = (await (await fetch(status.manifest, { cache: 'no-cache' })).json()) as { files: string[] };
      const cache = await caches.open(status.cache);
      bar.max = files.length;
      let done = 0;
      const queue = files.slice();
      const worker = async () => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
          if (!(await cache.match(url))) await cache.add(url);
          done++;
          bar.value = done;
          say(`Saving for offline: ${done} of ${files.length} files…`);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      localStorage.setItem(SAVED_KEY, status.version);
      box.hidden = true;
      say('Available offline: the whole dossier is saved.');
    } catch {
      button.disabled = false;
      say('Saving stopped: the connection was lost. Try again when online; what was saved is kept.');
    }
  });
}
