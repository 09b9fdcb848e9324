/**
 * Quote matching may even out only white space, quote marks and dashes (the dossier's rule).
 * `normalize` returns the folded text plus, for every folded character, the index of the
 * original character it came from, so a match can be mapped back to the source text.
 */
const QUOTE_SINGLE = /['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const QUOTE_DOUBLE = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASH = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const SPACE = /\s/; // includes U+00A0 and the other Unicode spaces

export interface Normalized {
  text: string;
  /** map[i] = index in the original string of folded character i; map[text.length] = original length. */
  map: number[];
}

export function foldChar(ch: string): string {
  if (QUOTE_SINGLE.test(ch)) return "'";
  if (QUOTE_DOUBLE.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  return ch;
}

export function normalize(input: string): Normalized {
  let text = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (SPACE.test(ch)) {
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

/** Folded text only, for comparisons. */
export function fold(input: string): string {
  return normalize(input).text;
}
