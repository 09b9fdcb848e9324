/*
 * The portable edition's one classic page script (`_portable/page.js`): the runtime, then what the
 * web edition's src/lib/enhance.ts runs, less the offline service worker (a folder on disk needs
 * none, and file:// allows none). The search client is loaded on demand, as on the web.
 */
import './runtime.ts';
import { bindCopyButtons } from '../../cite/copy.ts';
import { bootSearch } from '../../search/boot.ts';
import { bindThemeToggles } from '../../theme/toggle.ts';

bindThemeToggles();
const portable = globalThis.__dossierPortable!;
bootSearch(document, () => portable.import('_portable/search.js') as Promise<typeof import('../../search/client.ts')>);
bindCopyButtons();

// /search/: what its page script does on the web (src/pages/search.astro).
if (document.querySelector('pagefind-config[instance=page]')) {
  void portable.import('_portable/search.js').then(async (m) => {
    const { client, page } = m as typeof import('./search-entry.ts');
    page.foldFiltersWhenNarrow();
    if (await client.loadSearchUi()) await page.startSearchPage();
    else document.querySelector('[data-search-missing]')?.removeAttribute('hidden');
  });
}
