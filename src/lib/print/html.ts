/**
 * Rewrites of rendered HTML for the one-document print edition (/print/). The site's pages are
 * rendered by the same components; these functions make their ids unique within the document,
 * point their links at in-document anchors, and turn external links into endnotes.
 * Astro renders attributes double-quoted, which is what the patterns rely on.
 */

const ID_ATTRS = /\b(id|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"/g;

/** Prefix every id (and every attribute or local link that refers to one) so that it is unique in the document. */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(ID_ATTRS, (_, attr: string, value: string) => `${attr}="${value.split(/\s+/).filter(Boolean).map((v) => `${prefix}--${v}`).join(' ')}"`)
    .replace(/\bhref="#([^"]+)"/g, (_, frag: string) => `href="#${prefix}--${frag}"`);
}

/** Push every heading down by `by` levels (h2 → h3), so a page's own headings nest under its section. */
export function demoteHeadings(html: string, by: number): string {
  if (by <= 0) return html;
  return html.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`);
}

/** A printed page cannot be clicked open: show every <details> expanded. */
export function openDetails(html: string): string {
  return html.replace(/<details\b(?![^>]*\bopen\b)/g, '<details open');
}

/**
 * Repeated in every source of one document, a side panel would be one more landmark with the
 * same name each time; as a plain block it keeps its heading and drops out of the landmark list.
 */
export function unlandmark(html: string): string {
  // A labelled plain block is a group: aria-labelledby is not allowed on a bare div.
  return html.replace(/<aside\b([^>]*\saria-labelledby=)/g, '<div role="group"$1').replace(/<(\/?)aside\b/g, '<$1div');
}

/** Every id in a piece of HTML, added to `ids`. */
export function idsIn(html: string, ids = new Set<string>()): Set<string> {
  const id = /\bid="([^"]+)"/g;
  for (let m = id.exec(html); m; m = id.exec(html)) ids.add(m[1]);
  return ids;
}

/**
 * Where a link to a page of the site lands in the print document, in order of preference.
 * The first candidate that exists as an id wins.
 */
export function anchorCandidates(path: string, fragment: string): string[] {
  const parts = path.split('/').filter(Boolean);
  const out: string[] = [];
  const [first, second] = parts;
  if (first === 'sources' && second && parts.length === 2) out.push(fragment ? `source-${second}--${fragment}` : `source-${second}`);
  if (first === 'claims' && second && parts.length === 2) out.push(`claim-${second}`);
  if (first === 'responses' && parts.length === 1 && fragment) out.push(`response-${fragment}`);
  if (fragment.startsWith('ctx-')) out.push(`context-${fragment.slice(4)}`);
  if (parts.length === 1) {
    if (fragment) out.push(`page-${first}--${fragment}`);
    out.push(`page-${first}`);
  }
  if (first === 'claims' && parts.length === 1) out.push('section-claims');
  if (first === 'sources' && parts.length === 1) out.push('section-sources');
  if (parts.length === 0) out.push('cover');
  if (fragment && parts.length === 2 && (first === 'sources' || first === 'claims')) out.push(`${first.slice(0, -1)}-${second}`);
  return out;
}

export interface Endnote {
  n: number;
  url: string;
}

/** The document in parts, which joined are its whole HTML. */
export interface LinkedParts {
  parts: string[];
  endnotes: Endnote[];
}

const LINK = /<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g;
/** A link's opening tag: left without its `</a>` at the end of a part, it would close in another. */
const OPENING = /<a\b[^>]*?\bhref="[^"]*"[^>]*>/g;

/**
 * Points every internal link at its anchor in the document (or, when the document has no such
 * place, at the page on the published site), and numbers every external URL as an endnote.
 * The same URL keeps one number wherever it is linked.
 *
 * The document is given part by part, in order (set-aside.ts), each rewritten on its own, so that
 * the document is never one string here: the links are those of the joined document, since no
 * link or tag is cut between two parts (a part whose link would close in the next is refused).
 * `ids` must hold every id of the whole document, as a link may point at a place further on.
 */
export class Linker {
  readonly #ids: Set<string>;
  readonly #base: string;
  readonly #numbers = new Map<string, number>();

  constructor(ids: Set<string>, site: string) {
    this.#ids = ids;
    this.#base = site.replace(/\/$/, '');
  }

  /** One part, linked; `last` for the document's last part, the only one a link may not stay open in. */
  link(part: string, last: boolean): string {
    const out: string[] = [];
    let done = 0;
    const link = new RegExp(LINK.source, 'g');
    for (let m = link.exec(part); m; m = link.exec(part)) {
      out.push(part.slice(done, m.index), this.#rewrite(m[0], m[1], m[2], m[3], m[4]));
      done = link.lastIndex;
    }
    OPENING.lastIndex = done;
    const open = last ? null : OPENING.exec(part);
    if (open) throw new Error(`print: the link ${open[0]} opens in one part of the document and would close in a later one`);
    out.push(part.slice(done));
    return out.join('');
  }

  /** Every external address linked so far, by its number. */
  get endnotes(): Endnote[] {
    return [...this.#numbers].map(([url, n]) => ({ n, url }));
  }

  #noteFor(url: string): number {
    if (!this.#numbers.has(url)) this.#numbers.set(url, this.#numbers.size + 1);
    return this.#numbers.get(url)!;
  }

  #rewrite(whole: string, before: string, href: string, after: string, inner: string): string {
    if (href.startsWith('#')) return whole;
    let url = href;
    if (href.startsWith('/')) {
      const [path, fragment = ''] = href.split('#');
      const target = anchorCandidates(path, fragment).find((id) => this.#ids.has(id));
      if (target) return `<a${before}href="#${target}"${after}>${inner}</a>`;
      url = this.#base + href;
    }
    if (!/^https?:\/\//.test(url)) return whole;
    const n = this.#noteFor(url);
    const attrs = `${before}href="${url}"${after}`.replace(/\sdownload(="[^"]*")?/, '');
    // A link that already reads as its address needs no note number beside it; it is still listed.
    if (inner.replace(/<[^>]+>/g, '').trim() === url) return `<a${attrs}>${inner}</a>`;
    return `<a${attrs}>${inner}</a><a class="endnote-ref" href="#note-${n}" aria-label="Endnote ${n}">${n}</a>`;
  }
}

/** A document held in memory as a list of parts in order, linked (Linker); the ids are gathered from every part first. */
export function linkParts(document: string[], site: string): LinkedParts {
  const ids = new Set<string>();
  for (const part of document) idsIn(part, ids);
  const linker = new Linker(ids, site);
  const parts = document.map((part, i) => linker.link(part, i === document.length - 1));
  return { parts, endnotes: linker.endnotes };
}
