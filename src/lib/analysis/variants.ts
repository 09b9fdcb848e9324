import type { Dossier, Source, VerifiedAppearance } from '../graph/types.ts';
import { fold } from '../text/normalize.ts';
import { wordDiff, similarity, type DiffPart } from './diff.ts';

/** The quoted words exactly as the source has them; an elided quote keeps its "…" between the parts. */
export function passageText(source: Source, appearance: Pick<VerifiedAppearance, 'spans'>): string {
  return appearance.spans.map((s) => source.text.slice(s.start, s.end)).join(' … ');
}

export interface Variant {
  source: Source;
  appearance: VerifiedAppearance;
  /** Against the first rendering in the same language; undefined for that first one itself. */
  diff?: DiffPart[];
  /** The rendering is an original that another rendering here translates. */
  original?: boolean;
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
 * ordered by publication, each diffed word by word against the first.
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
  // An appearance that also quotes a translation brings that rendering too, at the translation's place in time.
  for (const { appearance: a } of [...picked]) {
    const t = a.translation && dossier.sources.get(a.translation.source);
    if (!t || (only && !only.has(t.id)) || picked.some((v) => v.source.id === t.id)) continue;
    picked.push({ source: t, appearance: { ...a, source: t.id, anchor: a.translation!.anchor, spans: a.translation!.spans, excerpt: a.translation!.excerpt, translation: undefined } });
  }
  const order = [...dossier.sources.keys()];
  picked.sort((x, y) => order.indexOf(x.source.id) - order.indexOf(y.source.id));
  const translated = new Set(picked.flatMap((v) => (v.source.translation ? [v.source.translation.of] : [])));
  // Words are compared within one language: each rendering against the first in its language.
  return picked.map((v) => {
    const base = picked.find((b) => b.source.language === v.source.language)!;
    const original = translated.has(v.source.id) || undefined;
    if (base === v) return { ...v, original };
    const diff = wordDiff(passageText(base.source, base.appearance), passageText(v.source, v.appearance));
    return { ...v, original, diff, similarity: similarity(diff) };
  });
}
