/**
 * Quote matching may even out only white space, quote marks and dashes (the dossier's rule).
 * `normalize` returns the folded text plus, for every folded character, the index of the
 * original character it came from, so a match can be mapped back to the source text.
 */
const QUOTE_SINGLE = /['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/;
const QUOTE_DOUBLE = /["\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const DASH = /[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const ALL = (re: RegExp) => new RegExp(re.source, 'g');
const QUOTE_SINGLE_ALL = ALL(QUOTE_SINGLE);
const QUOTE_DOUBLE_ALL = ALL(QUOTE_DOUBLE);
const DASH_ALL = ALL(DASH);

// The code units /\s/ matches (U+00A0 and the other Unicode spaces included), as a table: the
// per-character regex tests were most of the verifier's time at 10,000 sources.
const SPACE = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;

export interface Normalized {
  text: string;
  /** map[i] = index in the original string of folded character i; map[text.length] = original length. */
  map: Int32Array;
}

export function foldChar(ch: string): string {
  if (QUOTE_SINGLE.test(ch)) return "'";
  if (QUOTE_DOUBLE.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  return ch;
}

/**
 * Folded text only, for comparisons: every run of white space becomes one space, none at the
 * ends, and quote marks and dashes become their plain forms (none of them is white space, so
 * the two steps are independent).
 */
export function fold(input: string): string {
  return input.replace(/\s+/g, ' ').trim().replace(QUOTE_SINGLE_ALL, "'").replace(QUOTE_DOUBLE_ALL, '"').replace(DASH_ALL, '-');
}

export function normalize(input: string): Normalized {
  const text = fold(input);
  // Folding maps one character to one character, so only white space moves the offsets.
  const map = new Int32Array(text.length + 1);
  let out = 0;
  let pendingSpace = -1;
  for (let i = 0; i < input.length; i++) {
    if (SPACE[input.charCodeAt(i)] === 1) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out > 0) map[out++] = pendingSpace;
    pendingSpace = -1;
    map[out++] = i;
  }
  map[out] = input.length;
  return { text, map };
}
