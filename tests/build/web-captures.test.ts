import { createHash } from 'node:crypto';
import { HtmlValidate } from 'html-validate';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../helpers/build.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { rawRecords, runImport, web } from '../helpers/web.ts';
import { formatCaptureTime } from '../../src/lib/format/capture-time.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * A small dossier made from the wget captures by the importer itself, built by Astro: the web
 * sources' pages, downloads, exports and citations, and a saved page full of scripts that must
 * reach the site only as text.
 */
const HARBOUR = 'the-coastal-courier-2017-11-14';
const SAVED = 'scripts-article';
let content = '';
const out = `tests/.out/web-site-${process.pid}`;
let build: ReturnType<typeof buildDossier>;
const page = (id: string) => readFileSync(join(out, 'sources', id, 'index.html'), 'utf8');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

beforeAll(() => {
  content = miniCopy('tests/.out', 'web-site');
  for (const args of [[web('harbour.warc.gz')], [web('ferry.warc.gz')], [web('port-1252.warc.gz')], [web('saved/scripts-article.html')]]) {
    const r = runImport(['--content', content, '--create-outlets', ...args]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  // Two pages name no outlet; the author supplies one, as the review notes ask.
  for (const id of ['port-1252', SAVED]) {
    const f = join(content, 'sources', `${id}.md`);
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^summary:/m, 'outlet: paper-daily\nsummary:'));
  }
  writeFileSync(join(content, 'claims', 'logs-altered.yaml'), [
    'claimant: ministry', 'date: "2017-11-14"', 'event: ministry-statement', 'summary: The dredging records were changed.',
    'appearances:', `  - source: ${HARBOUR}`, '    quote: "The records we were given do not match what is on the seabed"', '    how: direct', '',
  ].join('\n'));
  build = buildDossier(content, out);
}, 600_000);
afterAll(() => {
  for (const d of [content, out, `${out}-cache`]) if (d) removeFully(d);
});

