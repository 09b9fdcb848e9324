/*
 * `npm run dev` only (injected by src/integrations/dev-reload.ts): when a save verifies, the open
 * page fetches itself again and puts the new <main> in place of the old one, with the new title
 * and metadata, instead of reloading whole. A reload fetches and runs the page's styles and
 * scripts again and paints from nothing (about 150 ms at 1,000 sources, docs/performance.md);
 * the swap keeps them, the scroll position and the header's state. Whenever the page around
 * <main> changed (the dossier's title, the language, a style or script the page now needs), or
 * <main> holds a script, it reloads as before, so a swap never shows a page a reload would not.
 */
export const UPDATED = 'dossier:updated';
/** A page's client, connected, says which save its page was rendered after (src/lib/dev-server.ts). */
export const SEEN = 'dossier:seen';
/** The page's meta element that holds that count. */
export const SAVES_META = 'dossier-dev-saves';

/** What must stay the same for a swap: the body without <main>, and the styles and scripts of the head. */
export function shellOf(doc: Document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  // Elements the dev server adds once the page runs are not part of the page.
  for (const el of body.querySelectorAll('main, astro-dev-toolbar, vite-error-overlay')) el.remove();
  const head = [...doc.head.querySelectorAll('link[rel="stylesheet"], style, script[src], script[type="module"]')].map((el) =>
    el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data-vite-dev-id') ?? el.textContent ?? '',
  );
  return `${head.join('\n')}\n${body.innerHTML}`;
}

const HEAD_DATA = 'title, meta[name], meta[property], link[rel="canonical"], link[rel="alternate"], script[type="application/ld+json"]';

/** Put the fetched page's <main> and metadata into `doc`; false when only a reload shows it faithfully. */
export function swapIn(doc: Document, shell: string, html: string, parse = (text: string) => new DOMParser().parseFromString(text, 'text/html')): { swapped: boolean; shell: string } {
  const next = parse(html);
  const main = doc.querySelector('main');
  const nextMain = next.querySelector('main');
  const nextShell = shellOf(next);
  if (!main || !nextMain || nextShell !== shell || main.querySelector('script') || nextMain.querySelector('script')) return { swapped: false, shell };
  for (const el of doc.head.querySelectorAll(HEAD_DATA)) el.remove();
  doc.head.append(...[...next.head.querySelectorAll(HEAD_DATA)].map((el) => doc.importNode(el, true)));
  main.replaceWith(doc.importNode(nextMain, true));
  for (const overlay of doc.querySelectorAll('vite-error-overlay')) overlay.remove();
  return { swapped: true, shell: nextShell };
}
