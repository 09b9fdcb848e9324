import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWebCache, writeWebCache } from '../../src/lib/capture/web/cache.ts';
import { decodeHtml } from '../../src/lib/capture/web/decode.ts';
import { deriveWebCapture } from '../../src/lib/capture/web/derive.ts';
import { extractorVersion } from '../../src/lib/capture/web/version.ts';
import { pageParagraphs, rawRecords, web } from '../helpers/web.ts';
import { removeFully } from '../../src/lib/discard.ts';

const tmp = mkdtempSync(join(tmpdir(), 'web-unit-'));
afterAll(() => removeFully(tmp));

const ok = async (file: string, url?: string) => {
  const d = await deriveWebCapture(web(file), url);
  if (!d.ok) throw new Error(`${file}: ${d.message}`);
  return d;
};
const paragraphs = (d: Awaited<ReturnType<typeof ok>>) => d.extracted.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);

describe('web captures made by wget: the article text', () => {
  it('extracts exactly the article paragraphs of the served page, in order', async () => {
    const d = await ok('harbour.warc.gz');
    const html = readFileSync(web('pages/news/harbour-report.html'), 'utf8');
    expect(paragraphs(d)).toEqual(pageParagraphs(html, /<div class="story-body">([\s\S]*?)<\/div>\s*<aside/));
    expect(d.extracted.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Contractor disputes findings']);
    expect(d.extracted.blocks.filter((b) => b.kind === 'caption').map((b) => b.text)).toEqual(['A dredger working in the eastern channel in March. Photo: Courier archive']);
  });

  it('keeps nothing of the navigation, ads, related stories, share links or footer', async () => {
    const d = await ok('harbour.warc.gz');
    const body = d.extracted.blocks.map((b) => b.text).join('\n');
    for (const furniture of ['Subscribe', 'Sail into savings', 'Related stories', 'Harbour board election date set', 'Most read', 'Storm warning', 'Share this story', 'All rights reserved', 'Privacy', 'dataLayer']) {
      expect(body).not.toContain(furniture);
    }
  });

  it('reads the page metadata: headline, byline, dates, publisher, language', async () => {
    const d = await ok('harbour.warc.gz');
    expect(d.extracted.headline.value).toBe('Harbour inquiry finds dredging logs were altered');
    expect(d.extracted.headline.agree).toEqual(['og:title', 'JSON-LD headline', '<h1>']);
    expect(d.extracted.byline?.value).toBe('Mara Lind');
    expect(d.extracted.dates.map((f) => f.from)).toEqual(['meta article:published_time', 'JSON-LD datePublished', '<time datetime>']);
    expect(d.extracted.publisher).toBe('The Coastal Courier');
    expect(d.extracted.language).toBe('en');
    // Each fact is a line of the derived text, so evidence can quote it verbatim.
    for (const f of d.extracted.dates) expect(d.text.split('\n')).toContain(f.line);
    expect(d.text.split('\n')[0]).toBe(d.extracted.headline.value);
  });

  it('finds the JSON-LD NewsArticle among other JSON-LD objects and keeps the date as the outlet wrote it', async () => {
    const d = await ok('ferry.warc.gz');
    expect(d.extracted.dates).toEqual([{ value: '2017-10-10T16:45:00+01:00', from: 'JSON-LD datePublished', line: 'JSON-LD datePublished: 2017-10-10T16:45:00+01:00' }]);
    expect(d.extracted.publisher).toBe('Island Post');
    const html = readFileSync(web('pages/news/ferry-contract.html'), 'utf8');
    expect(paragraphs(d).filter((p) => p !== 'Tomas Reyes, local government reporter')).toEqual(pageParagraphs(html, /<section class="content">([\s\S]*?)<\/section>/));
  });
});

describe('web captures: the provenance is what the archive records', () => {
  it('takes the URL, capture time, status, payload digest and tool from the WARC records', async () => {
    const d = await ok('harbour.warc.gz');
    const records = rawRecords(web('harbour.warc.gz'));
    const response = records.find((r) => r.headers['WARC-Type'] === 'response')!;
    const info = records.find((r) => r.headers['WARC-Type'] === 'warcinfo')!;
    expect(d.provenance).toEqual({
      format: 'warc',
      url: response.headers['WARC-Target-URI'].replace(/^<|>$/g, ''),
      captured: response.headers['WARC-Date'],
      status: Number(/^HTTP\/1\.1 (\d+)/.exec(response.body.toString('latin1'))![1]),
      payloadDigest: response.headers['WARC-Payload-Digest'],
      tool: /^software: (.*)$/m.exec(info.body.toString('utf8'))![1],
    });
    expect(d.provenance.url).toBe('http://127.0.0.1:8417/news/harbour-report.html');
    expect(d.provenance.tool).toMatch(/^Wget\/1\.\d+/);
    expect(d.sha256).toBe(createHash('sha256').update(readFileSync(web('harbour.warc.gz'))).digest('hex'));
    expect(d.extractor).toBe(extractorVersion());
    expect(d.textSha256).toBe(createHash('sha256').update(d.text).digest('hex'));
  });

  it('reads the same page, and the same text, out of the WACZ that js-wacz packed from that WARC', async () => {
    const [warc, wacz] = [await ok('harbour.warc.gz'), await ok('harbour.wacz')];
    expect(wacz.text).toBe(warc.text);
    expect(wacz.provenance).toEqual({ ...warc.provenance, format: 'wacz', tool: `${warc.provenance.tool}; packed as WACZ by @harvard-lil/js-wacz 0.1.6` });
  });

  it('refuses a WARC of several pages with their list, and --url picks one', async () => {
    const all = await deriveWebCapture(web('two-pages.warc.gz'));
    expect(all.ok).toBe(false);
    if (!all.ok) {
      expect(all.message).toContain('holds 2 HTML pages');
      expect(all.message).toContain('http://127.0.0.1:8417/news/harbour-report.html');
      expect(all.message).toContain('http://127.0.0.1:8417/news/ferry-contract.html');
      expect(all.fix).toContain('--url');
    }
    const ferry = await ok('two-pages.warc.gz', 'http://127.0.0.1:8417/news/ferry-contract.html');
    expect(ferry.text).toBe((await ok('ferry.warc.gz')).text);
    const none = await deriveWebCapture(web('two-pages.warc.gz'), 'http://127.0.0.1:8417/elsewhere.html');
    expect(none.ok || none.message).toContain('holds no page at --url http://127.0.0.1:8417/elsewhere.html');
  });
});

describe('web captures: encodings', () => {
  it('decodes a windows-1252 page that declares its charset in a <meta>', async () => {
    const d = await ok('port-1252.warc.gz');
    expect(d.extracted.language).toBe('fr');
    expect(d.text).toContain('Le port rouvre après trois semaines de travaux');
    expect(d.text).toContain('« Les bateaux peuvent de nouveau entrer à marée basse », a déclaré le capitaine du port, René Giraud.');
    expect(d.text).toContain('l’anse voisine');
    expect(d.text).not.toContain('\uFFFD');
  });

  it('refuses a page that declares no encoding and is not UTF-8, rather than guess', async () => {
    const d = await deriveWebCapture(web('bad-undeclared-1252.warc.gz'));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toContain('declares no character encoding');
  });

  it('follows the HTTP header, a byte-order mark or a <meta>, and reads undeclared bytes only if they are UTF-8', () => {
    const latin = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    expect(decodeHtml(latin('caf\u00e9'), 'text/html; charset=windows-1252')).toMatchObject({ ok: true, text: 'café', declaredBy: 'the HTTP Content-Type header' });
    expect(decodeHtml(latin('<meta charset="windows-1252">caf\u00e9'), 'text/html')).toMatchObject({ ok: true, text: '<meta charset="windows-1252">café' });
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('café')]), 'text/html')).toMatchObject({ ok: true, text: 'café', declaredBy: 'a byte-order mark' });
    expect(decodeHtml(new TextEncoder().encode('café'), 'text/html')).toMatchObject({ ok: true, text: 'café' });
    expect(decodeHtml(latin('caf\u00e9'), 'text/html').ok).toBe(false);
    expect(decodeHtml(latin('<meta charset="klingon-8">x'), undefined)).toMatchObject({ ok: false, message: expect.stringContaining('not a known encoding') });
  });
});

