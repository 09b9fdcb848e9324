import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDir } from '../helpers/site.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { citableItems } from '../../src/lib/cite/items.ts';
import { CITE_DOWNLOADS } from '../../src/lib/cite/downloads.ts';

// The per-item citation files are written by an integration, not rendered as routes.
describe('/cite/ download files', () => {
  const { dossier } = verifyContent('src/content');
  const items = citableItems(dossier!);

  it('exist for the dossier, every source and every claim, in each format, with the formatter’s exact bytes', () => {
    for (const item of items) {
      for (const d of CITE_DOWNLOADS) {
        expect(readFileSync(join(siteDir(), 'cite', `${item.id}.${d.ext}`), 'utf8'), `${item.id}.${d.ext}`).toBe(d.render(item));
      }
    }
  });

  it('are the only files in /cite/ besides its page', () => {
    const expected = new Set(['index.html', ...items.flatMap((i) => CITE_DOWNLOADS.map((d) => `${i.id}.${d.ext}`))]);
    expect(new Set(readdirSync(join(siteDir(), 'cite')))).toEqual(expected);
  });

  it('stay out of the sitemap', () => {
    const maps = readdirSync(siteDir()).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(siteDir(), f), 'utf8'));
    expect(maps.length).toBeGreaterThan(0);
    for (const xml of maps) expect(xml).not.toMatch(/\/cite\/[^<]+\.(json|bib|ris)</);
  });
});
