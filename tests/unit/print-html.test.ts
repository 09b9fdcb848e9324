import { describe, expect, it } from 'vitest';
import { anchorCandidates, demoteHeadings, idsIn, linkParts, openDetails, prefixIds, unlandmark } from '../../src/lib/print/html.ts';

describe('prefixIds', () => {
  it('makes ids and the attributes and local links that refer to them unique per part', () => {
    const html = '<aside aria-labelledby="meta-title"><h2 id="meta-title">About</h2><a href="#meta-title">up</a><a href="/claims/x/">c</a></aside>';
    const out = prefixIds(html, 'source-a');
    expect(out).toContain('aria-labelledby="source-a--meta-title"');
    expect(out).toContain('id="source-a--meta-title"');
    expect(out).toContain('href="#source-a--meta-title"');
    expect(out).toContain('href="/claims/x/"');
  });
});

describe('demoteHeadings and openDetails', () => {
  it('nests a page’s headings under its section and never beyond h6', () => {
    expect(demoteHeadings('<h2 class="x">A</h2><h6>B</h6>', 1)).toBe('<h3 class="x">A</h3><h6>B</h6>');
  });
  it('turns repeated side panels into labelled groups, not landmarks', () => {
    expect(unlandmark('<aside class="meta-panel" aria-labelledby="x"><h3>A</h3></aside><p>aside</p>')).toBe('<div role="group" class="meta-panel" aria-labelledby="x"><h3>A</h3></div><p>aside</p>');
  });
  it('opens folded details so they print', () => {
    expect(openDetails('<details class="removed"><summary>s</summary></details>')).toBe('<details open class="removed"><summary>s</summary></details>');
    expect(openDetails('<details open>')).toBe('<details open>');
  });
});

describe('anchorCandidates', () => {
  it('maps site paths to the print document’s anchors', () => {
    expect(anchorCandidates('/sources/dw/', 'c-x')[0]).toBe('source-dw--c-x');
    expect(anchorCandidates('/claims/x/', '')[0]).toBe('claim-x');
    expect(anchorCandidates('/responses/', 'r1')[0]).toBe('response-r1');
    expect(anchorCandidates('/timeline/', 'ctx-later')).toEqual(['context-later', 'page-timeline--ctx-later', 'page-timeline']);
  });
});

describe('linkParts, on a document of one part', () => {
  const html = [
    '<h2 id="claim-x">Claim</h2><span id="source-dw--c-x"></span><section id="page-timeline"></section>',
    '<a href="/sources/dw/#c-x">passage</a>',
    '<a href="/claims/x/">claim</a>',
    '<a href="/timeline/#ev-unknown">event</a>',
    '<a href="/captures/dw.txt" download="dw.txt">raw</a>',
    '<a href="https://a.example/1">one</a> <a href="https://b.example/2">two</a> <a href="https://a.example/1">again</a>',
    '<a href="#claim-x">local</a>',
    '<a href="https://c.example/3" rel="external">https://c.example/3</a>',
  ].join('');
  const { parts, endnotes } = linkParts([html], 'https://site.example/');
  const out = parts.join('');

  it('points internal links at anchors that exist in the document', () => {
    expect(out).toContain('<a href="#source-dw--c-x">passage</a>');
    expect(out).toContain('<a href="#claim-x">claim</a>');
    expect(out).toContain('<a href="#page-timeline">event</a>');
    expect(out).toContain('<a href="#claim-x">local</a>');
    const ids = idsIn(out);
    for (const m of out.matchAll(/href="#([^"]+)"/g)) if (!m[1].startsWith('note-')) expect(ids.has(m[1])).toBe(true);
  });

  it('sends pages the document does not hold to the published site, as an endnote', () => {
    expect(out).toContain('<a href="https://site.example/captures/dw.txt">raw</a>');
    expect(out).not.toContain('download=');
  });

  it('numbers each external address once, in order of first link', () => {
    expect(endnotes).toEqual([
      { n: 1, url: 'https://site.example/captures/dw.txt' },
      { n: 2, url: 'https://a.example/1' },
      { n: 3, url: 'https://b.example/2' },
      { n: 4, url: 'https://c.example/3' },
    ]);
    expect(out.match(/href="#note-2"/g)).toHaveLength(2);
    // A link that reads as its own address is listed but carries no number in the text.
    expect(out).toContain('<a href="https://c.example/3" rel="external">https://c.example/3</a>');
    expect(out).not.toContain('href="#note-4"');
  });
});

