/*
 * Saves the whole dossier for offline reading, four files at a time, showing progress. Loaded
 * only when the service worker reports a dossier too large to save at the first visit
 * (offline/client.ts), so a page of any other dossier never loads it.
 */
import type { Status } from './client.ts';
import css from '../../styles/offline-save.css?url';
import { addStylesheet } from '../dom/stylesheet.ts';
import type { ClientMessages } from '../i18n/client.ts';

interface Controls { box: HTMLElement; button: HTMLButtonElement; bar: HTMLProgressElement }

/** Adds the footer's "Save the whole dossier" button and saves on a press; `saved` runs once all is saved. */
export function offerSave(status: Status, say: (m: string) => void, saved: () => void, m: ClientMessages): void {
  const line = document.querySelector<HTMLElement>('[data-offline-status]');
  if (!line || line.querySelector('[data-offline-save]')) return;
  addStylesheet(css);
  const box = document.createElement('p');
  box.className = 'offline-save';
  box.dataset.offlineSave = '';
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.offlineButton = '';
  button.textContent = m.button ?? '';
  const bar = document.createElement('progress');
  bar.dataset.offlineProgress = '';
  bar.max = 1;
  bar.value = 0;
  bar.hidden = true;
  box.append(button, bar);
  line.append(box);
  button.addEventListener('click', async () => {
    if (await saveAll(status, say, { box, button, bar }, m)) saved();
  });
}

/** True once every file is in the cache; on a lost connection what was saved stays, and the button works again. */
export async function saveAll(status: Status, say: (m: string) => void, { box, button, bar }: Controls, m: ClientMessages): Promise<boolean> {
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
        say((m.progress ?? '').replace('{done}', String(done)).replace('{total}', String(files.length)));
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    box.hidden = true;
    say(m.saved);
    return true;
  } catch {
    button.disabled = false;
    say(m.lost);
    return false;
  }
}
