/*
 * `_portable/search.js`: the search client and the /search/ page's code, as one classic script
 * that registers its exports (runtime.ts). boot.ts imports the client by URL; in the edition that
 * URL is this file.
 */
import * as client from '../../search/client.ts';
import * as page from '../../search/page.ts';

export { client, page };
globalThis.__dossierPortable!.module({ ...client, client, page });
