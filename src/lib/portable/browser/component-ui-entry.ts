/* `pagefind/pagefind-component-ui.js` in the portable edition; see pagefind.ts. */
// @ts-expect-error: the built index's pagefind.js, resolved by src/lib/portable/bundle.ts
import * as pagefind from 'pagefind-built:pagefind.js';
// @ts-expect-error: the built index's Component UI, its import() of pagefind.js patched to the global below
import 'pagefind-built:pagefind-component-ui.js';
import { portablePagefind } from './pagefind.ts';
import { mergeParts } from '../../search/merge.ts';

(globalThis as any).__dossierPagefind = portablePagefind(pagefind, globalThis.__dossierPortable!.fromPage);
// Here Pagefind resolves at once, so a load that starts before the script's load event would not
// see the parts; the list is read before this script is added (search/client.ts).
mergeParts();
