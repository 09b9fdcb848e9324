/*
 * portablePage (page.ts) on a built page's bytes, without decoding them. The print page is 64 MB at
 * 10,000 sources; decoded it was a 128 MB string (one curly quote makes a string two bytes a
 * character), and each rewrite and the encoding made another copy. Here the UTF-8 bytes are read as
 * Latin-1, one byte a character: every pattern looks only for ASCII, which UTF-8 keeps as itself and
 * never puts inside another character, so the same places match and the same bytes come out.
 */
import { isUtf8 } from 'node:buffer';
import { DOWNLOAD, LINKED_ATTRS, MODULE_PRELOAD, MODULE_SCRIPT, portablePage, rewriteLink, scriptBefore } from './page.ts';
import type { LinkProblem } from './links.ts';

/**
 * The `\s` of LINKED (page.ts), written as the UTF-8 bytes of each character JavaScript counts as
 * white space: read as Latin-1, a plain `\s` would also take the byte A0 that ends "à" or "Р".
 */
const SPACE = '(?:[\\t\\n\\v\\f\\r ]|\\xC2\\xA0|\\xE1\\x9A\\x80|\\xE2\\x80[\\x80-\\x8A\\xA8\\xA9\\xAF]|\\xE2\\x81\\x9F|\\xE3\\x80\\x80|\\xEF\\xBB\\xBF)';
const LINKED_BYTES = new RegExp(`(${SPACE}${LINKED_ATTRS})="([^"]*)"`, 'g');

const fromUtf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');
const toUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** The page at `page` (its path in the edition) rewritten as portablePage would, bytes in and bytes out. */
export function portablePageBytes(bytes: Uint8Array, page: string, has: (file: string) => boolean): { bytes: Uint8Array; problems: LinkProblem[] } {
  // What a TextDecoder would change (a byte-order mark it drops, bytes it replaces) goes the old way.
  if (!isUtf8(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const r = portablePage(new TextDecoder().decode(bytes), page, has);
    return { bytes: new TextEncoder().encode(r.html), problems: r.problems };
  }
  const problems: LinkProblem[] = [];
  let out = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  out = out.replace(DOWNLOAD, '').replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  out = out.replace(LINKED_BYTES, (whole, attr: string, value: string) => {
    // A value lies between two ASCII quotes, so it holds whole characters: decoded, it is the link portablePage sees.
    const link = rewriteLink(fromUtf8(value), page, has, problems);
    return link === null ? whole : `${attr}="${toUtf8(link)}"`;
  });
  const end = out.indexOf('</body>');
  if (end < 0) throw new Error(`${page}: no </body> to put the edition's script before`);
  // One buffer written in three parts, where a replace would make a rope for the encoding to copy.
  const script = scriptBefore(page);
  const result = Buffer.allocUnsafe(out.length + script.length);
  result.write(out.slice(0, end), 0, 'latin1');
  result.write(script, end, 'latin1');
  result.write(out.slice(end), end + script.length, 'latin1');
  return { bytes: result, problems };
}
