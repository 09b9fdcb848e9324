/*
 * The print document (/print/) rendered in parts. InDocument needs the whole document's HTML to
 * link it, and Astro gives a component's content as one string built of every small string the
 * components wrote: at 10,000 sources, 64 MB of HTML cost about 540 MB of heap before the first
 * rewrite. Each source, claim, response and context entry is instead rendered on its own
 * (Piece.astro) and set aside here, and only a mark stands in the document until InDocument
 * links the parts in order. In a build the parts go to a file as they come (spill.ts says why);
 * the dev server holds them in memory, each copied into one flat string.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { idsIn, Linker, linkParts, type Endnote } from './html.ts';
import { PartFile, recordBody, spillFolder } from './spill.ts';

/** The linked document: its HTML in parts, which joined are the whole, and its endnotes. */
export interface LinkedDocument {
  html: string[];
  endnotes: Endnote[];
}

export class SetAside {
  /** A token of this build, which no dossier's text can hold by chance. */
  readonly #token = randomBytes(8).toString('hex');
  /** How a part's mark begins. */
  readonly #mark = `<!--print-part ${this.#token} `;
  #held: (string | undefined)[] = [];
  /** The parts handed back so far: each once, since a mark met again would otherwise lose its entry without a word. */
  readonly #handed = new Set<number>();
  /** In a build: the parts on disk, and the ids they hold, gathered as they come. */
  readonly #disk?: { parts: PartFile; folder: string; ids: Set<string> };

  constructor(folder = spillFolder()) {
    if (folder) this.#disk = { parts: new PartFile(folder, `${this.#token}.parts`), folder, ids: new Set() };
  }

  /** Keeps one part's HTML and returns the mark that stands for it in the document. */
  put(html: string): string {
    if (this.#disk) {
      idsIn(html, this.#disk.ids);
      return `${this.#mark}${this.#disk.parts.append(html)}-->`;
    }
    // A regular expression runs on a flat string, so V8 copies the rendered one into one piece
    // here, and the small strings it was made of are garbage now, not at the end of the document.
    /$/.test(html);
    this.#held.push(html);
    return `${this.#mark}${this.#held.length - 1}-->`;
  }

  /**
   * The document's HTML as a list of strings in order, which joined are the whole: the text
   * between marks, and each set-aside part where its mark was. The parts are no longer held here.
   */
  parts(document: string): string[] {
    const out: string[] = [];
    for (const piece of this.#pieces(document)) {
      if (typeof piece === 'string') out.push(piece);
      else {
        const part = this.#held[piece.part];
        if (part === undefined) throw new Error(`print: part ${piece.part} of the document was never set aside`);
        out.push(part);
        this.#held[piece.part] = undefined;
      }
    }
    this.#held = [];
    return out;
  }

  /**
   * The document linked (html.ts). In memory, as its parts. In a build, part by part from the file
   * into a second one, which print-body.ts puts in the page at `pathname` in place of the one mark
   * returned here; the first file is removed.
   */
  linked(document: string, site: string, pathname: string): LinkedDocument {
    if (!this.#disk) {
      const { parts, endnotes } = linkParts(this.parts(document), site);
      return { html: parts, endnotes };
    }
    const { parts, folder, ids } = this.#disk;
    const pieces = [...this.#pieces(document)];
    for (const piece of pieces) if (typeof piece === 'string') idsIn(piece, ids);
    const linker = new Linker(ids, site);
    const body = new PartFile(folder, `${this.#token}.body`);
    try {
      pieces.forEach((piece, i) => {
        body.append(linker.link(typeof piece === 'string' ? piece : parts.read(piece.part), i === pieces.length - 1));
      });
    } finally {
      body.close();
      parts.remove();
    }
    const mark = `<!--print-body ${this.#token}-->`;
    recordBody({ pathname, file: join(folder, `${this.#token}.body`), mark });
    return { html: [mark], endnotes: linker.endnotes };
  }

  /** The document's text between marks, and the number of each part where its mark is. */
  *#pieces(document: string): Generator<string | { part: number }> {
    const mark = new RegExp(`${this.#mark}(\\d+)-->`, 'g');
    let done = 0;
    for (let m = mark.exec(document); m; m = mark.exec(document)) {
      const part = Number(m[1]);
      if (this.#handed.has(part)) throw new Error(`print: part ${part} of the document was handed back already`);
      this.#handed.add(part);
      yield document.slice(done, m.index);
      yield { part };
      done = mark.lastIndex;
    }
    yield document.slice(done);
  }
}

/**
 * A list that Astro renders one item after the other. Given an array, Astro starts every item at
 * once and keeps each one's output until the ones before it are written, so all 10,000 sources'
 * pieces would be in memory together; an iterable is rendered in turn.
 */
export function inTurn<T, R>(items: readonly T[], render: (item: T, i: number) => R): Iterable<R> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < items.length; i++) yield render(items[i], i);
    },
  };
}
