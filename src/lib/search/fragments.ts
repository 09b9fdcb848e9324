import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DatedPage } from './date-order.ts';

/** Every indexed page that carries a date in its metadata (`data-pagefind-meta="date"`), read from the written index. */
export function fragmentDates(pagefindDir: string): DatedPage[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).flatMap((name) => {
    let json = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    // Pagefind marks its files with a signature before the JSON.
    json = json.slice(json.indexOf('{'));
    const date = (JSON.parse(json) as { meta?: { date?: string } }).meta?.date;
    return date ? [{ id: name.replace(/\.pf_fragment$/, ''), date }] : [];
  });
}
