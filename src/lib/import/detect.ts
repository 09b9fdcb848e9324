import { dottedDate, isoDateIn, iso, parseDateline, timestampDate, weekdayOf, WEEKDAYS, writtenDate, type Dateline, type FoundDate } from './dates.ts';
import { CREDIT_LINE, type Classified } from './lines.ts';
import type { ClassifiedLine, Confidence, Detection, ImportRules } from './types.ts';

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1, none: 0 };
export const atLeast = (c: Confidence, min: Confidence) => RANK[c] >= RANK[min];
const lower = (c: Confidence): Confidence => (['none', 'none', 'low', 'medium'] as Confidence[])[RANK[c]];

export interface KnownOutlet {
  id: string;
  name: string;
}

export interface Detected {
  title: Detection<string>;
  outlet: Detection<string> & { name?: string; known?: boolean };
  date: Detection<string> & { precision?: 'day'; extra: { quote: string; note: string }[] };
  dateline: Detection<string>;
  credits: Detection<string[]> & { line?: string };
  language: Detection<string>;
}

const slug = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Map a name as printed ("Xinhua", "/TASS/") to an outlet id, through the rules and outlets.yaml. */
export function resolveOutlet(name: string, rules: ImportRules, known: KnownOutlet[]): { id: string; known: boolean } {
  const n = name.trim().toLowerCase();
  const rule = rules.outlets.find((o) => o.id === slug(name) || o.names.some((x) => x.toLowerCase() === n));
  const id = rule?.id ?? known.find((o) => o.id === slug(name) || o.name.toLowerCase() === n)?.id ?? slug(name);
  return { id, known: known.some((o) => o.id === id) };
}

/**
 * The page header: the lines up to three after the headline. Metadata only counts there,
 * because the same kinds of line (a title bar, a "Source:" line) also turn up inside
 * articles that quote or embed other pages.
 */
export function headZone(c: Classified): ClassifiedLine[] {
  return c.lines.slice(0, (c.titleHow === 'fallback' || c.title === undefined ? 2 : c.title) + 4);
}

/** A title bar names this page only at the top, above the headline; further down it is embedded text. */
function isTopTitleBar(c: Classified, l: ClassifiedLine): boolean {
  const k = c.lines.indexOf(l);
  return l.role.kind === 'removed' && l.role.reason === 'page-title' && k < 3 && (c.titleHow === 'fallback' || c.title === undefined || k < c.title);
}

function detectTitle(c: Classified): Detection<string> {
  if (c.title === undefined) return { confidence: 'none', note: 'no headline found: no title bar, and the first kept line reads like running text' };
  const text = c.lines[c.title].text;
  const notes = {
    'title-bar': ['high', 'the line that repeats the page title bar'],
    'image-prefix': ['high', 'the line that repeats the link text of the image prefix above it'],
    'first-line': ['medium', 'the first line after the page furniture'],
    fallback: ['low', 'no clear headline (no title bar, and the first kept line reads like running text or a dateline): the first line of the capture stands in; replace it with the real headline'],
    none: ['none', ''],
  } as const;
  const [confidence, note] = notes[c.titleHow];
  return { value: text, confidence, note };
}

function findDateline(body: ClassifiedLine[]): Dateline | undefined {
  for (const l of body.slice(0, 4)) {
    const d = parseDateline(l.text);
    if (d) return d;
  }
  return undefined;
}

