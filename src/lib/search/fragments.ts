import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DatedPage } from './date-order.ts';

/** One page as Pagefind wrote it to its index: what a search result's data holds. */
export interface Fragment {
  /** Pagefind's id for the page: its fragment file's name, as search results carry it. */
  id: string;
  url: string;
  /** The text Pagefind indexed. */
  content: string;
  meta: Record<string, string>;
}

/** Every fragment of a written index (the pagefind/ folder). */
export function readFragments(pagefindDir: string): Fragment[] {
  const dir = join(pagefindDir, 'fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    // Pagefind marks its files with a signature before the JSON.
    const data = JSON.parse(text.slice(text.indexOf('{'))) as Omit<Fragment, 'id'>;
    return { id: name.replace(/\.pf_fragment$/, ''), url: data.url, content: data.content, meta: data.meta ?? {} };
  });
}

/** Every indexed page that carries a date in its metadata (`data-pagefind-meta="date"`), read from the written index. */
export function fragmentDates(pagefindDir: string): DatedPage[] {
  return readFragments(pagefindDir).flatMap((f) => (f.meta.date ? [{ id: f.id, date: f.meta.date }] : []));
}
