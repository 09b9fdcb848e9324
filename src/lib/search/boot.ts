/*
 * The only search code a page runs on load: a few listeners. Pagefind's Component UI (about
 * 50 kB) and the search client are fetched on the reader's first move towards search: pointing
 * at or focusing the header search, "/" or Ctrl/⌘+K. Until then the header holds a plain form
 * to /search/, which works with no JavaScript at all. Everything else is in client.ts.
 */
// The client is a module of its own, imported by URL: a plain import('./client.ts') would bundle
// Vite's preload helper into every page (src/integrations/module-url.ts).
import clientUrl from './client.ts?module-url';

type Client = typeof import('./client.ts');

let client: Promise<Client> | undefined;
const fromSite = (): Promise<Client> => import(/* @vite-ignore */ clientUrl);

const isTyping = (el: Element | null) => !!el && (el.matches('input, textarea, select') || (el as HTMLElement).isContentEditable);

/**
 * What the reader types between the shortcut and the modal's field being there (the first time,
 * the search's code is still loading): kept, and handed to the field, instead of lost. Reading it
 * ends the keeping. Only plain characters and Backspace; anything else ends it too.
 */
function keepTyping(root: Document): () => string {
  let text = '';
  const keep = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return stop();
    if (event.key === 'Backspace') text = text.slice(0, -1);
    else if (event.key.length === 1) text += event.key;
    else return stop();
    event.preventDefault();
  };
  const stop = () => root.removeEventListener('keydown', keep, true);
  root.addEventListener('keydown', keep, true);
  return () => {
    stop();
    return text;
  };
}

/** `load`: how the client is loaded; the portable edition passes its classic-script loader (src/lib/search/environment.ts). */
export function bootSearch(root: Document = document, load: () => Promise<Client> = fromSite): void {
  const importClient = () => (client ??= load());
  const box = root.querySelector<HTMLElement>('.site-search');
  if (!box) return;
  const warm = () => void importClient().then((c) => c.takeOver(box));
  // Pointer events cover mouse, pen and touch (a tap starts with pointerenter); focus covers the keyboard.
  box.addEventListener('pointerenter', warm, { once: true });
  box.addEventListener('focusin', warm, { once: true });

  // Ctrl/⌘+K opens the modal at any time; "/" only until the Component UI's trigger, which
  // handles "/" itself, is in place.
  root.addEventListener('keydown', (event) => {
    const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(root.activeElement) && !box.classList.contains('is-ready');
    if (!(ctrlK || slash) || root.querySelector('pagefind-modal dialog[open]')) return;
    event.preventDefault();
    const typed = keepTyping(root);
    // Should the search fail to load, reading what was kept ends the keeping: the page's keys are the page's again.
    void importClient().then((c) => c.openFromShortcut(box, typed), () => typed());
  });

  // A page opened from a search result highlights the terms it was found by.
  if (new URLSearchParams(location.search).has('highlight')) void importClient().then((c) => c.highlightLanding());
}
