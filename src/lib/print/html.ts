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

/** Every id in a piece of HTML. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
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

export interface Linked {
  html: string;
  endnotes: Endnote[];
}

/**
 * Point every internal link at its anchor in the document (or, when the document has no such
 * place, at the page on the published site), and number every external URL as an endnote.
 * The same URL keeps one number wherever it is linked.
 */
export function linkDocument(html: string, site: string): Linked {
  const ids = idsIn(html);
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
    // A link that already reads as its address needs no note number beside it; it is still listed.
    if (inner.replace(/<[^>]+>/g, '').trim() === url) return `<a${attrs}>${inner}</a>`;
    return `<a${attrs}>${inner}</a><a class="endnote-ref" href="#note-${n}" aria-label="Endnote ${n}">${n}</a>`;
  });
  return { html: out, endnotes: [...numbers].map(([url, n]) => ({ n, url })) };
}
