export type Precision = 'day' | 'month' | 'year';

const formats = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, precision: 'day' | 'month') => {
  const key = `${locale}|${precision}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = precision === 'day' ? { day: 'numeric', month: 'long', year: 'numeric' } : { month: 'long', year: 'numeric' };
    formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  }
  return f;
};

/**
 * "2017-11-14" → "14 November 2017", honouring the stated precision (never inventing a day), in
 * the given locale through Intl ("novembre 2017", "ноябрь 2017 г."). English reads as British
 * English writes it, day before month.
 */
export function formatDate(iso: string, precision: Precision = 'day', locale = 'en-GB'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year' || !m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  return formatter(locale, precision === 'month' || !d ? 'month' : 'day').format(date);
}

export function yearOf(iso: string): string {
  return iso.slice(0, 4);
}
