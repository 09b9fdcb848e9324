import { chronoDate, dateLine, dottedDate, isoDateIn, iso, parseDateline, timestampDate, weekdayOf, WEEKDAYS, writtenDate, type Dateline, type FoundDate } from './dates.ts';
import { CREDIT_LINE, TITLE_BAR_SEP, type Classified } from './lines.ts';
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
  /** `name` is how the capture prints the outlet, or a readable stand-in (`nameFrom` says which). */
  outlet: Detection<string> & { name?: string; nameFrom?: string; known?: boolean };
  byline: Detection<string>;
  date: Detection<string> & { precision?: 'day'; extra: { quote: string; note: string }[] };
  dateline: Detection<string>;
  credits: Detection<string[]> & { line?: string };
  language: Detection<string>;
}

export const slug = (s: string) =>
  s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** "harbour-gazette" → "Harbour Gazette"; a short id such as "ecr" reads as an acronym, "ECR". */
export function readableName(id: string): string {
  if (/^[a-z0-9]{2,4}$/.test(id)) return id.toUpperCase();
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Map a name as printed ("Agency", "/AGENCY/") to an outlet id, through the rules and outlets.yaml. */
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

/** The outlet a title bar names: its last part that is not a date ("Headline | News | Outlet | 05.03.2025"). */
function titleBarOutlet(text: string): { name: string; evidence: string } | undefined {
  const parts = text.split(TITLE_BAR_SEP);
  while (parts.length > 1 && (dottedDate(parts[parts.length - 1]) || chronoDate(parts[parts.length - 1]) || isoDateIn(parts[parts.length - 1]))) parts.pop();
  if (parts.length < 2) return undefined;
  const name = parts[parts.length - 1].trim();
  return name ? { name, evidence: text.slice(text.lastIndexOf(name)) } : undefined;
}

/** The lines at the foot of the page, where a copyright line or a closing credit stands. */
const footZone = (c: Classified) => c.lines.slice(-3);

function detectOutlet(c: Classified, dl: Dateline | undefined, rules: ImportRules, known: KnownOutlet[], file?: string): Detected['outlet'] {
  const found: { id: string; known: boolean; name?: string; confidence: Confidence; evidence: string; note: string }[] = [];
  const byName = (name: string, confidence: Confidence, evidence: string, note: string) =>
    found.push({ ...resolveOutlet(name, rules, known), name, confidence, evidence, note });
  const byId = (id: string, confidence: Confidence, evidence: string, note: string) =>
    found.push({ id, known: known.some((o) => o.id === id), confidence, evidence, note });
  const head = headZone(c);
  for (const l of [...head, ...footZone(c).filter((l) => !head.includes(l))]) {
    const inHead = head.includes(l);
    if (inHead && isTopTitleBar(c, l)) {
      const bar = titleBarOutlet(l.text);
      if (bar) byName(bar.name, 'high', bar.evidence, 'named in the page title bar');
    }
    const src = inHead && /^Source: ?([^|]+?) ?\|/.exec(l.text);
    if (src) byName(src[1], 'high', src[0].replace(/ ?\|$/, ''), 'named in the "Source:" line of the page metadata');
    for (const rule of rules.boilerplate) {
      if (!inHead && !rule.patterns.some((p) => p.exec(l.text)?.groups?.outlet)) continue;
      for (const p of rule.patterns) {
        const m = p.exec(l.text);
        if (!m) continue;
        if (m.groups?.outlet) byName(m.groups.outlet.trim(), rule.confidence ?? 'medium', l.text, rule.note);
        else if (rule.outlet) byId(rule.outlet, rule.confidence ?? 'medium', l.text, rule.note);
        break;
      }
    }
    if (inHead) for (const o of rules.outlets) for (const h of o.hints) if (h.pattern.test(l.text)) byId(o.id, h.confidence, l.text, h.note);
  }
  if (dl) byName(dl.agency, 'high', dl.text, 'named in the dateline');
  // Last resort: a file named "<outlet>-<date>.txt", as captures are often saved.
  const stem = file && /^([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)[-_](?:\d{4}-\d{2}-\d{2}|\d{8})\b/i.exec(file.replace(/^.*[\\/]/, ''));
  if (found.length === 0 && stem) {
    const id = slug(stem[1]);
    const k = known.find((o) => o.id === id);
    found.push({ id, known: !!k, name: k?.name, confidence: 'low', evidence: '', note: `taken from the file name "${file!.replace(/^.*[\\/]/, '')}", not from the capture's text` });
  }
  if (found.length === 0) return { confidence: 'none', note: 'no outlet named in the title bar, the metadata, a masthead, a copyright line or a dateline, and no outlet rule matched' };
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
    // Never below low: "none" is for an outlet not found at all.
    if (confidence !== 'low') confidence = lower(confidence);
    note += `; "${best.id}" is not in outlets.yaml yet`;
  }
  const { name, nameFrom } = outletName(best.id, found, rules, file);
  return { value: best.id, name, nameFrom, known: best.known, confidence, evidence: best.evidence || undefined, note };
}

/**
 * A readable name for an outlet id: the rules' first name for it, else the way the capture prints it
 * (any clue that resolved to the id, or whose initials spell it: "© East Coast Radio" for "ecr"),
 * else the file name's outlet part or the id, title-cased.
 */
function outletName(id: string, found: { id: string; name?: string; evidence: string }[], rules: ImportRules, file?: string): { name: string; nameFrom: string } {
  const rule = rules.outlets.find((o) => o.id === id)?.names[0];
  if (rule) return { name: rule, nameFrom: 'the import rules' };
  const initials = (n: string) => slug(n).split('-').filter((w) => !['the', 'of', 'and'].includes(w)).map((w) => w[0]).join('');
  const printed = found.find((f) => f.id === id && f.name) ?? found.find((f) => f.name && initials(f.name) === id);
  if (printed?.name) return { name: printed.name, nameFrom: `the capture ("${printed.evidence}")` };
  return { name: readableName(id), nameFrom: file && slug(file.replace(/^.*[\\/]/, '')).startsWith(id) ? 'the file name' : 'the id' };
}

/** "Outlet, 5 Mar 2025" in the page header: the original publisher of a republished text, with its date. */
function reprintLine(text: string): { name: string; date: FoundDate } | undefined {
  const m = /^([A-Z][\w&.' -]{1,40}), \d{1,2} \w+\.? \d{4}$/.exec(text);
  const date = m ? writtenDate(text) : undefined;
  return m && date ? { name: m[1], date } : undefined;
}

function detectDate(c: Classified, dl: Dateline | undefined, yearHint: number | undefined, languages: string[]): Detected['date'] {
  const candidates: (FoundDate & { confidence: Confidence; note: string; update?: boolean })[] = [];
  const reprints: FoundDate[] = [];
  for (const l of headZone(c)) {
    if (l.role.kind !== 'removed') continue;
    const reprint = reprintLine(l.text);
    if (reprint) {
      reprints.push(reprint.date); // another publication's date, not this page's
    } else if (isTopTitleBar(c, l)) {
      const last = l.text.split(TITLE_BAR_SEP).pop() ?? '';
      const d = dottedDate(last) ?? isoDateIn(last) ?? chronoDate(last, languages);
      if (d) candidates.push({ ...d, confidence: d.ambiguous ? 'medium' : 'high', note: `The page title bar dates the article${d.text.includes('.') ? ' (day.month.year)' : ''}.` });
    } else if (l.role.reason === 'page-metadata') {
      const d = isoDateIn(l.text) ?? chronoDate(l.text, languages) ?? (/^-? ?\d/.test(l.text) ? dottedDate(l.text) : undefined) ?? dateLine(l.text);
      if (!d) continue;
      const update = dateLine(l.text)?.update ?? false;
      candidates.push({
        ...d,
        update,
        confidence: d.ambiguous || update ? 'medium' : 'high',
        note: update ? 'The page metadata gives this as the time the page was updated, which may be later than publication.' : d.ambiguous ? 'The page metadata dates the article; a dotted date is read as day.month.year.' : 'The page metadata dates the article.',
      });
    }
  }
  // An update time counts only when nothing else dates the page.
  if (candidates.some((d) => !d.update)) candidates.splice(0, candidates.length, ...candidates.filter((d) => !d.update));
  // An image's Unix time stamp is the weakest clue, used only when nothing else dates the page,
  // and only from the very first line, where a lead image is printed.
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
  // "said on Tuesday" near the top supports a date that falls on that day. A report dated a day
  // or more later is ordinary (the statement came first, the report after), so a different day
  // raises a question only when the capture gives another date that does fall on it.
  const lead = c.lines.filter((l) => l.role.kind === 'paragraph').slice(0, 3).map((l) => l.text).join('\n');
  const wd = new RegExp(`\\bon (${WEEKDAYS.join('|')})\\b`).exec(lead);
  if (wd) {
    if (weekdayOf(best.date) === wd[1]) {
      extra.push({ quote: wd[0], note: `${best.date} was a ${wd[1]}, consistent with the date.` });
      if (confidence === 'low') confidence = 'medium';
    } else {
      const other = [...candidates, ...reprints].find((d) => d.date !== best.date && weekdayOf(d.date) === wd[1]);
      if (other) {
        note += ` The text says "${wd[0]}", which fits ${other.date} ("${other.text}") rather than ${best.date} (a ${weekdayOf(best.date)}): the page may republish an earlier report.`;
        if (confidence === 'high') confidence = 'medium';
      }
    }
  }
  return { value: best.date, precision: 'day', confidence, evidence: best.text, note, extra };
}

function detectByline(c: Classified): Detection<string> {
  const head = headZone(c);
  const l = [...head, ...footZone(c)].find((x) => x.byline);
  if (!l) return { confidence: 'high', note: 'no byline' };
  const where = head.includes(l) ? 'a byline line at the top of the page' : 'the closing credit line';
  return { value: l.byline, confidence: 'high', evidence: l.text, note: where };
}

function detectCredits(c: Classified, dl: Dateline | undefined, outlet: string | undefined, rules: ImportRules, known: KnownOutlet[]): Detected['credits'] {
  for (const l of footZone(c)) {
    const initials = CREDIT_LINE.exec(l.text);
    if (initials) return { value: initials[1].split(/, ?/), line: l.text, confidence: 'high', evidence: l.text, note: 'the closing credit line (staff initials, then the agencies)' };
    if (l.byline && l.role.kind !== 'removed') return { value: [], line: l.text, confidence: 'high', evidence: l.text, note: 'the closing credit line (names of the reporters and editors)' };
  }
  for (const l of headZone(c)) {
    const reprint = reprintLine(l.text);
    if (reprint) {
      return { value: [reprint.name], line: l.text, confidence: 'medium', evidence: l.text, note: `a source line naming ${reprint.name} with its own date (${reprint.date.date}): probably the original publisher of a republished text` };
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

/** Every fact the importer can find in a capture, each with how sure it is; `file` is the capture's file name. */
export function detect(c: Classified, rules: ImportRules, known: KnownOutlet[], yearHint?: number, file?: string): Detected {
  const body = c.lines.filter((l) => l.role.kind !== 'title' && !(l.role.kind === 'removed' && l.role.reason !== 'page-metadata'));
  const dl = findDateline(body);
  const outlet = detectOutlet(c, dl, rules, known, file);
  const dateline: Detection<string> = dl ? { value: dl.text, confidence: 'high', evidence: dl.text, note: `a ${dl.city} dateline naming ${dl.agency}` } : { confidence: 'high', note: 'no dateline' };
  const language = detectLanguage(c, rules);
  return {
    title: detectTitle(c),
    outlet,
    byline: detectByline(c),
    date: detectDate(c, dl, yearHint, language.value ? [language.value] : []),
    dateline,
    credits: detectCredits(c, dl, outlet.value, rules, known),
    language,
  };
}
