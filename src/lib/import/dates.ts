/** Date and dateline patterns of English-language news pages. */

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
 * A wire-style dateline at the start of a line: "MOSCOW, Nov. 14 (Xinhua) --",
 * "MOSCOW, November 14. /TASS/." or "WASHINGTON (Reuters) -".
 */
const DATELINE = new RegExp(
  `^([A-Z][A-Z .'-]*[A-Z]),?(?: (${MONTH}) (\\d{1,2})(?:, (\\d{4}))?)?(?:\\.? ?/([^/\\n]{2,40})/\\.|\\s*\\(([^)\\n]{2,40})\\)\\s*(?:--|—|–|-)?)`,
  'u',
);

export interface Dateline {
  text: string;
  city: string;
  month?: number;
  day?: number;
  year?: number;
  /** The agency named in the dateline, "(Xinhua)" or "/TASS/". */
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
    month: m[2] ? monthNumber(m[2]) : undefined,
    day: m[3] ? Number(m[3]) : undefined,
    year: m[4] ? Number(m[4]) : undefined,
    agency: (m[5] ?? m[6]).trim(),
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

/** "10 Oct 2017" → 2017-10-10. */
export function writtenDate(text: string): FoundDate | undefined {
  const m = new RegExp(`(\\d{1,2}) (${MONTH}) (\\d{4})`, 'u').exec(text);
  const month = m && monthNumber(m[2]);
  const date = m && month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  return date ? { date, text: m![0], ambiguous: false } : undefined;
}

/** A Unix time stamp (2000–2039) in an image file name, as The Independent's pages print them. */
export function timestampDate(text: string): FoundDate | undefined {
  const m = /^- (\d{10}) /.exec(text);
  if (!m) return undefined;
  const t = Number(m[1]);
  if (t < 946684800 || t > 2208988800) return undefined;
  return { date: new Date(t * 1000).toISOString().slice(0, 10), text: m[1], ambiguous: false };
}