describe('a dossier built from web captures', () => {
  it('builds', () => {
    expect(build.status, build.stderr + build.stdout).toBe(0);
  });

  it('shows where and when the page was captured, distinct from its publication date', () => {
    const html = page(HARBOUR);
    const response = rawRecords(web('harbour.warc.gz')).find((r) => r.headers['WARC-Type'] === 'response')!;
    const captured = response.headers['WARC-Date'];
    expect(html).toContain('href="http://127.0.0.1:8417/news/harbour-report.html"');
    expect(html).toContain(`<time datetime="${captured}">${formatCaptureTime(captured)}</time>`);
    expect(html).toContain('when the page was archived, not when it was published');
    expect(html).toContain('<time datetime="2017-11-14">14 November 2017</time>');
    expect(html).toContain(sha(readFileSync(web('harbour.warc.gz'))));
    expect(html).toContain(response.headers['WARC-Payload-Digest']);
    expect(html).toMatch(/Archiving tool: Wget\/1\.\d+/);
    expect(html).toContain('@mozilla/readability@0.6.0');
    expect(html).toContain(`href="/captures/${HARBOUR}.warc.gz"`);
    expect(html).toContain(`href="/captures/${HARBOUR}.txt"`);
    expect(html).toContain('ReplayWeb.page');
  });

  it('renders the web sources\' pages as valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off', 'void-style': 'off', 'attribute-boolean-style': 'off', 'long-title': 'off', 'attribute-empty-style': 'off', 'no-redundant-role': 'off' } });
    for (const id of [HARBOUR, SAVED]) {
      const report = await validator.validateString(page(id), id);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${id}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });

  it('serves the archive byte for byte and the text derived from it', () => {
    expect(readFileSync(join(out, 'captures', `${HARBOUR}.warc.gz`)).equals(readFileSync(web('harbour.warc.gz')))).toBe(true);
    const text = readFileSync(join(out, 'captures', `${HARBOUR}.txt`), 'utf8');
    expect(text.split('\n')[0]).toBe('Harbour inquiry finds dredging logs were altered');
    expect(text).toContain('"The records we were given do not match what is on the seabed,"');
    expect(text).not.toContain('Related stories');
  });

  it('marks the verified quote in the web source\'s text', () => {
    expect(page(HARBOUR)).toMatch(/<span id="c-logs-altered" class="anchor"><\/span><mark class="passage" data-kind="claim">The records we were given do not match what is on the seabed<\/mark>/);
  });

  it('lets nothing of a saved page\'s scripts run or reach the pages unescaped', () => {
    const html = page(SAVED);
    expect(html).toContain('&lt;script&gt;alert(&quot;this is text, not code&quot;)&lt;/script&gt; &amp; nothing more.');
    for (const bad of ['<script>alert', 'PWNED', 'onerror', 'onload', 'onclick', 'tracker.example.com', 'ads.example.com', 'Injected by a script', 'javascript:']) expect(html).not.toContain(bad);
    // Published as plain text, never as an HTML page of the dossier's own site.
    expect(readFileSync(join(out, 'captures', `${SAVED}.html.txt`)).equals(readFileSync(web('saved/scripts-article.html')))).toBe(true);
    expect(readdirSync(join(out, 'captures')).filter((f) => f.endsWith('.html'))).toEqual([]);
    expect(html).toContain('A saved HTML page: no address, capture time, HTTP status or payload digest is recorded with it.');
    expect(html).toContain(`href="/captures/${SAVED}.html.txt" download="${SAVED}.html">Download the saved page</a>`);
    expect(html).toContain('Archiving tool: not recorded (a saved page)');
  });

  it('exports the provenance in /dossier.json, with the archive\'s path', () => {
    const data = JSON.parse(readFileSync(join(out, 'dossier.json'), 'utf8'));
    const s = data.sources.find((x: { id: string }) => x.id === HARBOUR);
    expect(s.url).toBe('http://127.0.0.1:8417/news/harbour-report.html');
    expect(s.web).toMatchObject({ format: 'warc', status: 200, url: s.url, captured: expect.any(String), payloadDigest: expect.stringMatching(/^sha1:/), tool: expect.stringMatching(/^Wget/) });
    expect(s.capture).toMatchObject({ path: `/captures/${HARBOUR}.txt`, archive: `/captures/${HARBOUR}.warc.gz` });
    const schema = JSON.parse(readFileSync(join(out, 'dossier.schema.json'), 'utf8'));
    expect(JSON.stringify(schema)).toContain('payloadDigest');
  });

  it('gives JSON-LD the URL and the archive with its SHA-256 and capture time', () => {
    const blocks = [...page(HARBOUR).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    expect(blocks).toContain('"url":"http://127.0.0.1:8417/news/harbour-report.html"');
    expect(blocks).toContain(`"archivedAt":{"@type":"MediaObject","contentUrl":"https://mini.example.org/captures/${HARBOUR}.warc.gz"`);
    expect(blocks).toContain(`"sha256":"${sha(readFileSync(web('harbour.warc.gz')))}"`);
  });

  it('cites the URL with the access date: Retrieved in APA, Accessed in MLA and Chicago', () => {
    const csl = JSON.parse(readFileSync(join(out, 'cite', `${HARBOUR}.json`), 'utf8'))[0];
    expect(csl.URL).toBe('http://127.0.0.1:8417/news/harbour-report.html');
    expect(csl.accessed['date-parts'][0]).toHaveLength(3);
    const html = page(HARBOUR);
    expect(html).toMatch(/Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from/);
    expect(html).toMatch(/Accessed [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    expect(html).toMatch(/Accessed \d{1,2} [A-Z][a-z]+\.? \d{4}\./);
  });

  it('keeps web archives out of the offline copy, and their extracted text in it', () => {
    const manifest = readFileSync(join(out, 'offline-manifest.json'), 'utf8');
    expect(manifest).not.toContain('.warc.gz');
    expect(manifest).toContain(`/captures/${HARBOUR}.txt`);
    expect(existsSync(join(out, 'captures', 'port-1252.warc.gz'))).toBe(true);
  });
});
