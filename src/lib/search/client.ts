/*
 * Browser side of search: loads Pagefind's Component UI from the built index folder (it does
 * not exist until the build has run, so Vite cannot bundle it), opens its modal with what the
 * reader typed, and highlights the search terms on the page a result opens. Pages load it on
 * demand through boot.ts, which owns the listeners and the keyboard shortcuts.
 */
import resultsCss from '../../styles/search-results.css?url';
import { installModal, MODAL_MAX_RESULTS } from './modal.ts';
import { SearchHost, type WorkerLike } from './host.ts';
import hostWorkerUrl from './host-worker.ts?module-url';
import { installResultTemplate } from './template.ts';
import { addStylesheet } from '../dom/stylesheet.ts';
import { searchEnvironment } from './environment.ts';
import { furtherParts, INSTANCES, mergeParts } from './merge.ts';
import { searchInOrder, type SearchSteps } from './in-order.ts';

const env = searchEnvironment();
const BUNDLE = `${env.root}pagefind/`;

interface Instance {
  options: { bundlePath?: string };
  pagefindOptions: Record<string, unknown>;
  __pagefind__: unknown;
  searchTerm: string;
  searchFilters: Record<string, string[]>;
  searchSort: Record<string, string>;
  on(event: string, cb: (...args: any[]) => void): void;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  triggerLoad(): Promise<void>;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): Instance; hasInstance(name: string): boolean } };
  }
}

let loading: Promise<boolean> | undefined;

/**
 * Resolves true once the Component UI is defined, false if the index is missing (dev without a
 * build). The list of the index's parts is read first (merge.ts): the UI must know every part
 * before it loads Pagefind, or its first search and its filter counts would miss the others.
 */
export function loadSearchUi(): Promise<boolean> {
  loading ??= (async () => {
    installModal();
    installResultTemplate();
    addStylesheet(resultsCss);
    addStylesheet(`${BUNDLE}pagefind-component-ui.css`);
    const merge = await furtherParts(BUNDLE);
    // For the portable edition's bundled UI, which merges them as its script runs (merge.ts).
    globalThis.__dossierSearchParts = merge;
    return new Promise<boolean>((resolve) => {
      const script = document.createElement('script');
      if (env.scriptType === 'module') script.type = 'module';
      script.src = `${BUNDLE}pagefind-component-ui.js`;
      script.onload = () => {
        mergeParts(merge);
        for (const name of INSTANCES) if (window.PagefindComponents?.getInstanceManager().hasInstance(name)) searchInOrder(instance(name) as unknown as SearchSteps);
        installHost(merge);
        bindAllResultsLink();
        resolve(true);
      };
      script.onerror = () => {
        document.documentElement.dataset.search = 'missing';
        resolve(false);
      };
      document.head.append(script);
    });
  })();
  return loading;
}

/**
 * The header search after the reader's first move towards it. Once the UI is loaded its trigger
 * replaces the plain form, but never under the reader's cursor: while the plain field has focus
 * it stays, and typing in it opens the modal with the text.
 */
export async function takeOver(box: HTMLElement): Promise<void> {
  if (!(await loadSearchUi())) return;
  const field = box.querySelector<HTMLInputElement>('.site-search-form input');
  if (field && document.activeElement === field) {
    if (field.value) openModal(field.value);
    else field.addEventListener('input', () => openModal(field.value), { once: true });
    field.addEventListener('blur', () => box.classList.add('is-ready'), { once: true });
  } else box.classList.add('is-ready');
}

/**
 * "/" or Ctrl/⌘+K: the modal opens at once. `typed()` gives what the reader typed while the
 * search was loading (boot.ts keeps it), read only now that the field is there to take it.
 */
export async function openFromShortcut(box: HTMLElement, typed: () => string = () => ''): Promise<void> {
  if (!(await loadSearchUi())) {
    typed();
    return;
  }
  box.classList.add('is-ready');
  openModal(typed());
}

/**
 * How many of the modal's results come with their data in the search's own turn: about as many as
 * the modal shows before scrolling (the rest load as they scroll into view, as Pagefind's UI does).
 */
const EAGER_RESULTS = 6;

/**
 * The header search runs its queries in workers of its own, so that the last keystroke's query
 * never waits behind the earlier ones (host.ts, docs/search.md). It takes Pagefind's place in the
 * Component UI's instance before that instance loads Pagefind; if its workers cannot start, the
 * instance loads Pagefind's own worker as before.
 */
function installHost(merge: string[]): void {
  const search = instance();
  if (!search || search.__pagefind__ || !env.workers) return;
  const host = new SearchHost(() => new Worker(hostWorkerUrl, { type: 'module' }) as unknown as WorkerLike, {
    bundlePath: search.options?.bundlePath ?? BUNDLE,
    merge,
    language: document.documentElement.lang || 'unknown',
    options: { ...search.pagefindOptions },
    head: MODAL_MAX_RESULTS,
    eager: EAGER_RESULTS,
  });
  host.warm();
  const shim = {
    search: (term: string | null, options: Record<string, unknown>) =>
      host.search(term, options).catch(async () => {
        if (search.__pagefind__ === shim) search.__pagefind__ = null;
        await search.triggerLoad();
        // A query typed while Pagefind loaded supersedes this one (the UI would not draw it), so it is not run.
        if (search.searchTerm !== term) return null;
        return (await (search.__pagefind__ as { search: typeof host.search } | null)?.search(term, options)) ?? null;
      }),
    filters: () => host.filters(),
    preload: (term: string, options: Record<string, unknown>) => host.preload(term, options),
  };
  search.__pagefind__ = shim;
}

export function instance(name = 'default'): Instance | undefined {
  return window.PagefindComponents?.getInstanceManager().getInstance(name);
}

/**
 * Opens the header search's modal, carrying over what the reader typed in the plain field. The
 * modal's field takes focus and the text in the same task, so no key pressed meanwhile is lost.
 */
/** Opens the modal with its field focused, holding `text` (typed elsewhere first) when given. */
export function openModal(text = ''): void {
  const modal = document.querySelector<HTMLElement & { open?: () => void }>('pagefind-modal');
  if (!modal?.open) return;
  modal.open();
  const input = modal.querySelector<HTMLInputElement>('pagefind-input input');
  if (!input) return;
  input.focus();
  if (!text) return;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The modal's "All results" link carries the current query to /search/. */
function bindAllResultsLink(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-search-all]');
    const term = instance()?.searchTerm?.trim();
    if (link && term) link.href = `${env.page('/search/')}?q=${encodeURIComponent(term)}`;
  });
}

export async function highlightLanding(param = 'highlight'): Promise<void> {
  if (!new URLSearchParams(location.search).has(param)) return;
  addStylesheet(resultsCss);
  const url = `${BUNDLE}pagefind-highlight.js`;
  try {
    const { default: PagefindHighlight } = await env.import(url);
    new PagefindHighlight({
      highlightParam: param,
      addStyles: false,
      markOptions: { className: 'search-hit', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
    });
  } catch {
    return;
  }
  // With no section anchor to jump to, bring the first hit into view.
  const first = document.querySelector('mark.search-hit');
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
