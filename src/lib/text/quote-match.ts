import { fold, normalize, type Normalized } from './normalize.ts';

export const ELISION = '\u2026';

export interface Span {
  /** Start and end offsets in the ORIGINAL text, end exclusive. */
  start: number;
  end: number;
}

export type QuoteMatch = { ok: true; spans: Span[] } | { ok: false; nearest: string };

/** Split a quote at its elisions; empty parts (a leading or trailing "…") are dropped. */
export function quoteParts(quote: string): string[] {
  return quote
    .split(ELISION)
    .map((p) => fold(p).trim())
    .filter((p) => p.length > 0);
}

/**
 * Find a quote in a text. Each part of an elided quote must follow the previous one.
 * Returns the spans in original offsets, or the nearest passage for the error message.
 */
export function matchQuote(quote: string, text: string | Normalized): QuoteMatch {
  const hay = typeof text === 'string' ? normalize(text) : text;
  const parts = quoteParts(quote);
  if (parts.length === 0) return { ok: false, nearest: '' };
  const spans: Span[] = [];
  let from = 0;
  for (const part of parts) {
    const at = hay.text.indexOf(part, from);
    if (at < 0) return { ok: false, nearest: nearestPassage(parts.join(' '), hay) };
    spans.push({ start: hay.map[at], end: hay.map[at + part.length - 1] + 1 });
    from = at + part.length;
  }
  return { ok: true, spans };
}

/**
 * Whether a quote is in a text, without folding the text when the quote stands in it verbatim:
 * folding is character for character except that white space runs shrink, and a run inside a
 * verbatim quote is the same run in the text, so a verbatim quote always matches folded too.
 * `norm` is called only when the quote is not verbatim.
 */
export function hasQuote(quote: string, text: string, norm: () => Normalized): { ok: true } | { ok: false; nearest: string } {
  if (text.includes(quote) && quoteParts(quote).length > 0) return { ok: true };
  const m = matchQuote(quote, norm());
  return m.ok ? { ok: true } : m;
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The passage of `hay` that shares the most words with `needle`, as many words long as the
 * needle. Only runs when a quote fails, so a linear scan with a sliding bag is enough.
 */
export function nearestPassage(needle: string, hay: Normalized): string {
  const want = words(needle);
  if (want.length === 0) return '';
  const tokens = [...hay.text.matchAll(/[^\s]+/g)].map((m) => ({ word: m[0], at: m.index! }));
  if (tokens.length === 0) return '';
  const size = Math.min(want.length, tokens.length);
  const need = new Map<string, number>();
  for (const w of want) need.set(w, (need.get(w) ?? 0) + 1);
  const have = new Map<string, number>();
  let score = 0;
  const key = (i: number) => words(tokens[i].word).join(' ');
  const add = (i: number, d: 1 | -1) => {
    const k = key(i);
    const before = have.get(k) ?? 0;
    const after = before + d;
    have.set(k, after);
    const cap = need.get(k) ?? 0;
    score += Math.min(after, cap) - Math.min(before, cap);
  };
  for (let i = 0; i < size; i++) add(i, 1);
  let best = score;
  let bestAt = 0;
  for (let i = size; i < tokens.length; i++) {
    add(i, 1);
    add(i - size, -1);
    if (score > best) {
      best = score;
      bestAt = i - size + 1;
    }
  }
  const last = tokens[bestAt + size - 1];
  return hay.text.slice(tokens[bestAt].at, last.at + last.word.length);
}