function detectOutlet(c: Classified, dl: Dateline | undefined, rules: ImportRules, known: KnownOutlet[]): Detected['outlet'] {
  const found: { id: string; known: boolean; name: string; confidence: Confidence; evidence: string; note: string }[] = [];
  const byName = (name: string, confidence: Confidence, evidence: string, note: string) =>
    found.push({ ...resolveOutlet(name, rules, known), name, confidence, evidence, note });
  for (const l of headZone(c)) {
    if (isTopTitleBar(c, l)) {
      const parts = l.text.split(' | ');
      if (parts.length >= 3) byName(parts[parts.length - 2], 'high', `${parts[parts.length - 2]} | ${parts[parts.length - 1]}`, 'named in the page title bar');
    }
    const src = /^Source: ?([^|]+?) ?\|/.exec(l.text);
    if (src) byName(src[1], 'high', src[0].replace(/ ?\|$/, ''), 'named in the "Source:" line of the page metadata');
    for (const rule of rules.boilerplate) {
      if (rule.outlet && rule.patterns.some((p) => p.test(l.text))) {
        found.push({ id: rule.outlet, known: known.some((o) => o.id === rule.outlet), name: rule.outlet, confidence: rule.confidence ?? 'medium', evidence: l.text, note: rule.note });
      }
    }
    for (const o of rules.outlets) {
      for (const h of o.hints) if (h.pattern.test(l.text)) found.push({ id: o.id, known: known.some((k) => k.id === o.id), name: o.id, confidence: h.confidence, evidence: l.text, note: h.note });
    }
  }
  if (dl) byName(dl.agency, 'high', dl.text, 'named in the dateline');
  if (found.length === 0) return { confidence: 'none', note: 'no outlet named in the title bar, the metadata or a dateline, and no outlet rule matched' };
  found.sort((a, b) => RANK[b.confidence] - RANK[a.confidence]);
  const best = found[0];
  const rivals = [...new Set(found.filter((f) => f.id !== best.id && f.confidence === best.confidence).map((f) => f.id))];
  let confidence = best.confidence;
  let note = best.note;
  if (rivals.length) {
    confidence = lower(confidence);
    note += `; but the capture also points to ${rivals.join(', ')}`;
  }
  if (!best.known) {
    confidence = lower(confidence);
    note += `; "${best.id}" is not in outlets.yaml yet`;
  }
  return { value: best.id, name: best.name, known: best.known, confidence, evidence: best.evidence, note };
}

function detectDate(c: Classified, dl: Dateline | undefined, yearHint: number | undefined): Detected['date'] {
  const candidates: (FoundDate & { confidence: Confidence; note: string })[] = [];
  for (const l of headZone(c)) {
    if (l.role.kind !== 'removed') continue;
    if (isTopTitleBar(c, l)) {
      const d = dottedDate(l.text.split(' | ').pop() ?? '');
      if (d) candidates.push({ ...d, confidence: 'high', note: 'The page title bar dates the article (day.month.year).' });
    } else if (l.role.reason === 'page-metadata') {
      const d = isoDateIn(l.text) ?? (/^-? ?\d/.test(l.text) ? dottedDate(l.text) : undefined);
      if (d) candidates.push({ ...d, confidence: d.ambiguous ? 'medium' : 'high', note: d.ambiguous ? 'The page metadata dates the article; a dotted date is read as day.month.year.' : 'The page metadata dates the article.' });
    }
  }
  // An image's Unix time stamp is the weakest clue, used only when nothing else dates the page,
  // and only from the very first line, where The Independent prints its lead image.
  const stamp = c.lines[0]?.role.kind === 'removed' ? timestampDate(c.lines[0].text) : undefined;
  const extra: { quote: string; note: string }[] = [];
  if (dl?.month && dl.day) {
    const full = dl.year ? iso(dl.year, dl.month, dl.day) : undefined;
    if (full) candidates.push({ date: full, text: dl.text, ambiguous: false, confidence: 'high', note: 'The dateline gives the day, month and year.' });
    else {
      const agree = candidates.find((d) => d.date.slice(5) === `${String(dl.month).padStart(2, '0')}-${String(dl.day).padStart(2, '0')}`);
      if (agree) extra.push({ quote: dl.text, note: `The dateline gives the same day and month (${agree.date.slice(5)}), without a year.` });
      else if (candidates.length === 0 && yearHint) {
        const d = iso(yearHint, dl.month, dl.day);
        if (d) candidates.push({ date: d, text: dl.text, ambiguous: false, confidence: 'low', note: `The dateline gives the day and month only; the year ${yearHint} was supplied with --year, not found in the capture.` });
      }
    }
  }
  if (candidates.length === 0 && stamp) {
    candidates.push({ ...stamp, confidence: 'low', note: `The image name carries the Unix time stamp ${stamp.text}, which is ${stamp.date} (UTC): usually the upload time, close to publication.` });
  }
  if (candidates.length === 0) {
    const why = dl?.month ? `the dateline "${dl.text}" has no year; rerun with --year YYYY if the year is known from elsewhere` : 'no date in the title bar, the page metadata or a dateline';
    return { confidence: 'none', note: why, extra };
  }
  candidates.sort((a, b) => RANK[b.confidence] - RANK[a.confidence]);
  const best = candidates[0];
  let confidence = best.confidence;
  let note = best.note;
  const conflict = candidates.find((d) => d.date !== best.date && d.confidence === best.confidence);
  if (conflict) {
    confidence = lower(confidence);
    note += ` The capture also gives ${conflict.date} ("${conflict.text}").`;
  }
  // "said on Tuesday" near the top supports (or questions) a date that is otherwise weak.
  const lead = c.lines.filter((l) => l.role.kind === 'paragraph').slice(0, 3).map((l) => l.text).join('\n');
  const wd = new RegExp(`\\bon (${WEEKDAYS.join('|')})\\b`).exec(lead);
  if (wd) {
    if (weekdayOf(best.date) === wd[1]) {
      extra.push({ quote: wd[0], note: `${best.date} was a ${wd[1]}, consistent with the date.` });
      if (confidence === 'low') confidence = 'medium';
    } else {
      note += ` The text says "${wd[0]}", but ${best.date} was a ${weekdayOf(best.date)} (a republication or a late report?).`;
      if (confidence === 'high') confidence = 'medium';
    }
  }
  return { value: best.date, precision: 'day', confidence, evidence: best.text, note, extra };
}

