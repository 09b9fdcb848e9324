/** Date and dateline patterns of news pages; written dates in many languages go through chrono-node. */
import * as chrono from 'chrono-node';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|Jun\\.|July|Jul\\.|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Nov." or "November" → 11; undefined for anything else. */
export function monthNumber(name: string): number | undefined {
  const i = MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

export function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function weekdayOf(isoDate: string): string {
  return WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()];
}

/**
 * A wire-style dateline at the start of a line: "CITY, Nov. 14 (Agency) --",
 * "CITY, November 14. /AGENCY/.", "CITY, 5 March 2025 (Agency) –" or "CITY (Agency) -".
 */
const DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{Lu} .'-]*\\p{Lu}),?(?: (?:(${MONTH}) (\\d{1,2})|(\\d{1,2}) (${MONTH}))(?:,? (\\d{4}))?)?(?:\\.? ?/([^/\\n]{2,40})/\\.|\\s*\\(([^)\\n]{2,40})\\)\\s*(?:--|—|–|-)?)`,
  'u',
);

export interface Dateline {
  text: string;
  city: string;
  month?: number;
  day?: number;
  year?: number;
  /** The agency named in the dateline, "(Agency)" or "/AGENCY/". */
  agency: string;
  /** The dateline is the whole line, not the start of a paragraph. */
  wholeLine: boolean;
}

export function parseDateline(line: string): Dateline | undefined {
  const m = DATELINE.exec(line);
  if (!m) return undefined;
  const text = m[0].trim();
  return {
    text,
    city: m[1],
    month: m[2] || m[5] ? monthNumber(m[2] ?? m[5]) : undefined,
    day: m[3] || m[4] ? Number(m[3] ?? m[4]) : undefined,
    year: m[6] ? Number(m[6]) : undefined,
    agency: (m[7] ?? m[8]).trim(),
    wholeLine: text === line.trim(),
  };
}

/** Dates written in page metadata, strongest first, each with the verbatim text it came from. */
export interface FoundDate {
  date: string;
  text: string;
  /** Day and month could be swapped (both 12 or less) in a dotted date. */
  ambiguous: boolean;
}

export function dottedDate(text: string): FoundDate | undefined {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (!m) return undefined;
  const date = iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return date ? { date, text: m[0], ambiguous: Number(m[1]) <= 12 && m[1] !== m[2] } : undefined;
}

export function isoDateIn(text: string): FoundDate | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?/.exec(text);
  if (!m) return undefined;
  const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { date, text: m[0], ambiguous: false } : undefined;
}

/** "5 Mar 2025" → 2025-03-05. */
export function writtenDate(text: string): FoundDate | undefined {
  const m = new RegExp(`(\\d{1,2}) (${MONTH}) (\\d{4})`, 'u').exec(text);
  const month = m && monthNumber(m[2]);
  const date = m && month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  return date ? { date, text: m![0], ambiguous: false } : undefined;
}

/** A Unix time stamp (2000–2039) at the start of an image file name, as some sites print their lead image. */
export function timestampDate(text: string): FoundDate | undefined {
  const m = /^- (\d{10}) /.exec(text);
  if (!m) return undefined;
  const t = Number(m[1]);
  if (t < 946684800 || t > 2208988800) return undefined;
  return { date: new Date(t * 1000).toISOString().slice(0, 10), text: m[1], ambiguous: false };
}

/**
 * chrono-node's strict parsers (absolute dates only: no "today", no bare weekday), English first.
 * A language's parser is tried only for the languages chrono-node knows.
 */
const PARSERS: Record<string, chrono.Chrono> = {
  en: chrono.en.strict, de: chrono.de.strict, fr: chrono.fr.strict, es: chrono.es.strict, pt: chrono.pt.strict,
  it: chrono.it.strict, nl: chrono.nl.strict, ru: chrono.ru.strict, uk: chrono.uk.strict, sv: chrono.sv.strict,
  fi: chrono.fi.strict, ja: chrono.ja.strict, zh: chrono.zh.strict,
};
const REF = new Date(Date.UTC(2000, 0, 1));

/**
 * A written date with its day, month and year all stated ("Published 5 March 2025",
 * "March 5, 2025", "2025-03-04 21:50", "5. März 2025"), through chrono-node. `text` is the
 * verbatim part of the line chrono read, so it can stand as a quote. A date that chrono
 * would complete from the reference (no year, no day) is not taken: the importer never guesses.
 */
export function chronoDate(text: string, languages: string[] = Object.keys(PARSERS)): FoundDate | undefined {
  // Only a written year makes a date here, and most lines have none: skip chrono-node's parsers for them.
  if (!/\d{4}/.test(text)) return undefined;
  const order = [...new Set([...languages, 'en'])].filter((l) => PARSERS[l]);
  for (const lang of order) {
    for (const r of PARSERS[lang].parse(text, REF)) {
      const s = r.start;
      // Relative phrases ("a day after") come back "certain" from the reference date: a written year is required.
      if (!/\d{4}/.test(r.text) || !s.isCertain('year') || !s.isCertain('month') || !s.isCertain('day')) continue;
      // A dotted or slashed date whose day and month could swap is left to dottedDate(), which says so.
      if (/^\d{1,2}[./]\d{1,2}[./]\d{4}/.test(r.text)) continue;
      const date = iso(s.get('year')!, s.get('month')!, s.get('day')!);
      if (date) return { date, text: r.text.trim(), ambiguous: false };
    }
  }
  return undefined;
}

/** Labels that may stand before or after a date on a metadata line: "Published", "Updated:", "· 4 min read". */
const UPDATE_LABEL = /^(?:last )?(?:updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt)\b/iu;

/**
 * A line that is a date and little else (a label, a time, a reading time): page metadata,
 * not article text. Returns the date found, and whether the line gives an update time.
 */
export function dateLine(line: string): (FoundDate & { update: boolean }) | undefined {
  if (!/\d{4}/.test(line)) return undefined;
  if (line.split(/\s+/).length > 12 || /[.!?]["”’]?$/u.test(line) && !/\d\.?$/.test(line)) return undefined;
  const d = isoDateIn(line) ?? dottedDate(line) ?? chronoDate(line);
  if (!d) return undefined;
  const rest = line.replace(d.text, ' ').replace(/\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h|utc|gmt|[a-z]{2,4}t)?\b/giu, ' ');
  const words = rest.split(/[^\p{L}]+/u).filter(Boolean);
  return words.length <= 5 ? { ...d, update: UPDATE_LABEL.test(line.trim()) } : undefined;
}
