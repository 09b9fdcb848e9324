import { describe, expect, it } from 'vitest';
import { similarity, tokenize, wordDiff, type DiffPart } from '../../src/lib/analysis/diff.ts';

const joined = (parts: DiffPart[], ops: DiffPart['op'][]) => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join('');

describe('tokenize', () => {
  it('splits into words and punctuation and loses nothing', () => {
    const text = '  "These facts," the ministry’s  statement said — U.S.-led… (pretends)';
    expect(tokenize(text).join('')).toBe(text);
    expect(tokenize('in fact  provides')).toEqual(['in ', 'fact  ', 'provides']);
  });
});

describe('wordDiff', () => {
  const base = '"These facts are conclusive evidence that the United States provides cover"';
  const other = '“These facts give indisputable evidence that the U.S. provides cover,” it said.';
  const parts = wordDiff(base, other);

  it('rebuilds the compared rendering verbatim from its same and added parts', () => {
    expect(joined(parts, ['same', 'added'])).toBe(other);
  });

  it('marks changed words as removed and added, word by word', () => {
    expect(parts.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['are conclusive', 'United States']);
    expect(parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['give indisputable', 'U.S.', ',', 'it said.']);
  });

  it('ignores differences in quote marks, dashes and spacing, as the quote matcher does', () => {
    const d = wordDiff('the “US-led”  coalition', 'the "US–led" coalition');
    expect(d.every((p) => p.op === 'same')).toBe(true);
    expect(joined(d, ['same'])).toBe('the "US–led" coalition');
  });

  it('keeps a space before struck words that the compared text runs into', () => {
    const d = wordDiff('terrorism for the community, in fact', 'terrorism, in fact');
    expect(d.map((p) => p.text)).toEqual(['terrorism', ' for the community', ', in fact']);
  });
});

describe('similarity', () => {
  it('is the share of the baseline’s words kept', () => {
    expect(similarity(wordDiff('a b c d', 'a b c d'))).toBe(1);
    expect(similarity(wordDiff('a b c d', 'a b x y'))).toBe(0.5);
    expect(similarity(wordDiff('one two', 'three four'))).toBe(0);
  });
});
