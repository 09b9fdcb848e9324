// An original and its translation, verified: the Arabic example's claim quotes the Arabic bulletin
// and, under translation:, the Valley Herald's English rendering of it.
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { buildVariants } from '../../src/lib/analysis/variants.ts';

const { dossier, problems } = verifyContent('examples/arabic');

describe('a translation linked to its original', () => {
  it('verifies', () => {
    expect(problems).toEqual([]);
    expect(dossier!.sources.get('herald-2024-02-11')!.translation).toEqual({ of: 'bulletin-2024-02-10', by: 'outlet', date: '2024-02-11' });
  });

  it('finds each quote in its own text, and marks both passages', () => {
    const [a] = dossier!.claims.get('bridge-by-summer')!.appearances;
    expect(a.excerpt).toBe('سيعود الجسر إلى العمل قبل بداية الصيف');
    expect(a.translation).toMatchObject({ source: 'herald-2024-02-11', excerpt: 'The bridge will be back in service before the start of summer' });
    const herald = dossier!.sources.get('herald-2024-02-11')!;
    expect(herald.passages.filter((p) => p.id === 'bridge-by-summer').map((p) => p.anchor)).toEqual([a.translation!.anchor]);
    expect(herald.text.slice(herald.passages[0].start, herald.passages[0].end)).toBeTruthy();
  });

  it('compares words only within one language, and tags the original', () => {
    const variants = buildVariants(dossier!, 'claim', 'bridge-by-summer');
    expect(variants.map((v) => [v.source.id, v.original ?? false, v.diff === undefined])).toEqual([
      ['bulletin-2024-02-10', true, true],
      ['herald-2024-02-11', false, true],
    ]);
  });
});
