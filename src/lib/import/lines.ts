import { fold } from '../text/normalize.ts';
import { dateLine, parseDateline } from './dates.ts';
import type { ClassifiedLine, ImportRules, RemovalReason } from './types.ts';

/** Longest line, in words, still taken for a headline or a cross-head. */
const HEADLINE_WORDS = 25;
const CROSSHEAD_WORDS = 12;
// A closing quote ends a sentence only after punctuation: 'fire at 'Kestrel Paints'' is still a headline.
const ENDS_SENTENCE = /(?:[.!?:;,)\]]|[.!?,…]["”’'])$/u;

/** A closing credit line, "ab/cd (Agency One, Agency Two)": staff initials, then the agencies. */
export const CREDIT_LINE = /^[a-z]{1,4}(?:\/[a-z]{1,4})+ \(([^)]+)\)$/;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const same = (a: string, b: string) => fold(a).replace(/\s+/g, ' ').trim() === fold(b).replace(/\s+/g, ' ').trim();

/** Page metadata is looked for in the first lines of the page and in its last lines. */
const TOP_LINES = 8;
const END_LINES = 3;
/** Separators of a browser title bar: "Headline | Outlet", "Headline - Section - Outlet". */
export const TITLE_BAR_SEP = / (?:\||-|–|—|·) /u;

/** The author names of a byline line, through the rules' byline patterns (a `name` group). */
export function bylineOf(text: string, rules: ImportRules): string | undefined {
  if (words(text) > 14) return undefined;
  for (const p of rules.bylines) {
    const m = p.exec(text);
    if (m) return (m.groups?.name ?? m[1] ?? '').trim() || undefined;
  }
  return undefined;
}

export interface Classified {
  lines: ClassifiedLine[];
  /** Index into `lines` of the headline, if one was found. */
  title?: number;
  titleHow: 'title-bar' | 'image-prefix' | 'first-line' | 'fallback' | 'none';
}

function boilerplate(text: string, rules: ImportRules, top: boolean): { reason: RemovalReason; why: string } | undefined {
  for (const rule of rules.boilerplate) {
    if (rule.where === 'top' && !top) continue;
    if (rule.patterns.some((p) => p.test(text))) return { reason: rule.reason, why: rule.note || rule.reason };
  }
  return undefined;
}

/**
 * Give every non-blank capture line exactly one role: the title, a body block (paragraph,
 * cross-head or caption) or a removed line with its reason. Only whole lines are removed.
 * Guesses are marked `unsure` so the author can review them.
 */
