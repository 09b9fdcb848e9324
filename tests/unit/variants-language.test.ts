import { describe, expect, it } from 'vitest';
import { buildVariants } from '../../src/lib/analysis/variants.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';

describe('quote variants', () => {
  it('compare word by word only renderings in the first one\'s language, not a translation', () => {
    const { dossier } = verifyContent('examples/harbour-fire');
    const claim = dossier!.claims.get('electrical-fault')!;
    expect(new Set(claim.appearances.map((a) => dossier!.sources.get(a.source)!.language))).toEqual(new Set(['en', 'fr']));
    const variants = buildVariants(dossier!, 'claim', 'electrical-fault');
    expect(variants.map((v) => v.source.id)).toEqual(['coastline-news-2024-03-12']);
  });
});
