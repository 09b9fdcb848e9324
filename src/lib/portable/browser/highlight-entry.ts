/* `pagefind/pagefind-highlight.js` in the portable edition: Pagefind's highlighter as a classic script. */
// @ts-expect-error: the built index's pagefind-highlight.js, resolved by src/lib/portable/bundle.ts
import PagefindHighlight from 'pagefind-built:pagefind-highlight.js';

globalThis.__dossierPortable!.module({ default: PagefindHighlight });
