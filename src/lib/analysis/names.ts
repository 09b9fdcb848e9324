/** "Deutsche Welle (DW)" → "DW": a short label for narrow table headers; long names are kept otherwise. */
export function shortName(name: string): string {
  const abbr = /\(([^,()]{2,8})[,)]/.exec(name)?.[1]?.trim();
  return abbr ?? name;
}

/** An MDX attribute holding one id or a comma-separated list. */
export function idList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** "a, b and c". */
export function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A summary written as a sentence ("… discredit the US."), for use inside another sentence or a
 * "; "-joined list: without its full stop, so the list does not read ".;" or end "..".
 * An abbreviation's stop ("U.S.") is kept.
 */
export function inSentence(summary: string): string {
  return summary.endsWith('.') && !/\b(?:[A-Z]\.){2,}$/.test(summary) ? summary.slice(0, -1) : summary;
}