function detectCredits(c: Classified, dl: Dateline | undefined, outlet: string | undefined, rules: ImportRules, known: KnownOutlet[]): Detected['credits'] {
  for (const l of c.lines.slice(-3)) {
    const initials = CREDIT_LINE.exec(l.text);
    if (initials) return { value: initials[1].split(/, ?/), line: l.text, confidence: 'high', evidence: l.text, note: 'the closing credit line (staff initials, then the agencies)' };
  }
  for (const l of headZone(c)) {
    const reprint = /^([A-Z][\w&.' -]{1,40}), \d{1,2} \w+\.? \d{4}$/.exec(l.text);
    if (reprint && writtenDate(l.text)) {
      return { value: [reprint[1]], line: l.text, confidence: 'medium', evidence: l.text, note: `a source line naming ${reprint[1]} with its own date (${writtenDate(l.text)!.date}): probably the original publisher of a republished text` };
    }
  }
  if (dl && outlet && resolveOutlet(dl.agency, rules, known).id !== outlet) {
    return { value: [dl.agency], confidence: 'medium', evidence: dl.text, note: 'an agency named in the dateline that is not the publishing outlet' };
  }
  return { value: [], confidence: 'high', note: 'no wire credit found' };
}

function detectLanguage(c: Classified, rules: ImportRules): Detection<string> {
  const text = c.lines.filter((l) => l.role.kind !== 'removed').map((l) => l.text).join(' ').toLowerCase();
  const tokens = text.split(/[^\p{L}]+/u);
  const scores = Object.entries(rules.languages).map(([lang, stop]) => {
    const set = new Set(stop);
    return { lang, hits: tokens.filter((t) => set.has(t)).length };
  });
  scores.sort((a, b) => b.hits - a.hits);
  const [best, second = { hits: 0 }] = scores;
  if (!best || best.hits === 0) return { confidence: 'none', note: 'no common words of any configured language' };
  const confidence: Confidence = best.hits >= 20 && best.hits >= 3 * second.hits ? 'high' : best.hits >= 5 && best.hits >= 2 * second.hits ? 'medium' : 'low';
  return { value: best.lang, confidence, note: `${best.hits} common words of "${best.lang}" against ${second.hits} of the next language` };
}

/** Every fact the importer can find in a capture, each with how sure it is. */
export function detect(c: Classified, rules: ImportRules, known: KnownOutlet[], yearHint?: number): Detected {
  const body = c.lines.filter((l) => l.role.kind !== 'title' && !(l.role.kind === 'removed' && l.role.reason !== 'page-metadata'));
  const dl = findDateline(body);
  const outlet = detectOutlet(c, dl, rules, known);
  const dateline: Detection<string> = dl ? { value: dl.text, confidence: 'high', evidence: dl.text, note: `a ${dl.city} dateline naming ${dl.agency}` } : { confidence: 'high', note: 'no dateline' };
  return {
    title: detectTitle(c),
    outlet,
    date: detectDate(c, dl, yearHint),
    dateline,
    credits: detectCredits(c, dl, outlet.value, rules, known),
    language: detectLanguage(c, rules),
  };
}
