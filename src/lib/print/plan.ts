import type { ContentsEntry } from './contents.ts';
import { en } from '../i18n/messages/en.ts';

/** What the print edition holds, reduced to what its contents list needs. */
export interface PlanInput {
  /** Analysis pages in reading order, without the method page. */
  analysis: { id: string; title: string }[];
  claims: number;
  responses: number;
  sources: { id: string; title: string }[];
  context: number;
  method?: { id: string; title: string };
}

export interface Section {
  key: 'analysis' | 'claims' | 'responses' | 'sources' | 'context' | 'method' | 'endnotes';
  id: string;
  number: string;
  title: string;
}

// The sections' titles are the catalogue's print.section.* messages (src/lib/i18n/messages/).
const TITLES: Record<Section['key'], string> = {
  analysis: en['print.section.analysis'], claims: en['print.section.claims'], responses: en['print.section.responses'], sources: en['print.section.sources'],
  context: en['print.section.context'], method: en['print.section.method'], endnotes: en['print.section.endnotes'],
};

/**
 * The numbered sections of the print edition, in order. A section with nothing in it is left
 * out and the numbers close up, so a small dossier never prints an empty chapter.
 */
export function planSections(input: PlanInput, titles: Record<Section['key'], string> = TITLES): Section[] {
  const present: [Section['key'], boolean][] = [
    ['analysis', input.analysis.length > 0],
    ['claims', input.claims > 0],
    ['responses', input.responses > 0],
    ['sources', input.sources.length > 0],
    ['context', input.context > 0],
    ['method', Boolean(input.method)],
    ['endnotes', true],
  ];
  return present
    .filter(([, keep]) => keep)
    .map(([key], i) => ({
      key,
      // The method keeps the id of its page so that links to /method/ land on it.
      id: key === 'method' ? `page-${input.method!.id}` : `section-${key}`,
      number: String(i + 1),
      title: key === 'method' ? input.method!.title : titles[key],
    }));
}

/** Second-level number within a section: "4" and 2 → "4.2". */
export const subNumber = (section: Section, index: number): string => `${section.number}.${index + 1}`;

/** The contents list: every section, with the analysis pages and the sources listed under theirs. */
export function contentsEntries(sections: Section[], input: PlanInput): ContentsEntry[] {
  return sections.flatMap((s): ContentsEntry[] => {
    const top: ContentsEntry = { id: s.id, number: s.number, title: s.title, level: 1 };
    const subs =
      s.key === 'analysis' ? input.analysis.map((p, i) => ({ id: `page-${p.id}`, title: p.title, i }))
      : s.key === 'sources' ? input.sources.map((src, i) => ({ id: `source-${src.id}`, title: src.title, i }))
      : [];
    return [top, ...subs.map((x): ContentsEntry => ({ id: x.id, number: subNumber(s, x.i), title: x.title, level: 2 }))];
  });
}

/** A CSS string literal, for running heads set from content (the dossier's title). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** "Page {page} of {pages}" as CSS content: "Page " counter(page) " of " counter(pages). */
export function folioContent(message: string): string {
  return message.split(/(\{pages?\})/).filter(Boolean)
    .map((p) => (p === '{page}' ? 'counter(page)' : p === '{pages}' ? 'counter(pages)' : cssString(p))).join(' ');
}

/**
 * The print stylesheet rules that put the dossier's title in the top margin of every page and
 * "Page X of Y" in the bottom margin, in the dossier's language; CSS cannot read them from the
 * page. Margin boxes do not follow the writing direction, so a right-to-left dossier has its
 * running head at the top right and its folio at the bottom left.
 */
export function runningHeadCss(title: string, pageOf = en['print.pageOf'], dir: 'ltr' | 'rtl' = 'ltr'): string {
  const [head, folio] = dir === 'rtl' ? ['top-right', 'bottom-left'] : ['top-left', 'bottom-right'];
  return `@page { @${head} { content: ${cssString(title)}; font: italic 8.5pt/1.2 var(--font-text); color: #555; } `
    + `@${folio} { content: ${folioContent(pageOf)}; font: 8.5pt/1 var(--font-ui); color: #555; } }\n`;
}
