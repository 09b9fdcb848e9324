/**
 * The header search's modal and its trigger. They are of no use without script, so the built
 * pages do not carry them: the search client adds them to the header just before Pagefind's
 * Component UI loads (src/lib/search/client.ts).
 */
import type { ClientMessages } from '../i18n/client.ts';

const text = (s = '') => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const attr = (s = '') => text(s).replace(/"/g, '&quot;');

/**
 * How long the search fields wait after a keystroke before searching. Pagefind's default is
 * 300 ms; on a warm page a query takes a few tens of milliseconds, so results can follow the
 * last keystroke within 100 ms (`keystroke_ms` in npm run bench, docs/performance.md).
 */
export const SEARCH_DEBOUNCE_MS = 50;

/**
 * The modal lists the best results only; "All results, with filters" opens /search/ with them
 * all. Rendering every match (a two-letter prefix can match every page) would hold up the main
 * thread between keystrokes, and with it the next search.
 */
export const MODAL_MAX_RESULTS = 20;

/** The modal's markup, in the words of the catalogue's `client.search.*` messages (trigger, field, all). */
export const modalMarkup = (m: ClientMessages) => `
<pagefind-modal-trigger shortcut="/" placeholder="${attr(m.trigger)}"></pagefind-modal-trigger>
<pagefind-modal>
  <pagefind-modal-header>
    <pagefind-input debounce="${SEARCH_DEBOUNCE_MS}" placeholder="${attr(m.field)}"></pagefind-input>
  </pagefind-modal-header>
  <pagefind-modal-body>
    <pagefind-summary></pagefind-summary>
    <pagefind-results max-results="${MODAL_MAX_RESULTS}" max-sub-results="3"></pagefind-results>
  </pagefind-modal-body>
  <pagefind-modal-footer>
    <pagefind-keyboard-hints></pagefind-keyboard-hints>
    <a class="search-all-link" href="/search/" data-search-all>${text(m.all)}</a>
  </pagefind-modal-footer>
</pagefind-modal>`;

/** Adds the modal to the header search once; returns false when the page has no header search. */
export function installModal(root: ParentNode = document): boolean {
  const box = root.querySelector('.site-search');
  if (!box) return false;
  // Parsed here rather than through i18n/client.ts, which the page script also imports: sharing it
  // would split it into a chunk of its own, one more request in every page's first view.
  const messages = JSON.parse((box as Element).getAttribute('data-messages') || '{}') as ClientMessages;
  if (!box.querySelector('pagefind-modal')) box.insertAdjacentHTML('beforeend', modalMarkup(messages));
  return true;
}
