/*
 * The dev server's page script (src/integrations/dev-reload.ts injects it in `astro dev` only):
 * a verified save arrives as `dossier:updated`, and the page swaps in its new <main> (swap.ts),
 * or reloads when a swap would not show it faithfully or the fetch fails.
 */
import { bindCopyButtons } from '../cite/copy.ts';
import { SAVES_META, SEEN, shellOf, swapIn, UPDATED } from './swap.ts';

let shell = shellOf(document);
let latest = 0;

import.meta.hot?.on(UPDATED, async () => {
  // The verifier's message is showing: only a reload clears Vite's overlay, and the page under it may be stale.
  if (document.querySelector('vite-error-overlay')) {
    location.reload();
    return;
  }
  const mine = ++latest;
  try {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (mine !== latest) return; // a newer save's fetch is on its way
    if (!response.ok) throw new Error(String(response.status));
    const result = swapIn(document, shell, await response.text());
    if (!result.swapped) throw new Error('the page around <main> changed');
    shell = result.shell;
    bindCopyButtons(document.querySelector('main') ?? document);
    console.info('[dossier] page updated');
  } catch {
    location.reload();
  }
});

// A save verified while this page was loading reached no client of it: say which save the page
// was rendered after, and the server sends the update again if a later one was verified. Vite
// holds the message until its client has connected.
const saves = Number(document.querySelector(`meta[name="${SAVES_META}"]`)?.getAttribute('content'));
if (Number.isFinite(saves)) import.meta.hot?.send(SEEN, { saves });