export function classifyLines(capture: string, rules: ImportRules): Classified {
  const lines: ClassifiedLine[] = [];
  capture.split('\n').forEach((raw, i) => {
    const text = raw.trim(); // trim() also drops U+00A0, so a line of non-breaking spaces counts as blank
    if (!text) return;
    const removed = boilerplate(text, rules, lines.length < TOP_LINES);
    lines.push({ line: i + 1, text, role: removed ? { kind: 'removed', ...removed } : { kind: 'paragraph' } });
  });
  const kept = () => lines.filter((l) => l.role.kind !== 'removed');
  const edge = (k: number) => k < TOP_LINES || k >= lines.length - END_LINES;

  // A browser title bar, "Headline | Outlet" or "Headline - Section - Outlet", repeated by the headline below it.
  const bar = lines[0];
  if (bar && bar.role.kind === 'paragraph' && TITLE_BAR_SEP.test(bar.text)) {
    const head = bar.text.split(TITLE_BAR_SEP)[0];
    if (lines.slice(1, 4).some((l) => l.role.kind === 'paragraph' && same(l.text, head))) {
      bar.role = { kind: 'removed', reason: 'page-title', why: 'the browser title bar: the headline, then the site' };
    }
  }

  // Dates and bylines on lines of their own are page metadata, at the top or the foot of the page.
  // The top ends at the first line of running text.
  const prose = lines.findIndex((l) => l.role.kind === 'paragraph' && words(l.text) > CROSSHEAD_WORDS);
  const top = Math.min(TOP_LINES, prose < 0 ? lines.length : prose);
  lines.forEach((l, k) => {
    if (l.role.kind !== 'paragraph' || !edge(k)) return;
    const name = bylineOf(l.text, rules);
    if (name) {
      l.byline = name;
      // A byline at the top is metadata; a closing credit ("Reporting by …") stays as the article prints it.
      if (k < top) l.role = { kind: 'removed', reason: 'page-metadata', why: 'a byline; the names are recorded in the byline field' };
    } else if (dateLine(l.text)) {
      l.role = { kind: 'removed', reason: 'page-metadata', why: 'a date line (publication or update time)' };
    }
  });

  // A promoted video often repeats its title on two lines in a row.
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1], lines[k]];
    if (a.role.kind === 'paragraph' && b.role.kind === 'paragraph' && a.text === b.text && words(a.text) <= HEADLINE_WORDS && !ENDS_SENTENCE.test(a.text)) {
      for (const l of [a, b]) {
        l.role = { kind: 'removed', reason: 'video-promo', why: 'a short line repeated on the next line, as promoted videos print their title' };
        l.unsure = 'taken for a promoted video because it is printed twice in a row; keep it if it is article text';
      }
    }
  }

  // Headline: confirmed by the title bar or an image prefix, else the first short kept line.
  let title: number | undefined;
  let titleHow: Classified['titleHow'] = 'none';
  // Only a title bar at the top of the page names this page; one further down is embedded.
  const titleBar = lines.slice(0, 3).find((l) => l.role.kind === 'removed' && l.role.reason === 'page-title');
  const prefixTails = lines
    .filter((l) => l.role.kind === 'removed' && l.role.reason === 'image-prefix')
    .map((l) => ({ at: lines.indexOf(l), tail: l.text.replace(/^- .*? - /, '') }));
  if (titleBar) {
    const head = titleBar.text.split(TITLE_BAR_SEP)[0];
    const k = lines.findIndex((l) => l.role.kind === 'paragraph' && same(l.text, head));
    if (k >= 0) [title, titleHow] = [k, 'title-bar'];
  }
  if (title === undefined && prefixTails.length) {
    const first = prefixTails[0];
    const k = lines.findIndex((l, j) => j > first.at && l.role.kind === 'paragraph' && same(l.text, first.tail));
    const firstKept = lines.findIndex((l) => l.role.kind !== 'removed');
    if (k >= 0 && k === firstKept) [title, titleHow] = [k, 'image-prefix'];
  }
  if (title === undefined) {
    const k = lines.findIndex((l) => l.role.kind !== 'removed');
    if (k >= 0 && words(lines[k].text) <= HEADLINE_WORDS && !/[.!?]$/.test(lines[k].text) && !parseDateline(lines[k].text)?.wholeLine) [title, titleHow] = [k, 'first-line'];
  }
  if (title !== undefined) lines[title].role = { kind: 'title' };
  else if (lines.length) {
    // No clear headline: the capture's first line stands in, keeping its own role, so the
    // draft stays valid and no text leaves the body. The author is told to check it.
    [title, titleHow] = [0, 'fallback'];
  }

  // A line that repeats an image prefix's link text is that link: a related story.
  for (const { at, tail } of prefixTails) {
    const next = lines.findIndex((l, j) => j > at && l.role.kind === 'paragraph');
    if (next >= 0 && same(lines[next].text, tail)) lines[next].role = { kind: 'removed', reason: 'related-story', why: 'the link text of the image prefix before it' };
  }

  const body = kept().filter((l) => l.role.kind === 'paragraph');
  const last = body[body.length - 1];
  for (const l of body) {
    const dl = parseDateline(l.text);
    if (dl?.wholeLine) {
      l.role = { kind: 'removed', reason: 'page-metadata', why: 'a dateline on a line of its own; it is recorded in the dateline field' };
    } else if (!CREDIT_LINE.test(l.text) && rules.captions.some((p) => p.test(l.text))) {
      l.role = { kind: 'caption' };
    } else if (l !== last && !l.byline && words(l.text) <= CROSSHEAD_WORDS && !ENDS_SENTENCE.test(l.text) && !dl) {
      l.role = { kind: 'heading' };
      l.unsure = 'a short line taken for a cross-head; if it links to another story, move it to removed as related-story';
    }
  }
  return { lines, title, titleHow };
}
