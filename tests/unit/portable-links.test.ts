import { describe, expect, it } from 'vitest';
import { escapes, fileForPath, portableLink, unsafeName } from '../../src/lib/portable/links.ts';
import { editionHref } from '../../src/lib/portable/href.ts';
import { linkReport, portableCss, portablePage } from '../../src/lib/portable/page.ts';
import { editionData } from '../../src/lib/portable/browser/pagefind.ts';

const files = new Set(['index.html', 'sources/index.html', 'sources/tass/index.html', 'captures/tass.txt', 'dossier.json', 'search/index.html', '_astro/site.css', 'font.woff2', '404.html']);
const has = (f: string) => files.has(f);

describe('links of the portable edition', () => {
  it('makes a root-relative link relative and names the file', () => {
    expect(portableLink('/sources/tass/', 'claims/x/index.html', has)).toEqual({ link: '../../sources/tass/index.html' });
    expect(portableLink('/sources/tass/#c-x', 'sources/index.html', has)).toEqual({ link: 'tass/index.html#c-x' });
    expect(portableLink('/', 'sources/tass/index.html', has)).toEqual({ link: '../../index.html' });
    expect(portableLink('/search/?q=a%20b', 'index.html', has)).toEqual({ link: 'search/index.html?q=a%20b' });
    expect(portableLink('/captures/tass.txt', '404.html', has)).toEqual({ link: 'captures/tass.txt' });
    expect(portableLink('/sources/tass', 'index.html', has)).toEqual({ link: 'sources/tass/index.html' });
  });

  it('resolves a relative link from its page', () => {
    expect(portableLink('../tass/', 'sources/x/index.html', has)).toEqual({ link: '../tass/index.html' });
  });

  it('keeps links to other hosts, anchors and data as they are', () => {
    for (const link of ['https://tass.com/x', '//cdn.example/x', '#top', 'mailto:a@b.c', 'data:image/svg+xml,x']) {
      expect(portableLink(link, 'index.html', has)).toEqual({ link });
    }
  });

  it('refuses a link that leaves the edition, and one to a file it lacks', () => {
    expect(portableLink('../../../etc/passwd', 'sources/tass/index.html', has)).toEqual({ problem: 'outside' });
    expect(portableLink('/../secret.txt', 'index.html', has)).toEqual({ problem: 'outside' });
    expect(portableLink('/nowhere/', 'index.html', has)).toEqual({ problem: 'missing' });
  });

  it('knows a folder by its index.html', () => {
    expect(fileForPath('/sources/', has)).toBe('sources/index.html');
    expect(fileForPath('/dossier.json', has)).toBe('dossier.json');
  });

  it('finds names that would escape the folder', () => {
    expect(escapes('a/../../b')).toBe(true);
    expect(escapes('a/./b/../c')).toBe(false);
    expect(unsafeName('../x')).toMatch(/climbs/);
    expect(unsafeName('a\\..\\b')).toMatch(/backslash/);
    expect(unsafeName('a\0b')).toMatch(/NUL/);
    expect(unsafeName('sources/tass/index.html')).toBeUndefined();
  });

  it('gives search results the address of the edition file', () => {
    expect(editionHref('/sources/tass/?highlight=geneva#h', '../../')).toBe('../../sources/tass/index.html?highlight=geneva#h');
    expect(editionHref('/timeline/#ctx-a', './')).toBe('./timeline/index.html#ctx-a');
    expect(editionHref('https://tass.com/', './')).toBe('https://tass.com/');
    const data = editionData({ url: '/claims/a/?highlight=x', meta: { url: '/timeline/#ctx-b', title: 'T' }, sub_results: [{ url: '/claims/a/?highlight=x#s' }] }, '../');
    expect(data).toEqual({ url: '../claims/a/index.html?highlight=x', meta: { url: '../timeline/index.html#ctx-b', title: 'T' }, sub_results: [{ url: '../claims/a/index.html?highlight=x#s' }] });
  });
});

describe('a page made fit for file://', () => {
  const html = '<html><head><link rel="stylesheet" href="/_astro/site.css"><script src="/theme.js"></script><link rel="modulepreload" href="/_astro/x.js"></head>'
    + '<body><a href="/sources/">S</a><form action="/search/"></form><blockquote cite="/sources/tass/#c-a"></blockquote>'
    + '<p class="portable-download" data-portable-download><a href="/dossier-portable.zip">zip</a></p>'
    + '<script type="module" src="/_astro/enhance.js"></script></body></html>';

  it('rewrites every link, drops module scripts and the download of itself, and adds the classic script', () => {
    const { html: out, problems } = portablePage(html, 'claims/a/index.html', (f) => has(f) || f === 'theme.js');
    expect(problems).toEqual([]);
    expect(out).toContain('href="../../_astro/site.css"');
    expect(out).toContain('src="../../theme.js"');
    expect(out).toContain('href="../../sources/index.html"');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('cite="../../sources/tass/index.html#c-a"');
    expect(out).not.toMatch(/type="module"|modulepreload|dossier-portable\.zip/);
    expect(out).toContain('<script src="../../_portable/page.js"></script></body>');
  });

  it('names the page and the link it cannot keep', () => {
    const { problems } = portablePage('<body><a href="../../../../x.html">x</a></body>', 'sources/tass/index.html', has);
    expect(problems).toEqual([{ page: 'sources/tass/index.html', link: '../../../../x.html', reason: 'outside' }]);
    expect(linkReport(problems)).toMatch(/sources\/tass\/index\.html: the link "\.\.\/\.\.\/\.\.\/\.\.\/x\.html" leads outside the edition\nFix: /);
  });

  it('makes a stylesheet\'s url(/…) relative', () => {
    expect(portableCss('a{src:url(/font.woff2)} b{background:url("data:x")}', '_astro/site.css', has).css).toBe('a{src:url(../font.woff2)} b{background:url("data:x")}');
  });
});