describe('web captures: bad archives are refused with the cause and the fix', () => {
  const cases: [string, RegExp][] = [
    ['bad-truncated.warc.gz', /truncated or corrupt/],
    ['bad-no-html.warc.gz', /holds no HTML page/],
    ['bad-tampered.warc.gz', /does not match its WARC-Payload-Digest .* the archived page was changed after capture/],
    ['bad-no-article.warc.gz', /holds no article/],
    ['bad-undeclared-1252.warc.gz', /declares no character encoding/],
  ];
  for (const [file, message] of cases) {
    it(file, async () => {
      const d = await deriveWebCapture(web(file));
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.message).toMatch(message);
        expect(d.fix.length).toBeGreaterThan(20);
      }
    });
  }
});

describe('the derived-text cache', () => {
  it('is kept per archive, page and extractor, and never used across extractor versions', async () => {
    const d = await ok('harbour.warc.gz');
    const entry = { ok: true as const, sha256: d.sha256, bytes: d.bytes, provenance: d.provenance, extractor: d.extractor, text: d.text, textSha256: d.textSha256 };
    writeWebCache(tmp, d.provenance.url, entry);
    expect(readWebCache(tmp, d.sha256, d.provenance.url, d.extractor)?.text).toBe(d.text);
    expect(readWebCache(tmp, d.sha256, d.provenance.url, d.extractor.replace(/dossier-web@\d+/, 'dossier-web@999'))).toBeUndefined();
    expect(readWebCache(tmp, d.sha256, 'http://127.0.0.1:8417/other.html', d.extractor)).toBeUndefined();
    expect(readWebCache(tmp, '0'.repeat(64), d.provenance.url, d.extractor)).toBeUndefined();
  });
});
