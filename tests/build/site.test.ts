import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { htmlPages, readPage, siteDir, exists } from '../helpers/site.ts';

const { dossier } = verifyContent('src/content');
const sources = [...dossier!.sources.values()];
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('the built site', () => {
  it('has a home page that says what the dossier is about and lists the five articles', () => {
    const home = text(readPage('/'));
    expect(home).toContain(dossier!.settings.title.replace(/&/g, '&'));
    expect(home).toMatch(/10 Oct(ober)? 2017/);
    expect(home).toMatch(/14 Nov(ember)? 2017/);
    for (const s of sources) expect(home).toContain(s.title);
  });

  it('lists every source with outlet, headline, date and event on /sources/', () => {
    const list = text(readPage('/sources/'));
    for (const s of sources) {
      expect(list).toContain(s.title);
      expect(list).toContain(dossier!.outlets.get(s.outlet)!.name);
      for (const e of s.events) expect(list).toContain(dossier!.events.get(e)!.title);
    }
    expect(list).toContain('14 November 2017');
  });

  it('shows each source with its title, date, precision, evidence and capture hash', () => {
    for (const s of sources) {
      const page = readPage(`/sources/${s.id}/`);
      expect(page).toMatch(new RegExp(`<title>[^<]*${s.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(page).toContain(s.capture.sha256);
      expect(page).toContain(`datetime="${s.published.date}"`);
      expect(text(page)).toContain(`precision:`);
      expect(page).toContain(`href="/captures/${s.capture.id}.txt"`);
    }
  });

  it('names each source\'s language in words, with its tag', () => {
    for (const s of sources) {
      expect(s.language).toBe('en');
      expect(text(readPage(`/sources/${s.id}/`))).toMatch(/Language English \(en\)/);
    }
  });

  it('shows DW wire credits ending with "(Reuters, Interfax)"', () => {
    const dw = sources.find((s) => s.outlet === 'dw')!;
    const page = text(readPage(`/sources/${dw.id}/`));
    expect(page).toContain('Reuters, Interfax');
    expect(page).toContain('(Reuters, Interfax)');
  });

  it('shows the AVİM ← CNBC ← Reuters republication chain', () => {
    const avim = sources.find((s) => s.outlet === 'avim')!;
    const page = text(readPage(`/sources/${avim.id}/`));
    const chain = page.slice(page.indexOf('Republication chain'));
    expect(chain.indexOf('CNBC')).toBeGreaterThan(-1);
    expect(chain.indexOf('Reuters')).toBeGreaterThan(chain.indexOf('CNBC'));
  });

  it('marks photo captions as captions, not article text', () => {
    const dw = sources.find((s) => s.outlet === 'dw')!;
    const caption = dw.blocks.find((b) => b.kind === 'caption')!;
    const page = readPage(`/sources/${dw.id}/`);
    const at = page.indexOf(caption.text.slice(0, 30));
    expect(page.lastIndexOf('<figcaption', at)).toBeGreaterThan(page.lastIndexOf('<p>', at));
  });

  it('serves every raw capture byte for byte', () => {
    for (const s of sources) {
      const served = readFileSync(join(siteDir(), 'captures', `${s.capture.id}.txt`));
      expect(createHash('sha256').update(served).digest('hex')).toBe(s.capture.sha256);
    }
  });

  it('lists what cleaning removed on each source page', () => {
    for (const s of sources.filter((x) => x.removed.length)) {
      const page = readPage(`/sources/${s.id}/`);
      expect(page).toContain('Lines removed from the capture');
      expect(text(page)).toContain(s.removed[0].text.replace(/\s+/g, ' ').trim().slice(0, 20));
    }
  });

  it('has a skip link, a main landmark and a language on every page', () => {
    for (const p of htmlPages()) {
      const html = readPage(p);
      expect(html, p).toMatch(/<html lang="en"/);
      expect(html, p).toContain('href="#main"');
      expect(html, p).toContain('id="main"');
    }
  });

  it('never doubles a full stop where a summary sentence is run into a list or a sentence', () => {
    // "… Islamic State.." or "… in Syria.; The …": a summary's own stop before the list's punctuation. "U.S.;" is fine.
    const inline = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const doubled = htmlPages().flatMap((p) => (inline(readPage(p)).match(/.{0,30}[a-z”’)]\.(?:\.(?!\.)|;).{0,20}/g) ?? []).map((m) => `${p}: ${m}`));
    expect(doubled).toEqual([]);
  });

  it('needs no client JavaScript to read a source page', () => {
    const page = readPage(`/sources/${sources[0].id}/`);
    const article = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    for (const s of sources[0].blocks.slice(0, 3)) expect(text(article)).toContain(s.text.replace(/\s+/g, ' ').trim().slice(0, 40).replace(/&/g, '&'));
  });

  it('resolves every internal link to a built file, and every fragment to an id', () => {
    const broken: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (path: string) => {
      if (!ids.has(path)) ids.set(path, new Set([...readPage(path).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
      return ids.get(path)!;
    };
    for (const p of htmlPages()) {
      const html = readPage(p);
      for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
        if (/^(https?:|mailto:|data:)/.test(href)) continue;
        const url = new URL(href.replace(/&amp;/g, '&'), `http://x${p.replace(/index\.html$/, '')}`);
        let path = decodeURIComponent(url.pathname);
        if (path.endsWith('/')) path += 'index.html';
        if (!exists(path)) { broken.push(`${p} → ${href}`); continue; }
        if (url.hash && path.endsWith('.html') && !idsOf(path).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${p} → ${href} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
