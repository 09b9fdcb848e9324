import type { ContentsEntry } from './contents.ts';

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

const TITLES: Record<Section['key'], string> = {
  analysis: 'Analysis', claims: 'Claims', responses: 'Responses', sources: 'Sources',
  context: 'Later reporting', method: 'Method', endnotes: 'Endnotes: web addresses',
};

/**
 * The numbered sections of the print edition, in order. A section with nothing in it is left
 * out and the numbers close up, so a small dossier never prints an empty chapter.
 */
export function planSections(input: PlanInput): Section[] {
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
      title: key === 'method' ? input.method!.title : TITLES[key],
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

/** The print stylesheet rule that puts the dossier's title in the top margin of every page; CSS cannot read it from the page. */
export function runningHeadCss(title: string): string {
  return `@page { @top-left { content: ${cssString(title)}; font: italic 8.5pt/1.2 var(--font-text); color: #555; } }\n`;
}
