// What a reader's browser fetches for a page before any interaction: one page script with no
// Vite preload helper, one stylesheet, and nothing of search until the reader moves towards it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFiles, htmlPages, readPage, siteDir } from '../helpers/site.ts';

const read = (url: string) => readFileSync(join(siteDir(), url), 'utf8');
const scripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
const moduleSrcs = (html: string) => scripts(html).filter((a) => /type="module"/.test(a)).map((a) => /src="([^"]+)"/.exec(a)![1]);
const stylesheets = (html: string) =>
  [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]);
/** The modules a script imports by URL on demand. */
const lazyImports = (js: string) => [...js.matchAll(/import\(\s*[`"'](\/_astro\/[^`"']+\.js)[`"']\s*\)/g)].map((m) => m[1]);

describe('first view', () => {
  it('every page runs one page script, the same everywhere, free of Vite’s dynamic-import preload helper', () => {
    const pageScripts = new Set<string>();
    for (const path of htmlPages()) {
      const html = readPage(path);
      const [base, ...others] = moduleSrcs(html).filter((src) => src.includes('/Base.'));
      expect(base, path).toBeDefined();
      expect(others, path).toEqual([]);
      pageScripts.add(base);
      // Only /search/ adds a script of its own; components add none.
      const rest = moduleSrcs(html).filter((src) => !src.includes('/Base.'));
      expect(rest.length, `${path}: ${rest.join(', ')}`).toBe(path === '/search/index.html' ? 1 : 0);
    }
    expect(pageScripts.size).toBe(1);
    const js = read([...pageScripts][0]);
    // The helper's tell-tales: it detects modulepreload support and dispatches vite:preloadError.
    expect(js).not.toMatch(/modulepreload|vite:preloadError/);
  });

  it('the search client and the offline saver are modules of their own, loaded by URL, with their exports', () => {
    const base = moduleSrcs(readPage('/')).find((src) => src.includes('/Base.'))!;
    const lazy = lazyImports(read(base));
    expect(lazy.length).toBeGreaterThanOrEqual(2);
    const exported = lazy.map((url) => read(url)).join('\n');
    for (const name of ['loadSearchUi', 'openModal', 'highlightLanding', 'saveAll', 'offerSave']) expect(exported).toMatch(new RegExp(`\\bas ${name}\\b|export\\s*\\{[^}]*\\b${name}\\b`));
  });

  it('search styles load with the search UI, not with the page', () => {
    const sheets = stylesheets(readPage('/sources/'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const href of sheets) expect(read(href), href).not.toMatch(/\.search-result\b|--pf-text/);
    const client = lazyImports(read(moduleSrcs(readPage('/')).find((src) => src.includes('/Base.'))!))
      .map((url) => read(url))
      .join('\n');
    const chunks = [...client.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)].map((m) => read(`/_astro/${m[1]}`)).join('\n') + client;
    const resultsCss = /["'`](\/_astro\/search-results\.[\w-]+\.css)["'`]/.exec(chunks)?.[1];
    expect(resultsCss).toBeDefined();
    expect(read(resultsCss!)).toMatch(/\.search-result\b/);
  });

  it('no page misses a style: every class a page uses that a stylesheet styles is styled by a sheet the page links', () => {
    const classesIn = (css: string) => new Set([...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)(?=[^{}]*\{)/g)].map((m) => m[1]));
    const sheets = new Map(
      allFiles()
        .filter((f) => f.endsWith('.css') && !/search-results\./.test(f))
        .map((f) => ['/' + f.slice(siteDir().length + 1), classesIn(readFileSync(f, 'utf8'))]),
    );
    const styledAnywhere = new Set([...sheets.values()].flatMap((c) => [...c]));
    const missing: string[] = [];
    for (const path of htmlPages()) {
      const html = readPage(path);
      const linked = new Set(stylesheets(html).flatMap((href) => [...(sheets.get(href) ?? [])]));
      const used = new Set([...html.matchAll(/\sclass="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/)));
      for (const name of used) if (styledAnywhere.has(name) && !linked.has(name)) missing.push(`${path}: .${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('a source page links the site stylesheet only: list, card and quote styles stay out of its first view', () => {
    const source = htmlPages().find((p) => p.startsWith('/sources/') && !/\/sources\/(index|page)/.test(p))!;
    const sheets = stylesheets(readPage(source)).filter((href) => href.startsWith('/_astro/'));
    expect(sheets).toHaveLength(1);
    expect(read(sheets[0])).not.toMatch(/\.card-list\b|\.lede\b/);
  });
});
