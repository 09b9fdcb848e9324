/*
 * Saves the whole dossier for offline reading, four files at a time, showing progress. Loaded
 * only when the reader presses the footer's button (offline/client.ts), so no page pays for it.
 */
import type { Status } from './client.ts';

interface Controls { box: HTMLElement; button: HTMLButtonElement; bar: HTMLProgressElement }

/** True once every file is in the cache; on a lost connection what was saved stays, and the button works again. */
export async function saveAll(status: Status, say: (m: string) => void, { box, button, bar }: Controls): Promise<boolean> {
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
    box.hidden = true;
    say('Available offline: the whole dossier is saved.');
    return true;
  } catch {
    button.disabled = false;
    say('Saving stopped: the connection was lost. Try again when online; what was saved is kept.');
    return false;
  }
}
