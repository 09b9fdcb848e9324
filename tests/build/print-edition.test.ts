import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { htmlPages, readPage, siteDir } from '../helpers/site.ts';

const { dossier } = verifyContent('src/content');
const html = readPage('/print/');
const doc = html.slice(html.indexOf('<div class="print-doc">'), html.lastIndexOf('</main>'));

describe('the print edition, /print/', () => {
  it('gives every element a unique id, so anchors work in one document', () => {
    const ids = [...doc.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('points every link at a place in the document or at a full web address', () => {
    const ids = new Set([...doc.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...doc.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.filter((h) => !h.startsWith('#') && !/^https?:\/\//.test(h))).toEqual([]);
    expect(hrefs.filter((h) => h.startsWith('#') && !ids.has(h.slice(1)))).toEqual([]);
  });

  it('links each claim to its passages in the sources, and each passage back to its claim', () => {
    for (const claim of dossier!.claims.values()) {
      for (const a of claim.appearances) {
        expect(doc).toContain(`id="source-${a.source}--${a.anchor}"`);
        expect(doc).toContain(`href="#source-${a.source}--${a.anchor}"`);
      }
      expect(doc).toContain(`href="#claim-${claim.id}"`);
    }
  });

  it('numbers its sections and lists them, with every source, in the contents', () => {
    for (const [n, title] of [['2', 'Claims'], ['3', 'Responses'], ['4', 'Sources']]) {
      expect(doc).toMatch(new RegExp(`<h1 id="section-${title.toLowerCase()}" class="section-title"><span class="num">${n}</span> ${title}</h1>`));
    }
    for (const s of dossier!.sources.values()) expect(doc).toContain(`data-toc-page="source-${s.id}"`);
  });

  it('labels every context entry as outside the captured corpus', () => {
    const entries = doc.split('<article class="print-context"').slice(1);
    expect(entries).toHaveLength(dossier!.context.size);
    for (const e of entries) expect(e).toContain('Not in the captured corpus');
  });
});

describe('the print edition written to disk while it rendered', () => {
  it('has its whole body in the page, with no mark of a part or of the body left, and no spill folder in the output', () => {
    const html = readPage('print/index.html');
    expect(html).not.toMatch(/<!--print-(part|body) /);
    expect(html).toContain('class="print-section endnotes"');
    expect(html.indexOf('id="section-sources"')).toBeGreaterThan(0);
    expect(html.indexOf('id="section-sources"')).toBeLessThan(html.indexOf('class="print-section endnotes"'));
    expect(existsSync(join(siteDir(), '.print-spill'))).toBe(false);
    expect(readdirSync(join(siteDir(), 'print'))).toEqual(['index.html']);
  });
});

describe('the print stylesheet', () => {
  it('reaches every page, bundled rather than dropped, with its page rules', () => {
    for (const page of htmlPages().filter((p) => !p.startsWith('/_'))) {
      const links = [...readPage(page).matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
      const css = links.map((l) => readFileSync(join(siteDir(), l), 'utf8')).join('\n');
      expect(css, page).toMatch(/@media print\s*\{/);
      expect(css, page).toContain('counter(pages)');
      // The header holds the navigation, search and theme control: hiding it hides them all.
      expect(css, page).toMatch(/\.site-header[^{]*\{[^}]*display:\s*none/);
    }
  });
});
