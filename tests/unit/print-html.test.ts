import { describe, expect, it } from 'vitest';
import { anchorCandidates, demoteHeadings, idsIn, linkDocument, openDetails, prefixIds, unlandmark } from '../../src/lib/print/html.ts';

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

describe('linkDocument', () => {
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
  const { html: out, endnotes } = linkDocument(html, 'https://site.example/');

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
