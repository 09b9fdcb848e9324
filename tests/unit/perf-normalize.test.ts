import { describe, expect, it } from 'vitest';
import { fold, normalize } from '../../src/lib/text/normalize.ts';
import { hasQuote, matchQuote } from '../../src/lib/text/quote-match.ts';

// The character-by-character normalisation it replaces, kept here as the reference.
const QUOTE_SINGLE = /['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const QUOTE_DOUBLE = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASH = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
function reference(input: string): { text: string; map: number[] } {
  const foldChar = (ch: string) => (QUOTE_SINGLE.test(ch) ? "'" : QUOTE_DOUBLE.test(ch) ? '"' : DASH.test(ch) ? '-' : ch);
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    text += foldChar(ch);
    map.push(i);
  }
  map.push(input.length);
  return { text, map };
}

const same = (input: string) => {
  const got = normalize(input);
  const want = reference(input);
  expect(got.text, JSON.stringify(input)).toBe(want.text);
  expect([...got.map], JSON.stringify(input)).toEqual(want.map);
  expect(fold(input)).toBe(want.text);
};

describe('normalize (table-driven)', () => {
  it('treats every UTF-16 code unit exactly as the reference does', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const got = normalize(`${ch}a${ch}b${ch}${ch}c${ch}`);
      const want = reference(`${ch}a${ch}b${ch}${ch}c${ch}`);
      if (got.text !== want.text || [...got.map].join() !== want.map.join()) throw new Error(`differs at U+${c.toString(16)}`);
    }
  });

  it('matches the reference on edge cases and on random text', () => {
    for (const s of ['', ' ', '\n\t ', 'a', ' a ', '\u00a0\u2014\u00a0', 'a \u2019 b', '\ud83d\ude00 x\u2003y', 'x\r\n\r\ny']) same(s);
    const alphabet = ['a', 'B', ' ', '\n', '\t', '\u00a0', '\u2003', '\u3000', "'", '\u2019', '"', '\u201c', '\u00ab', '-', '\u2014', '\u2212', '…', 'é', '\ud83d', '\ude00'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(rand() * 40);
      same(Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    }
  });
});

describe('hasQuote', () => {
  it('agrees with matchQuote, and folds the text only when the quote is not verbatim', () => {
    const alphabet = ['a', 'b', ' ', '  ', '\n', '\u00a0', "'", '\u2019', '"', '\u201c', '-', '\u2014', '…', ' … '];
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let n = 0; n < 3000; n++) {
      const text = pick(5 + Math.floor(rand() * 30));
      const from = Math.floor(rand() * text.length);
      // A verbatim slice, a random string, or a slice with one character swapped for a variant.
      const quote = n % 3 === 0 ? text.slice(from, from + 1 + Math.floor(rand() * 12)) : n % 3 === 1 ? pick(1 + Math.floor(rand() * 4)) : text.slice(from, from + 8).replace(/[\u2019\u201c\u2014]/, (c) => ({ '\u2019': "'", '\u201c': '"', '\u2014': '-' })[c]!);
      let folded = false;
      const got = hasQuote(quote, text, () => ((folded = true), normalize(text)));
      expect(got.ok, JSON.stringify({ quote, text })).toBe(matchQuote(quote, text).ok);
      if (text.includes(quote) && got.ok) expect(folded).toBe(false);
    }
  });
});
