// Search at sizes the bench does not build (`--search-at N`): a search-only copy of a built
// synthetic site, with its source pages cloned to N pages, indexed by the same code as the build
// (src/lib/search/index-site.ts). Building 30,000 sources takes minutes and gigabytes; what search
// latency depends on is the index, so only the index is made at that size. Each clone is one of
// the built pages with its corpus token (make-corpus.mjs: "zq" + base36 index + "x") replaced by
// the token of the clone's index, so a search for a token still has exactly one right page, and
// every prefix typed matches as many pages as it would in a corpus of N articles.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexSite } from '../../src/lib/search/index-site.ts';
import { listFiles } from '../../src/lib/files.ts';
import { SEARCH_TAG_PLACEHOLDER } from '../../src/lib/search/tag.ts';
import { readFragments } from '../../src/lib/search/fragments.ts';

export interface ScaledSite {
  pages: number;
  index_s: number;
  /** The page the probes load, and its token. */
  page: string;
  token: string;
  /** Queries for the typing probe, spread over the clones. */
  typed: { token: string; path: string }[];
}

/** make-corpus.mjs's token for article i of a corpus of n. */
export const corpusToken = (i: number, n: number) => `zq${i.toString(36).padStart(Math.max(4, (n - 1).toString(36).length), '0')}x`;
const TOKEN = /zq[0-9a-z]{4,}x/g;

/** The source pages of a built site that carry exactly one corpus token, by that token's index. */
export function tokenPages(dist: string): Map<number, { dir: string; html: string; token: string }> {
  const pages = new Map<number, { dir: string; html: string; token: string }>();
  for (const dir of readdirSync(join(dist, 'sources'))) {
    const file = join(dist, 'sources', dir, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const tokens = new Set(html.match(TOKEN) ?? []);
    if (tokens.size !== 1 || !html.includes('data-pagefind-body')) continue;
    const token = [...tokens][0];
    pages.set(parseInt(token.slice(2, -1), 36), { dir, html, token });
  }
  return pages;
}

export async function scaleSearchSite(dist: string, out: string, n: number, queries = 5): Promise<ScaledSite> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The print edition holds every source again and is not indexed; the old index is replaced.
  cpSync(dist, out, { recursive: true, filter: (src) => !/\/(?:pagefind|print)$/.test(src.slice(dist.length)) });
  // The built pages carry the tag of the old index: put the placeholder back, so indexing patches in the new one.
  for (const file of listFiles(out)) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(file, 'utf8');
    const back = html.replace(/(meta-cache-tag=")[0-9a-f]{16}"/g, `$1${SEARCH_TAG_PLACEHOLDER}"`);
    if (back !== html) writeFileSync(file, back);
  }
  const templates = tokenPages(out);
  const count = templates.size;
  if (!count) throw new Error(`${dist}: no source page with a corpus token to clone`);
  const byIndex = [...templates.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  const paths: string[] = [];
  const kept = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = byIndex[i % count];
    const token = corpusToken(i, n);
    if (i < count && t.token === token) {
      kept.add(t.dir);
      paths.push(`/sources/${t.dir}/`);
      continue;
    }
    const dir = `${t.dir}-x${i}`;
    mkdirSync(join(out, 'sources', dir), { recursive: true });
    writeFileSync(join(out, 'sources', dir, 'index.html'), t.html.replaceAll(t.token, token));
    paths.push(`/sources/${dir}/`);
  }
  // A built page not kept as page i (past n, or shifted by a page without a token of its own)
  // leaves the index: its token now belongs to a clone, and each token must find one page.
  for (const t of templates.values()) if (!kept.has(t.dir)) rmSync(join(out, 'sources', t.dir), { recursive: true, force: true });
  const t0 = performance.now();
  const done = await indexSite(out);
  const index_s = Math.round((performance.now() - t0) / 10) / 100;
  // Five pages spread over the whole range, so most are clones and tokens differ early; each one
  // whose token the index holds (a few captures have their token in a line the import removed).
  const indexed = new Set(readFragments(join(out, 'pagefind')).flatMap((f) => f.content.match(TOKEN) ?? []));
  const picks = Array.from({ length: queries }, (_, k) => {
    let i = Math.floor(((k + 1) * n) / (queries + 1));
    while (i < n - 1 && !indexed.has(corpusToken(i, n))) i++;
    return i;
  });
  return {
    pages: done.pages,
    index_s,
    page: paths[0].slice(1),
    token: corpusToken(0, n),
    typed: picks.map((i) => ({ token: corpusToken(i, n), path: paths[i] })),
  };
}
