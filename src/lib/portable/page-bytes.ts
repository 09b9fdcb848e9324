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

/**
 * A page longer than this is read in pieces of about this size. V8's strings end at about 512
 * million characters, and the print page of 100,000 sources is some 640 MB: read whole as Latin-1,
 * it would be one string too long. Pieces are cut between two tags (at `><`), where no link
 * attribute can be cut; what the edition removes (download blocks, module scripts and their
 * preloads) is found first, around its mark, and left out of the pieces.
 */
export const PAGE_PIECE = 1 << 26;

/** The page at `page` (its path in the edition) rewritten as portablePage would, bytes in and bytes out. */
export function portablePageBytes(bytes: Uint8Array, page: string, has: (file: string) => boolean, piece = PAGE_PIECE): { bytes: Uint8Array; problems: LinkProblem[] } {
  // What a TextDecoder would change (a byte-order mark it drops, bytes it replaces) goes the old way.
  if (!isUtf8(bytes) || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const r = portablePage(new TextDecoder().decode(bytes), page, has);
    return { bytes: new TextEncoder().encode(r.html), problems: r.problems };
  }
  const problems: LinkProblem[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const script = scriptBefore(page);
  // Room for links that grow (`/sources/x/` becomes `../sources/x/index.html`): a sixteenth more
  // held the 10,000-source print page's without growing the buffer, which would copy it.
  const out = new Bytes(buffer.length + (buffer.length >> 4) + script.length);
  if (buffer.length <= piece) {
    const text = buffer.toString('latin1').replace(DOWNLOAD, '').replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
    writeLinked(out, text, page, has, problems);
  } else {
    let done = 0;
    for (const [start, end] of removed(buffer)) {
      writePieces(out, buffer, done, start, piece, page, has, problems);
      done = end;
    }
    writePieces(out, buffer, done, buffer.length, piece, page, has, problems);
  }
  // The first </body> of the rewritten page, as portablePage finds it: a rewritten link may have held one.
  if (!out.insertBefore('</body>', script)) throw new Error(`${page}: no </body> to put the edition's script before`);
  return { bytes: out.bytes(), problems };
}

/** Text (Latin-1, one byte a character) with its links rewritten, written straight into `out`: a replace would make one more copy. */
function writeLinked(out: Bytes, text: string, page: string, has: (file: string) => boolean, problems: LinkProblem[]): void {
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
}

/** Bytes `from` to `to` of the page, linked a piece at a time, each piece ending between two tags. */
function writePieces(out: Bytes, buffer: Buffer, from: number, to: number, piece: number, page: string, has: (file: string) => boolean, problems: LinkProblem[]): void {
  while (from < to) {
    const between = to - from > piece ? buffer.indexOf('><', from + piece, 'latin1') : -1;
    const end = between >= 0 && between + 1 < to ? between + 1 : to;
    writeLinked(out, buffer.toString('latin1', from, end), page, has, problems);
    from = end;
  }
}

/** What the edition leaves out, by the mark each holds in its opening tag. */
const REMOVED: [string, RegExp][] = [['data-portable-download', DOWNLOAD], ['type="module"', MODULE_SCRIPT], ['rel="modulepreload"', MODULE_PRELOAD]];
/** How far past its opening tag's `<` a removed element may end: a module script or a download block is far shorter. */
const REMOVED_WITHIN = 1 << 26;

/**
 * Where the page holds what the edition leaves out, as byte ranges in order, overlaps joined. Each
 * is matched by its own pattern from the `<` of the tag that holds its mark, as the pattern run
 * over the whole page matches it (its opening tag cannot hold a `>`, so it starts at that `<`).
 */
function removed(buffer: Buffer): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [mark, pattern] of REMOVED) {
    for (let at = buffer.indexOf(mark); at >= 0; at = buffer.indexOf(mark, at + mark.length)) {
      const start = buffer.lastIndexOf('<', at);
      if (start < 0) continue;
      const m = new RegExp(pattern.source, 'y').exec(buffer.toString('latin1', start, Math.min(buffer.length, start + REMOVED_WITHIN)));
      if (m) ranges.push([start, start + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const r of ranges) {
    const last = joined.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else joined.push([...r]);
  }
  return joined;
}

/**
 * Every occurrence of each key in `bytes` replaced by its value (UTF-8), as String.replaceAll would
 * in turn, for keys that never overlap: a page may be longer than a string can be.
 */
export function replaceAllBytes(bytes: Buffer, swaps: Record<string, string>): Buffer {
  const hits: [number, string][] = [];
  for (const key of Object.keys(swaps)) {
    for (let at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + Buffer.byteLength(key))) hits.push([at, key]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  const out: Buffer[] = [];
  let done = 0;
  for (const [at, key] of hits) {
    out.push(bytes.subarray(done, at), Buffer.from(swaps[key]));
    done = at + Buffer.byteLength(key);
  }
  out.push(bytes.subarray(done));
  return Buffer.concat(out);
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
