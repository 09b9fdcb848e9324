// The size of a built site and the gzipped first-view weight of one of its pages. The same
// method as the peers' dist-stats.mjs, so Dossier and Starlight are measured alike:
// the page's HTML, its stylesheets, its <script src> and modulepreload JS and the JS those
// import statically; dynamic import() chunks and /pagefind/ files are not counted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface DistStats {
  dist_bytes: number;
  pages: number;
  index_bytes: number;
  page: string;
  page_html_gz: number;
  page_css_gz: number;
  page_js_gz: number;
  page_gz_bytes: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 6 }).length;
const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
const attrs = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w-]+)=("[^"]*"|'[^']*'|[^\s>]+)/g)].map((m) => [m[1], m[2].replace(/^["']|["']$/g, '')]));

export function distStats(dist: string, page: string): DistStats {
  const html = readFileSync(join(dist, page), 'utf8');
  const pageUrl = new URL(`/${page}`, 'http://x');
  const local = (ref: string, base: URL) => {
    const u = new URL(ref.replace(/&amp;/g, '&'), base);
    return u.host === 'x' && !u.pathname.startsWith('/pagefind/') ? u.pathname : undefined;
  };
  const css = new Set<string>();
  const js = new Set<string>();
  for (const [tag] of html.matchAll(/<(link|script)\b[^>]*>/g)) {
    const a = attrs(tag);
    const p = tag.startsWith('<link') ? a.href && local(a.href, pageUrl) : a.src && local(a.src, pageUrl);
    if (!p) continue;
    if (tag.startsWith('<script') || /modulepreload/.test(a.rel ?? '')) js.add(p);
    else if (/stylesheet/.test(a.rel ?? '')) css.add(p);
  }
  for (const p of js) {
    const src = readFileSync(join(dist, p), 'utf8');
    for (const m of src.matchAll(/\b(?:import|from)\s*["']([^"']+\.m?js)["']/g)) {
      const u = local(m[1], new URL(p, 'http://x'));
      if (u) js.add(u); // a Set picks up additions while it is being iterated
    }
  }
  const sum = (files: Set<string>) => [...files].reduce((s, p) => s + gz(join(dist, p)), 0);
  const all = walk(dist);
  const size = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);
  const out = {
    dist_bytes: size(all),
    pages: all.filter((f) => f.endsWith('.html')).length,
    index_bytes: size(all.filter((f) => f.startsWith(join(dist, 'pagefind') + sep))),
    page,
    page_html_gz: gz(join(dist, page)),
    page_css_gz: sum(css),
    page_js_gz: sum(js),
  };
  return { ...out, page_gz_bytes: out.page_html_gz + out.page_css_gz + out.page_js_gz };
}
