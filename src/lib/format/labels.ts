import type { ContextEntry } from '../schemas/context.ts';
import { en } from '../i18n/messages/en.ts';
import type { I18n } from '../i18n/translate.ts';
import { formatDate } from './date.ts';

/*
 * Reader-facing words for the dossier's enumerations live in the message catalogue
 * (src/lib/i18n/messages/: `how.*`, `responseKind.*`, `removal.*`); pages take them from the
 * dossier's I18n. These English constants stay for code and tests outside a page.
 */
export const NOT_CAPTURED = en.notCaptured;

/** How a piece of later reporting is named wherever it is linked: "The Defense Post, 9 October 2017". */
export function laterReportLabel(entry: Pick<ContextEntry, 'outlet' | 'date' | 'precision'>, i18n?: I18n): string {
  if (!i18n) return `${entry.outlet}, ${formatDate(entry.date, entry.precision)}`;
  return i18n.t('laterReport', { outlet: entry.outlet, date: i18n.date(entry.date, entry.precision) });
}
