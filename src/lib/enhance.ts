/*
 * The one script every page runs, as one file: each enhancement is a no-op when its markup is
 * absent, and none is needed to read. One module rather than one per component saves a request
 * and a gzip stream per script on the reader's first view (docs/performance.md).
 */
import { bindCopyButtons } from './cite/copy.ts';
import { startOffline } from './offline/client.ts';
import { bootSearch } from './search/boot.ts';
import { bindThemeToggles } from './theme/toggle.ts';

bindThemeToggles();
bootSearch();
bindCopyButtons();
startOffline();
