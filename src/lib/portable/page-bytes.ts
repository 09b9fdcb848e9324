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
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  text = text.replace(DOWNLOAD, '').replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  // The links are rewritten straight into the page's bytes: a replace would make one more copy of the page.
  const script = scriptBefore(page);
  // Room for links that grow (`/sources/x/` becomes `../sources/x/index.html`): a sixteenth more
  // held the 10,000-source print page's without growing the buffer, which would copy it.
  const out = new Bytes(text.length + (text.length >> 4) + script.length);
  const linked = new RegExp(LINKED_BYTES.source, 'g');
  let done = 0;
  for (let m = linked.exec(text); m; m = linked.exec(text)) {
    // A value lies between two ASCII quotes, so it holds whole characters: decoded, it is the link portablePage sees.
    const link = rewriteLink(fromUtf8(m[2]), page, has, problems);
    out.write(text.slice(done, m.index));
    out.write(link === null ? m[0] : `${m[1]}="${toUtf8(link)}"`);
    done = linked.lastIndex;
  }
  out.write(text.slice(done));
  // The first </body> of the rewritten page, as portablePage finds it: a rewritten link may have held one.
  if (!out.insertBefore('</body>', script)) throw new Error(`${page}: no </body> to put the edition's script before`);
  return { bytes: out.bytes(), problems };
}

/** A page's bytes as they are written, in one buffer that grows when it must. */
class Bytes {
  #buffer: Buffer;
  #length = 0;

  constructor(capacity: number) {
    this.#buffer = Buffer.allocUnsafe(capacity);
  }

  /** Appends a string of Latin-1 characters, one byte each. */
  write(latin1: string): void {
    this.#room(latin1.length);
    this.#length += this.#buffer.write(latin1, this.#length, 'latin1');
  }

  /** Puts `latin1` before the first `before`; false when there is none. */
  insertBefore(before: string, latin1: string): boolean {
    const at = this.#buffer.subarray(0, this.#length).indexOf(before, 0, 'latin1');
    if (at < 0) return false;
    this.#room(latin1.length);
    this.#buffer.copyWithin(at + latin1.length, at, this.#length);
    this.#buffer.write(latin1, at, 'latin1');
    this.#length += latin1.length;
    return true;
  }

  /** The bytes written: a view, since copying them out of the spare room would be one more page. */
  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }

  #room(more: number): void {
    if (this.#length + more <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#length + more, Math.ceil(this.#buffer.length * 1.5)));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }
}
