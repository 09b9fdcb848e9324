import { describe, expect, it } from 'vitest';
import { buildVariants } from '../../src/lib/analysis/variants.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';

describe('quote variants', () => {
  it('compare word by word only renderings in one language, never a rendering against one in another language', () => {
    const { dossier } = verifyContent('examples/harbour-fire');
    const claim = dossier!.claims.get('electrical-fault')!;
    expect(new Set(claim.appearances.map((a) => dossier!.sources.get(a.source)!.language))).toEqual(new Set(['en', 'fr']));
    const variants = buildVariants(dossier!, 'claim', 'electrical-fault');
    // Each language's first rendering is the base of its language: no word diff across languages.
    const byLanguage = Map.groupBy(variants, (v) => v.source.language);
    expect([...byLanguage.keys()].sort()).toEqual(['en', 'fr']);
    for (const list of byLanguage.values()) {
      expect(list[0]).not.toHaveProperty('diff');
      for (const v of list.slice(1)) expect(v).toHaveProperty('diff');
    }
  });
});
