import { wordDiff } from '../analysis/diff.ts';
import { ELISION } from './quote-match.ts';

/**
 * The nearest passage, with the words where it differs from the quote marked the way
 * `git diff --word-diff` marks them: `[-words of the quote-]{+words of the source+}`.
 * Plain text, so it reads the same in a terminal, a CI log and Vite's error overlay.
 * Words are compared as the quote matcher compares them (spaces, quote marks and dashes evened out).
 */
export function markedDifference(quote: string, passage: string, text?: string): string {
  const asQuoted = quote.split(ELISION).join(' ').replace(/\s+/g, ' ').trim();
  const parts = wordDiff(asQuoted, widen(passage, text));
  // Words of the source around the passage that the quote does not reach are context, not a difference.
  while (parts.length > 1 && parts[0].op === 'added') parts.shift();
  while (parts.length > 1 && parts[parts.length - 1].op === 'added') parts.pop();
  return parts
    .map((p, i) => {
      if (p.op === 'same') return p.text;
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!;
      // "[-old-]{+new+}" side by side, as git prints a replaced word.
      const gap = p.op === 'removed' && parts[i + 1]?.op === 'added' ? '' : trail;
      return p.op === 'removed' ? `${lead}[-${core}-]${gap}` : `${lead}{+${core}+}${trail}`;
    })
    .join('')
    .trim();
}

/**
 * The passage with a few words of the text on each side: the nearest passage is exactly as many
 * words long as the quote, so an added or missing word would otherwise push a word of the quote
 * out of it, and it would be marked as missing from the source.
 */
function widen(passage: string, text: string | undefined, words = 4): string {
  const at = text ? text.indexOf(passage) : -1;
  if (!text || at < 0) return passage;
  const before = text.slice(0, at).match(new RegExp(`(?:\\S+\\s+){0,${words}}$`))?.[0] ?? '';
  const after = text.slice(at + passage.length).match(new RegExp(`^(?:\\s*\\S+){0,${words}}`))?.[0] ?? '';
  return before + passage + after;
}

/** The legend that goes with a marked passage in a message. */
export const DIFF_LEGEND = '[-as quoted-]{+as in the source+}';