/** The document's linking as it was, one global replace over the whole document: what the pieces must equal. */
function onePass(html: string, site: string) {
  const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  const numbers = new Map<string, number>();
  const noteFor = (url: string) => {
    if (!numbers.has(url)) numbers.set(url, numbers.size + 1);
    return numbers.get(url)!;
  };
  const base = site.replace(/\/$/, '');
  const out = html.replace(/<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (whole, before: string, href: string, after: string, inner: string) => {
    if (href.startsWith('#')) return whole;
    let url = href;
    if (href.startsWith('/')) {
      const [path, fragment = ''] = href.split('#');
      const target = anchorCandidates(path, fragment).find((id) => ids.has(id));
      if (target) return `<a${before}href="#${target}"${after}>${inner}</a>`;
      url = base + href;
    }
    if (!/^https?:\/\//.test(url)) return whole;
    const n = noteFor(url);
    const attrs = `${before}href="${url}"${after}`.replace(/\sdownload(="[^"]*")?/, '');
    if (inner.replace(/<[^>]+>/g, '').trim() === url) return `<a${attrs}>${inner}</a>`;
    return `<a${attrs}>${inner}</a><a class="endnote-ref" href="#note-${n}" aria-label="Endnote ${n}">${n}</a>`;
  });
  return { html: out, endnotes: [...numbers].map(([url, n]) => ({ n, url })) };
}

describe('linkParts', () => {
  // Links before the ids they point at, the same addresses again and again, long links, and text
  // that is not ASCII; each line is whole elements, as a part set aside by Piece.astro is.
  const lines = Array.from({ length: 40 }, (_, i) => [
    `<p>“Source ${i}” — <a href="/sources/s${(i + 7) % 40}/#c-${(i + 7) % 3}">later passage</a> `,
    `<a href="https://a.example/${i % 4}">repeated ${i % 4}</a> <a href="/claims/c${i % 5}/">claim</a> `,
    `<a class="long" href="/timeline/#ctx-e${i}">${'a long link text, '.repeat(i % 6)}<em>done</em></a></p>`,
    `<section id="source-s${i}"><span id="source-s${i}--c-${i % 3}"></span>`,
    i % 5 === 0 ? `<h3 id="claim-c${i / 5}">Claim</h3><span id="context-e${i}"></span>` : '',
    `<a href="/captures/s${i}.txt" download="s${i}.txt">https://site.example/captures/s${i}.txt</a></section>`,
  ].join(''));
  const sample = lines.join('\n');
  const site = 'https://site.example/';

  it('writes, joined, what one replace over the whole document wrote, with the same endnotes', () => {
    const whole = onePass(sample, site);
    const cuts = [[sample], lines.map((l, i) => (i ? `\n${l}` : l)), sample.split(/(?=<section )|(?=<p>)/)];
    for (const document of cuts) {
      expect(document.join('')).toBe(sample);
      const { parts, endnotes } = linkParts(document, site);
      expect(parts.join('')).toBe(whole.html);
      expect(endnotes).toEqual(whole.endnotes);
    }
  });

  it('gives a repeated address one number, in the order of first link, and points links at ids defined after them', () => {
    const { parts, endnotes } = linkParts([...lines], site);
    const out = parts.join('');
    expect(endnotes.slice(0, 3)).toEqual([{ n: 1, url: 'https://a.example/0' }, { n: 2, url: 'https://site.example/captures/s0.txt' }, { n: 3, url: 'https://a.example/1' }]);
    expect(endnotes.filter((e) => e.url.startsWith('https://a.example/'))).toHaveLength(4);
    expect(out).toContain('<a href="#source-s7--c-1">later passage</a>');
    expect(out).toContain('<a class="long" href="https://site.example/timeline/#ctx-e1">a long link text, <em>done</em></a><a class="endnote-ref" href="#note-4" aria-label="Endnote 4">4</a>');
  });

  it('refuses a part whose link would close in a later part, which one replace would have linked', () => {
    expect(() => linkParts(['<p><a href="/x/">open', ' still</a></p>'], site)).toThrow('print: the link <a href="/x/"> opens in one part of the document and would close in a later one');
    expect(linkParts(['<p><a name="x">', 'not a link</a></p>'], site).parts.join('')).toBe('<p><a name="x">not a link</a></p>');
  });

  it('finds every id once', () => {
    expect(idsIn('<p id="a"></p><p id="b" class="x"></p><p id="a"></p>')).toEqual(new Set(['a', 'b']));
  });
});
