// `npm run bench -- --sources N --web`: the same synthetic corpus as web captures. Each article
// becomes a page (navigation, an ad, a related-stories box, JSON-LD) inside a WARC written by
// warcio's own serializer, as a crawler would record it; the bench then imports and builds those
// beside the .txt corpus and prints the ratios (targets: import ≤ 3×, cold build ≤ 1.3×).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Row } from './table.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One corpus capture as a news page: its first line the headline, every other line a paragraph. */
export function articlePage(text: string, m: { title: string; date: string; outlet: string }): string {
  const [head, ...rest] = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: head, datePublished: `${m.date}T12:00:00Z`, publisher: { '@type': 'Organization', name: m.outlet } }).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(head)} | ${esc(m.outlet)}</title>
<meta property="og:site_name" content="${esc(m.outlet)}"><script type="application/ld+json">${ld}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/business/">Business</a> <a href="/subscribe/">Subscribe</a></nav></header>
<div class="ad-slot">Advertisement</div>
<main><article><h1>${esc(head)}</h1>
${rest.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside></main>
<footer>© ${esc(m.outlet)}</footer></body></html>`;
}

/** Write corpus/<id>.txt as web/<id>.warc.gz (warcinfo + response); returns how many. */
export async function makeWebCorpus(corpus: string, out: string): Promise<number> {
  mkdirSync(out, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { id: string; file: string; title: string; date: string; outlet: string }[];
  for (const m of manifest) {
    const html = new TextEncoder().encode(articlePage(readFileSync(join(corpus, m.file), 'utf8'), m));
    const url = `http://127.0.0.1:8417/${m.id}.html`;
    const date = `${m.date}T13:00:00Z`;
    const info = WARCRecord.createWARCInfo({ filename: `${m.id}.warc.gz`, warcVersion: 'WARC/1.0' }, { software: 'warcio.js (npm run bench)', format: 'WARC File Format 1.0' });
    const response = WARCRecord.create(
      { url, date, type: 'response', warcVersion: 'WARC/1.0', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
      (async function* () { yield html; })(),
    );
    const parts = [await WARCSerializer.serialize(info, { gzip: true }), await WARCSerializer.serialize(response, { gzip: true })];
    writeFileSync(join(out, m.file.replace(/\.txt$/, '.warc.gz')), Buffer.concat(parts));
  }
  return readdirSync(out).length;
}

/** The web row against the .txt row: the two figures the issue sets targets for. */
export function formatWebComparison(web: Row, txt: Row): string {
  const r = (k: string) => (typeof web[k] === 'number' && typeof txt[k] === 'number' && (txt[k] as number) > 0 ? Math.round(((web[k] as number) / (txt[k] as number)) * 100) / 100 : undefined);
  const rows = [
    ['figure', '.txt', 'web', 'ratio', 'target'],
    ['status', txt.status, web.status, '', ''],
    ['import_s', String(txt.import_s ?? '–'), String(web.import_s ?? '–'), `${r('import_s') ?? '–'}×`, '≤ 3×'],
    ['build_s (cold)', String(txt.build_s ?? '–'), String(web.build_s ?? '–'), `${r('build_s') ?? '–'}×`, '≤ 1.3×'],
    ['dist_bytes', String(txt.dist_bytes ?? '–'), String(web.dist_bytes ?? '–'), `${r('dist_bytes') ?? '–'}×`, ''],
  ];
  const width = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return [`\n${txt.sources} sources: web captures (WARC) against .txt captures`, ...rows.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  '))].join('\n');
}
