/*
 * The print document (/print/) rendered in parts. InDocument needs the whole document's HTML to
 * link it, and Astro gives a component's content as one string built of every small string the
 * components wrote: at 10,000 sources, 64 MB of HTML cost about 540 MB of heap before the first
 * rewrite. Each source, claim, response and context entry is instead rendered on its own
 * (Piece.astro), copied into one flat string and set aside here, and only a mark stands in the
 * document until InDocument puts the parts back in order.
 */
import { randomBytes } from 'node:crypto';

export class SetAside {
  /** How a mark begins: with a token of this build, which no dossier's text can hold by chance. */
  readonly #mark = `<!--print-part ${randomBytes(8).toString('hex')} `;
  #held: string[] = [];

  /** Keeps one part's HTML and returns the mark that stands for it in the document. */
  put(html: string): string {
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
    const mark = new RegExp(`${this.#mark}(\\d+)-->`, 'g');
    let done = 0;
    for (let m = mark.exec(document); m; m = mark.exec(document)) {
      const part = this.#held[Number(m[1])];
      // A part is handed back once; a mark met again would otherwise lose its entry without a word.
      if (part === undefined) throw new Error(`print: part ${m[1]} of the document was handed back already`);
      out.push(document.slice(done, m.index), part);
      done = mark.lastIndex;
    }
    out.push(document.slice(done));
    this.#held = [];
    return out;
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
