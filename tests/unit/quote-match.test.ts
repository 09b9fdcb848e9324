import { describe, expect, it } from 'vitest';
import { matchQuote, quoteParts } from '../../src/lib/text/quote-match.ts';
import { normalize } from '../../src/lib/text/normalize.ts';

const text = 'He said: \u201cEveryone sees that the US-led coalition is pretending\u00a0to fight,\u201d Konashenkov\u2019s aide \u2014 later \u2013 added.';

describe('normalize', () => {
  it('folds spaces, quote marks and dashes, and maps back to the original', () => {
    const n = normalize('a\u00a0 \u201cb\u201d \u2014 c\u2019s');
    expect(n.text).toBe('a "b" - c\'s');
    expect(n.map[2]).toBe(3); // the folded " comes from the original index 3
  });
});

describe('matchQuote', () => {
  it('matches across curly quotes, no-break spaces and dashes', () => {
    const m = matchQuote('"Everyone sees that the US-led coalition is pretending to fight,"', text);
    expect(m.ok).toBe(true);
    if (m.ok) expect(text.slice(m.spans[0].start, m.spans[0].end)).toBe('\u201cEveryone sees that the US-led coalition is pretending\u00a0to fight,\u201d');
  });
  it('matches an elision part by part, in order', () => {
    const m = matchQuote('Everyone sees … Konashenkov\'s aide - later', text);
    expect(m.ok && m.spans.length).toBe(2);
  });
  it('refuses parts out of order', () => {
    expect(matchQuote('Konashenkov … Everyone sees', text).ok).toBe(false);
  });
  it('loosens nothing else: case, spelling and punctuation count', () => {
    expect(matchQuote('everyone sees', text).ok).toBe(false);
    expect(matchQuote('Everyone sees, that', text).ok).toBe(false);
    expect(matchQuote('Everyone see that', text).ok).toBe(false);
  });
  it('reports the nearest passage for a misquote', () => {
    const m = matchQuote('the US-led coalition is only pretending to fight', text);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.nearest).toContain('coalition is pretending');
  });
  it('drops empty parts around a leading or trailing elision', () => {
    expect(quoteParts('… pretending to fight …')).toEqual(['pretending to fight']);
  });
});
