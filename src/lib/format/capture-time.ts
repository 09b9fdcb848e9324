const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A WARC-Date, "2026-12-07T06:24:47Z", as "7 December 2026, 06:24:47 UTC": the time is part of the record. */
export function formatCaptureTime(warcDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(warcDate);
  if (!m) return warcDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}, ${m[4]} UTC`;
}
