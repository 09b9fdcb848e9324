import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { claimLd, serializeJsonLd, sourcePageLd } from '../../src/lib/meta/jsonld.ts';
import { wrap } from '../../src/lib/meta/og-card.ts';

const { dossier } = verifyContent('tests/fixtures/mini');

describe('JSON-LD', () => {
  it('cannot be broken out of by text holding </script> or <!--', () => {
    const out = serializeJsonLd({ name: 'a </script><script>alert(1)</script> <!-- b & c \u2028' });
    expect(out).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(out).name).toBe('a </script><script>alert(1)</script> <!-- b & c \u2028');
  });

  it('describes a source page as based on the captured article, with no invented URL', () => {
    const source = dossier!.sources.get('wire-2020-03-02')!;
    const ld = sourcePageLd(source, dossier!) as any;
    expect(ld.about['@type']).toBe('NewsArticle');
    expect(ld.about.publisher.name).toBe('Example Wire');
    expect(ld.about.datePublished).toBe('2020-03-02');
    expect(ld.about.url).toBeUndefined();
    expect(ld.isBasedOn['@id']).toBe(ld.about['@id']);
  });

  it('gives a claim its claimant as author and its earliest source as first appearance', () => {
    const claim = [...dossier!.claims.values()][0];
    const ld = claimLd(claim, dossier!) as any;
    expect(ld['@type']).toBe('Claim');
    expect(ld.author.name).toBe(dossier!.actors.get(claim.claimant)!.name);
    const dates = ld.appearance.map((a: any) => a.datePublished);
    expect([...dates].sort()).toEqual(dates);
    expect(ld.firstAppearance).toEqual(ld.appearance[0]);
  });
});

describe('preview card text', () => {
  it('wraps at word boundaries and marks a cut with an ellipsis', () => {
    expect(wrap('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrap('one two three four five six', 7, 2)).toEqual(['one two', 'three…']);
  });
});
