const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type Precision = 'day' | 'month' | 'year';

/** "2017-11-14" → "14 November 2017", honouring the stated precision (never inventing a day). */
export function formatDate(iso: string, precision: Precision = 'day'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year' || !m) return String(y);
  if (precision === 'month' || !d) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function precisionLabel(precision: Precision): string {
  return { day: 'exact day', month: 'month only', year: 'year only' }[precision];
}

export function yearOf(iso: string): string {
  return iso.slice(0, 4);
}
