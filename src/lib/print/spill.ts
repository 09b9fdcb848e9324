import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The print document's body on disk while a build renders it. Held in memory, its parts and
 * their linked copies raised the build's peak by some 450 MB at 10,000 sources, and Astro then
 * writes a page as one string, which at 100,000 sources would be longer than V8 allows. In a
 * build, each part is written to a file as it is rendered (set-aside.ts), linked from there into
 * a second file, and only a mark stands in the page; src/integrations/print-body.ts puts the
 * body in its place once the pages are written, before anything reads them. The dev server,
 * which renders one page for one reader, keeps the parts in memory.
 */

export interface SpilledBody {
  /** The page's path on the site, as Astro gives it (`/print/`). */
  pathname: string;
  /** The file that holds the linked body. */
  file: string;
  /** The comment that stands for the body in the page. */
  mark: string;
}

interface Spill {
  folder: string;
  bodies: SpilledBody[];
}

// On globalThis, since the integration and the bundled page code are separate module graphs in one process.
const KEY = Symbol.for('dossier.print-spill');
type WithSpill = typeof globalThis & { [KEY]?: Spill };

/** From now on, print documents are written to `folder` (a build; print-body.ts). */
export function startSpill(folder: string): void {
  (globalThis as WithSpill)[KEY] = { folder, bodies: [] };
}

/** The folder print documents are written to, or undefined when they stay in memory. */
export const spillFolder = (): string | undefined => (globalThis as WithSpill)[KEY]?.folder;

/** Notes a body written to disk, for print-body.ts to put in its page. */
export function recordBody(body: SpilledBody): void {
  const spill = (globalThis as WithSpill)[KEY];
  if (!spill) throw new Error('print: a body was written to disk outside a build');
  spill.bodies.push(body);
}

/** Ends spilling; returns the bodies written, for their pages. */
export function endSpill(): SpilledBody[] {
  const spill = (globalThis as WithSpill)[KEY];
  (globalThis as WithSpill)[KEY] = undefined;
  return spill?.bodies ?? [];
}

/** A file of parts appended one after the other and read back by number. */
export class PartFile {
  readonly path: string;
  #fd: number;
  #at = 0;
  readonly #spans: [number, number][] = [];

  constructor(folder: string, name: string) {
    mkdirSync(folder, { recursive: true });
    this.path = join(folder, name);
    this.#fd = openSync(this.path, 'w+');
  }

  /** Appends a part; returns its number. */
  append(text: string): number {
    const bytes = Buffer.from(text);
    writeSync(this.#fd, bytes, 0, bytes.length, this.#at);
    this.#spans.push([this.#at, bytes.length]);
    this.#at += bytes.length;
    return this.#spans.length - 1;
  }

  /** Part `n`, as it was appended. */
  read(n: number): string {
    const span = this.#spans[n];
    if (!span) throw new Error(`print: part ${n} of the document was never set aside`);
    const bytes = Buffer.alloc(span[1]);
    readSync(this.#fd, bytes, 0, span[1], span[0]);
    return bytes.toString('utf8');
  }

  close(): void {
    closeSync(this.#fd);
  }

  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}

const PIECE = 1 << 20;

/**
 * Puts a body in its page in place of its mark: the page's text before the mark, the body file a
 * megabyte at a time, then the rest, into a new file that replaces the page. The body file is removed.
 */
export function spliceBody(page: string, body: SpilledBody): void {
  const html = readFileSync(page);
  const at = html.indexOf(body.mark);
  if (at < 0 || html.indexOf(body.mark, at + 1) >= 0) throw new Error(`print: ${page} does not hold the mark of its body exactly once`);
  const next = `${page}.with-body`;
  const out = openSync(next, 'w');
  const from = openSync(body.file, 'r');
  try {
    writeSync(out, html, 0, at);
    const piece = Buffer.alloc(PIECE);
    for (let n = readSync(from, piece, 0, PIECE, null); n > 0; n = readSync(from, piece, 0, PIECE, null)) writeSync(out, piece, 0, n);
    const end = at + Buffer.byteLength(body.mark);
    writeSync(out, html, end, html.length - end);
  } finally {
    closeSync(from);
    closeSync(out);
  }
  renameSync(next, page);
  rmSync(body.file, { force: true });
}
