import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSitePath, sitePathCheck } from '../../src/lib/content/site-paths.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { allFiles, siteDir } from '../helpers/site.ts';

// The verifier checks authors' links against isSitePath before anything is built; this holds its
// rules to what the build really writes, so a route added to src/pages/ without it fails here.
describe('the paths the verifier expects the site to have', () => {
  const { dossier } = verifyContent('src/content');
  const ids = {
    sources: new Set(dossier!.sources.keys()),
    claims: new Set(dossier!.claims.keys()),
    pages: new Set(dossier!.pages.keys()),
    captures: new Set(dossier!.captures.keys()),
  };
  // Bundled assets and the search index are the build's own, never linked by an author.
  const built = allFiles().map((f) => `/${relative(siteDir(), f)}`).filter((p) => !/^\/(_astro|pagefind)\//.test(p))
    .map((p) => p.replace(/(^|\/)index\.html$/, '$1'));

  it('include every page and file of the real build', () => {
    expect(built.length).toBeGreaterThan(50);
    const check = sitePathCheck(ids);
    expect(built.filter((p) => !check(p))).toEqual([]);
  });

  it('and nothing the build does not write', () => {
    const paths = new Set(built);
    const made = [...ids.sources].map((id) => `/sources/${id}/`).concat([...ids.claims].map((id) => `/claims/${id}/`), [...ids.pages].map((id) => `/${id}/`));
    for (const p of made) expect(paths.has(p), p).toBe(true);
    for (const p of ['/sources/no-such-source/', '/claims/no-such-claim/', '/no-such-page/', '/sources/page/2/', '/cite/claim-no-such-claim.bib', '/captures/no-such.txt', '/sources/x/y/']) {
      expect(isSitePath(p, ids), p).toBe(false);
    }
  });
});
