import { describe, expect, it } from 'vitest';
import { portablePage } from '../../src/lib/portable/page.ts';
import { portablePageBytes, replaceAllBytes } from '../../src/lib/portable/page-bytes.ts';

const files = new Set(['index.html', 'sources/index.html', 'sources/tass/index.html', 'sources/café/index.html', 'captures/Ǳ😀.txt', '_astro/site.css', 'theme.js']);
const has = (f: string) => files.has(f);
const encode = (s: string) => new TextEncoder().encode(s);

/** What the edition wrote before page-bytes.ts: decode, portablePage, encode. */
function decoded(bytes: Uint8Array, page: string) {
  const r = portablePage(new TextDecoder().decode(bytes), page, has);
  return { bytes: Buffer.from(new TextEncoder().encode(r.html)), problems: r.problems };
}

/** The same bytes and problems whole and, as a page longer than a string can be is read, in pieces of a few bytes. */
const same = (bytes: Uint8Array, page: string) => {
  const want = decoded(bytes, page);
  for (const piece of [undefined, 64, 7, 1]) {
    const r = portablePageBytes(bytes, page, has, piece);
    expect({ bytes: Buffer.from(r.bytes), problems: r.problems }, `in pieces of ${piece ?? 'the default'}`).toEqual(want);
  }
};

// Pages that exercise each pattern, with text that is not ASCII beside and inside what matches.
const pages = [
  '<html><head><link rel="stylesheet" href="/_astro/site.css"><script src="/theme.js"></script><link rel="modulepreload" href="/_astro/x.js"></head>'
    + '<body><p>“Quoted” — ça</p><a href="/sources/">S</a><form action="/sources/tass/"></form><blockquote cite="/sources/tass/#c-a"></blockquote>'
    + '<p class="portable-download" data-portable-download><a href="/dossier-portable.zip">zip « »</a></p>'
    + '<script type="module" src="/_astro/enhance.js">let s = "é";</script></body></html>',
  // Links to files whose names are not ASCII, raw and percent-encoded, with entities.
  '<body><a href="/sources/café/">c</a><a href="/sources/caf%C3%A9/?a=1&amp;b=&quot;2&quot;#é">d</a><img src="/captures/Ǳ😀.txt"></body>',
  // White space other than ASCII before an attribute; and letters whose UTF-8 ends in the byte A0
  // (à, Р) directly before href=, which a Latin-1 \s would take for white space.
  '<body><a\u00a0href="/sources/">a</a><a\u2003href="/sources/">b</a><a\u3000href="/">c</a><a\ufeffsrc="/">d</a><p>voilàhref="/nowhere/" Рhref="/x/"</p></body>',
  // Links the edition cannot keep, whose problems must read the same.
  '<body><a href="/nowhere/é/">x</a><a href="../../../../ü.html">y</a></body>',
  // Two </body>: the script goes before the first, as String.replace put it.
  '<body><pre>&lt;/body&gt;</pre></body><!-- </body> --></body>',
  // A </body> inside a link that is rewritten (the rewritten link encodes it): the first one left counts.
  '<body><a href="/sources/tass/?q=</body>">q</a><a href="https://x.example/</body>">x</a></body>',
  // A page far longer than its links, and one whose rewritten links outgrow the room first given.
  `<body>${'<p>“long” text</p>'.repeat(5000)}<a href="/">home</a></body>`,
  `<body>${'<a href="/sources/tass/">t</a>'.repeat(2000)}</body>`,
];

describe('a page made fit for file:// from its bytes', () => {
  it('writes the same bytes and problems as decoding, portablePage and encoding', () => {
    for (const html of pages) {
      for (const page of ['index.html', 'sources/tass/index.html', 'claims/a/b/index.html']) same(encode(html), page);
    }
  });

  it('rewrites a page held in part of a larger buffer', () => {
    const whole = encode(`xxxx${pages[1]}yyyy`);
    same(whole.subarray(4, whole.length - 4), 'index.html');
  });

  it('leaves what a decoder would change to the decoder: a byte-order mark, bytes that are not UTF-8', () => {
    same(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(pages[0])]), 'index.html');
    same(new Uint8Array([...encode('<body><a href="/sources/">'), 0xff, 0xc3, ...encode('</a></body>')]), 'index.html');
  });

  it('refuses a page without </body> as portablePage does', () => {
    expect(() => portablePageBytes(encode('<p>é</p>'), 'x/index.html', has)).toThrow("x/index.html: no </body> to put the edition's script before");
  });
});

describe("placeholders filled on a page's bytes", () => {
  it('replaces every occurrence of each key as String.replaceAll does, in text that is not ASCII', () => {
    const html = '<p>“PORTABLE-ZIP-SIZE” — PORTABLE-ZIP-SHA256 ça PORTABLE-ZIP-SIZEPORTABLE-ZIP-SHA256</p>';
    const swaps = { 'PORTABLE-ZIP-SIZE': '1,2 Mo', 'PORTABLE-ZIP-SHA256': 'abc' };
    const want = html.replaceAll('PORTABLE-ZIP-SIZE', '1,2 Mo').replaceAll('PORTABLE-ZIP-SHA256', 'abc');
    expect(replaceAllBytes(Buffer.from(html), swaps).toString('utf8')).toBe(want);
    expect(replaceAllBytes(Buffer.from('<p>none</p>'), swaps).toString('utf8')).toBe('<p>none</p>');
  });
});
