import type { Dossier, Source, VerifiedAppearance } from '../graph/types.ts';
import { fold } from '../text/normalize.ts';
import { wordDiff, similarity, type DiffPart } from './diff.ts';

/** The quoted words exactly as the source has them; an elided quote keeps its "…" between the parts. */
export function passageText(source: Source, appearance: VerifiedAppearance): string {
  return appearance.spans.map((s) => source.text.slice(s.start, s.end)).join(' … ');
}

export interface Variant {
  source: Source;
  appearance: VerifiedAppearance;
  /** Against the first rendering; undefined for the first itself. */
  diff?: DiffPart[];
  similarity?: number;
}

export interface VariantOptions {
  /** Pick, in each source, the first appearance whose text contains this (spaces, quotes and dashes evened out, any case). */
  contains?: string;
  /** Only these sources, in dossier order. */
  sources?: string[];
}

/**
 * One statement as each source rendered it: one appearance per source (the first that fits),
 * ordered by publication, each diffed word by word against the first; only sources in the first's language.
 */
export function buildVariants(dossier: Dossier, kind: 'claim' | 'response', id: string, options: VariantOptions = {}): Variant[] {
  const item = kind === 'claim' ? dossier.claims.get(id) : dossier.responses.get(id);
  if (!item) throw new Error(`QuoteVariants: unknown ${kind} "${id}"`);
  const needle = options.contains ? fold(options.contains).toLowerCase() : undefined;
  const only = options.sources ? new Set(options.sources) : undefined;
  const picked: Variant[] = [];
  for (const source of dossier.sources.values()) {
    if (only && !only.has(source.id)) continue;
    const appearance = item.appearances.find((a) => a.source === source.id && (!needle || fold(passageText(source, a)).toLowerCase().includes(needle)));
    if (appearance) picked.push({ source, appearance });
  }
  const base = picked[0];
  // A rendering in another language is a translation, not a variant: a word diff against it says nothing.
  return picked.filter((v) => v.source.language === base.source.language).map((v, i) => {
    if (i === 0) return v;
    const diff = wordDiff(passageText(base.source, base.appearance), passageText(v.source, v.appearance));
    return { ...v, diff, similarity: similarity(diff) };
  });
}
