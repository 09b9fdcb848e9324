import type { I18n } from '../i18n/translate.ts';

/** "1.4 MB": a file size as a reader wants it, in decimal units like the operating systems show. */
export function formatBytes(bytes: number, i18n?: I18n): string {
  if (bytes < 1000) return i18n ? i18n.t('bytes.small', { count: bytes }) : `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // In the dossier's language ("1,4 Mo", "1,4 МБ"), as Intl writes sizes; English reads "1.4 MB" either way.
  if (i18n) return new Intl.NumberFormat(i18n.lang, { style: 'unit', unit: ['kilobyte', 'megabyte', 'gigabyte'][unit], unitDisplay: 'short', maximumFractionDigits: value >= 100 ? 0 : 1 }).format(value);
  return `${value >= 100 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}
