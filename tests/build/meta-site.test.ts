import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exists, htmlPages, readPage, siteDir } from '../helpers/site.ts';

const SITE = 'https://dossier.example.org/';
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
const meta = (html: string, attr: string, name: string) =>
  html.match(new RegExp(`<meta ${attr}="${name.replace(/[:.]/g, '\\$&')}" content="([^"]*)"`))?.[1];
const urlOf = (page: string) => `${SITE}${page.replace(/^\//, '').replace(/index\.html$/, '')}`;
const readable = () => htmlPages().filter((p) => p !== '/404.html');

describe('page metadata', () => {
  it('every page has lang, a canonical URL on the configured site, Open Graph and Twitter tags', () => {
    for (const page of readable()) {
      const html = readPage(page);
      expect(html, page).toMatch(/<html lang="en"/);
      expect(html, page).toContain(`<link rel="canonical" href="${urlOf(page)}">`);
      expect(meta(html, 'property', 'og:url'), page).toBe(urlOf(page));
      expect(meta(html, 'property', 'og:title'), page).toBeTruthy();
      expect(meta(html, 'property', 'og:description'), page).toBeTruthy();
      expect(meta(html, 'property', 'og:image'), page).toBe(`${SITE}og.png`);
      expect(meta(html, 'name', 'twitter:card'), page).toBe('summary_large_image');
    }
  });

  it('the social preview card is a 1200×630 PNG of modest size', () => {
    const png = readFileSync(join(siteDir(), 'og.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeLessThan(150_000);
  });
});

describe('JSON-LD', () => {
  it('the home page describes the dossier as a Report citing every source', () => {
    const [ld] = jsonLd(readPage('/'));
    expect(ld['@type']).toBe('Report');
    expect(ld.name).toBeTruthy();
    expect(ld.editor.length).toBeGreaterThan(0);
    const sources = htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p) && !p.includes('/page/'));
    expect(ld.citation).toHaveLength(sources.length);
    for (const c of ld.citation) expect(c).toMatchObject({ '@type': 'NewsArticle', headline: expect.any(String), datePublished: expect.any(String), publisher: { name: expect.any(String) } });
  });

  it('every source page is about, and based on, its captured article', () => {
    const pages = htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const [ld] = jsonLd(readPage(page));
      expect(ld['@type'], page).toBe('WebPage');
      expect(ld.about).toMatchObject({ '@type': 'NewsArticle', headline: expect.any(String), datePublished: expect.stringMatching(/^\d{4}/), publisher: { '@type': 'Organization' } });
      expect(ld.about.url ?? ld.about.archivedAt, page).toMatch(/^https?:\/\//);
      expect(ld.isBasedOn['@id']).toBe(ld.about['@id']);
    }
  });

  it('every claim page is a schema.org Claim with author, appearance and firstAppearance', () => {
    const pages = htmlPages().filter((p) => /^\/claims\/[^/]+\/index\.html$/.test(p));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const [ld] = jsonLd(readPage(page));
      expect(ld['@type'], page).toBe('Claim');
      expect(ld.author.name, page).toBeTruthy();
      expect(ld.appearance.length, page).toBeGreaterThan(0);
      expect(ld.firstAppearance).toEqual(ld.appearance[0]);
      // Each appearance is a source the page itself quotes.
      for (const a of ld.appearance) expect(readPage(page)).toContain(a['@id'].replace(SITE, '/').replace(/#article$/, ''));
    }
  });
});

describe('hosting files', () => {
  it('the sitemap lists every page and nothing else', () => {
    const index = readFileSync(join(siteDir(), 'sitemap-index.xml'), 'utf8');
    expect(XMLValidator.validate(index)).toBe(true);
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE, ''));
    const locs = files.flatMap((f) => [...readFileSync(join(siteDir(), f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(new Set(locs)).toEqual(new Set(readable().map(urlOf)));
  });

  it('robots.txt points at the sitemap', () => {
    expect(readFileSync(join(siteDir(), 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it('the feed is valid XML with the edition and one entry per source', () => {
    const xml = readFileSync(join(siteDir(), 'feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = [new XMLParser().parse(xml).rss.channel.item].flat();
    const sourcePages = htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p)).map(urlOf);
    expect(items.filter((i) => i.category === 'source').map((i) => i.link).sort()).toEqual(sourcePages.sort());
    expect(items.filter((i) => i.category === 'edition')).toHaveLength(1);
    for (const i of items) expect(Number.isNaN(Date.parse(i.pubDate))).toBe(false);
  });
});

describe('citations on the site', () => {
  it('every source page offers APA, Chicago and MLA text and three downloads that exist', () => {
    const pages = htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p));
    for (const page of pages) {
      const id = page.split('/')[2];
      const html = readPage(page);
      for (const style of ['apa', 'chicago', 'mla']) expect(html, page).toMatch(new RegExp(`<p class="cite-text" id="cite-${id}-${style}"[^>]*>(?:<i>)?[^<\\s].{20,}?</p>`));
      for (const ext of ['json', 'bib', 'ris']) {
        expect(html).toContain(`href="/cite/${id}.${ext}"`);
        expect(exists(`cite/${id}.${ext}`), `${id}.${ext}`).toBe(true);
      }
      // Copy buttons start hidden: without JavaScript there is only selectable text.
      expect(html).toMatch(/<button type="button" class="cite-copy"[^>]* hidden/);
    }
  });

  it('all-sources CSL-JSON and BibTeX hold one entry per source', () => {
    const ids = htmlPages().filter((p) => /^\/sources\/[^/]+\/index\.html$/.test(p)).map((p) => p.split('/')[2]).sort();
    const csl = JSON.parse(readFileSync(join(siteDir(), 'sources.csl.json'), 'utf8'));
    expect(csl.map((i: { id: string }) => i.id).sort()).toEqual(ids);
    for (const i of csl) expect(i.type).toBe('article-newspaper');
    const bib = readFileSync(join(siteDir(), 'sources.bib'), 'utf8');
    expect([...bib.matchAll(/^@article\{([^,]+),/gm)].map((m) => m[1]).sort()).toEqual(ids);
  });
});
