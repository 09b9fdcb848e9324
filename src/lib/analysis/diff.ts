import { diffArrays } from 'diff';
import { fold } from '../text/normalize.ts';

export interface DiffPart {
  text: string;
  /** 'same' text is shown from the compared rendering, so every shown word is verbatim from one source. */
  op: 'same' | 'added' | 'removed';
}

/**
 * Words with their trailing space, and each punctuation mark on its own, so that joining
 * the tokens gives back the input exactly: a diff never alters what a source says.
 */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|[\p{L}\p{N}]+(?:['\u2019\u2010-\u2013-][\p{L}\p{N}]+)*\s*|[^\s]\s*/gu) ?? [];
}

/** Compare tokens as the quote matcher does: spaces, quote marks and dashes are evened out. */
const sameToken = (a: string, b: string) => fold(a) === fold(b);

/**
 * Word-level diff of `other` against `base` (the `diff` package's Myers diff over word tokens).
 * Joining the 'same' and 'added' parts gives `other` verbatim; 'removed' parts hold the words of `base` it lacks.
 */
export function wordDiff(base: string, other: string): DiffPart[] {
  const a = tokenize(base);
  const b = tokenize(other);
  const parts: DiffPart[] = [];
  let ia = 0;
  let ib = 0;
  for (const change of diffArrays(a, b, { comparator: sameToken })) {
    const n = change.count ?? change.value.length;
    let text: string;
    let op: DiffPart['op'];
    if (change.added) { text = b.slice(ib, ib + n).join(''); ib += n; op = 'added'; }
    else if (change.removed) { text = a.slice(ia, ia + n).join(''); ia += n; op = 'removed'; }
    // Common tokens may differ in their quote marks: show the compared rendering's own characters.
    else { text = b.slice(ib, ib + n).join(''); ia += n; ib += n; op = 'same'; }
    const last = parts[parts.length - 1];
    // Struck-out words need a space from their neighbours, which the compared text may not supply.
    if (op === 'removed' && last && !/\s$/.test(last.text) && /^[\p{L}\p{N}"“‘(]/u.test(text)) text = ` ${text}`;
    if (last && last.op === op) last.text += text;
    else parts.push({ text, op });
  }
  return parts;
}

/** Share of the base's words that the other rendering keeps, 0 to 1; a rough closeness figure. */
export function similarity(parts: DiffPart[]): number {
  const count = (op: DiffPart['op']) => parts.filter((p) => p.op === op).reduce((n, p) => n + tokenize(p.text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length, 0);
  const same = count('same');
  const base = same + count('removed');
  return base === 0 ? 1 : same / base;
}
