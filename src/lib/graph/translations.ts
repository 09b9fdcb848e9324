import type { Appearance } from '../schemas/common.ts';
import type { SourceData } from '../schemas/sources.ts';
import { matchQuote } from '../text/quote-match.ts';
import type { Normalized } from '../text/normalize.ts';
import type { Located, Path, Source, VerifiedTranslation } from './types.ts';

/*
 * Originals and their translations (docs/languages.md). A translation is a source of its own,
 * with its own capture, linked to its original by `translation.of`; an appearance may quote the
 * original and, in `translation:`, the same words in a translation of it. Each quote is verified
 * against its own text, and a quote put in the wrong one is named as such.
 */

type At = <T>(e: Located<T>, field: Path, message: string, fix: string) => void;

/** Every `translation.of` names another source that exists. */
export function checkTranslationLinks(sources: Map<string, Located<SourceData>>, at: At): void {
  for (const e of sources.values()) {
    const of = e.data.translation?.of;
    if (of === undefined) continue;
    if (of === e.id) {
      at(e, ['translation', 'of'], `names this source itself as its original`, 'Give the id of the source this text translates (its file name in sources/, without .md).');
    } else if (!sources.has(of)) {
      at(e, ['translation', 'of'], `names the original "${of}", but there is no source "${of}" (sources/${of}.md)`, `Correct the id, or add the original as sources/${of}.md with its own capture.`);
    }
  }
}

/**
 * The translation quote of an appearance: found in the translation, which translates the
 * appearance's source. A quote found only in the original is reported as mixed up.
 */
export function verifyTranslation<T>(
  e: Located<T>, field: Path, a: Appearance, sources: Map<string, Source>, norm: (id: string) => Normalized, at: At,
): Omit<VerifiedTranslation, 'anchor'> | undefined {
  const t = a.translation;
  if (!t) return undefined;
  const translation = sources.get(t.source);
  if (!translation) {
    at(e, [...field, 'source'], `names the translation "${t.source}", but there is no source "${t.source}"`, `Correct the id, or add the translation as sources/${t.source}.md with "translation: { of: ${a.source} }".`);
    return undefined;
  }
  if (translation.translation?.of !== a.source) {
    at(e, [...field, 'source'], `"${t.source}" is not a translation of "${a.source}"${translation.translation ? ` (it translates "${translation.translation.of}")` : ''}`, `Quote a translation of "${a.source}" here, or mark ${translation.file} with "translation: { of: ${a.source} }".`);
    return undefined;
  }
  const m = matchQuote(t.quote, norm(t.source));
  if (m.ok) return { source: t.source, quote: t.quote, spans: m.spans, excerpt: translation.text.slice(m.spans[0].start, m.spans[m.spans.length - 1].end) };
  if (matchQuote(t.quote, norm(a.source)).ok) {
    at(e, [...field, 'quote'], `is marked as the translation "${t.source}", but these words are in the original "${a.source}" only`, `Put the original's words under "quote:", and under "translation: quote:" the words as the translation "${t.source}" (${translation.file}) has them.`);
  } else {
    at(e, [...field, 'quote'], `quote "${t.quote}" is not in the translation "${t.source}" (${translation.file}). Nearest passage in the translation: "${m.nearest}"`, 'Copy the words verbatim from the translation (only spaces, quote marks and dashes may differ; mark an elision with "…").');
  }
  return undefined;
}
