/*
 * The dev server's page script (src/integrations/dev-reload.ts injects it in `astro dev` only):
 * a verified save arrives as `dossier:updated`, and the page swaps in its new <main> (swap.ts),
 * or reloads when a swap would not show it faithfully or the fetch fails.
 */
import { bindCopyButtons } from '../cite/copy.ts';
import { shellOf, swapIn, UPDATED } from './swap.ts';

let shell = shellOf(document);
let latest = 0;

import.meta.hot?.on(UPDATED, async () => {
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
