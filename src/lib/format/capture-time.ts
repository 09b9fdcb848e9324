import { createI18n, type I18n } from '../i18n/translate.ts';

let english: I18n | undefined;

/**
 * A WARC-Date, "2026-12-07T06:24:47Z", as "7 December 2026, 06:24:47 UTC" (in the dossier's
 * language when its I18n is given): the time is part of the record, so it is shown as recorded, in UTC.
 */
export function formatCaptureTime(warcDate: string, i18n?: I18n): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(warcDate);
  if (!m) return warcDate;
  const i = i18n ?? (english ??= createI18n('en'));
  return i.t('web.capturedAt', { date: i.date(m[1]), time: m[2] });
}
