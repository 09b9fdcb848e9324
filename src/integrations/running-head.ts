import type { Plugin } from 'vite';
import { join } from 'node:path';
import { currentDossier } from '../lib/content/current.ts';
import { contentDir } from '../lib/content/location.ts';
import { LAYOUT } from '../lib/content/read.ts';
import { runningHeadCss } from '../lib/print/plan.ts';
import { i18nFor } from '../lib/i18n/translate.ts';

/*
 * The running head of printed pages is the dossier's title, which comes from the content. As the
 * virtual stylesheet `virtual:dossier/running-head.css`, imported by the Base layout, it is
 * bundled into the site stylesheet every page already loads: no inline style for the Content
 * Security Policy to allow, and no second stylesheet request on every page.
 */
const ID = 'virtual:dossier/running-head.css';
// A resolved id that still ends in .css, so Vite's CSS pipeline bundles it.
const RESOLVED = '\0dossier-running-head.css';

export function runningHead(): Plugin {
  return {
    name: 'dossier:running-head',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return;
      // The dev server rebuilds the sheet when the title changes.
      this.addWatchFile(join(contentDir(), LAYOUT.dossier));
      const { settings } = currentDossier();
      const i = i18nFor(settings);
      return runningHeadCss(settings.title, i.t('print.pageOf', { page: '{page}', pages: '{pages}' }), i.dir);
    },
  };
}
