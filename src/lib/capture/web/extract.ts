import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * Article extraction: Mozilla's Readability (Firefox Reader View's algorithm) on a linkedom
 * document. linkedom builds a DOM without running anything: no script, handler or style of the
 * archived page is ever executed, and no resource is fetched.
 */

export type BlockKind = 'paragraph' | 'heading' | 'caption';
export interface WebBlock {
  kind: BlockKind;
  text: string;
}

/** One fact the page states about itself, with the line of the derived text that carries it. */
export interface PageFact {
  value: string;
  /** Where it was read, e.g. "meta article:published_time". */
  from: string;
  /** The line of the derived text that holds it verbatim (evidence for the draft). */
  line: string;
}

export interface Extracted {
  headline: PageFact & { agree: string[] };
  /** Lines of page metadata, kept in the derived text so that evidence can quote them. */
  metaLines: string[];
  dates: PageFact[];
  byline?: PageFact;
  publisher?: string;
  language?: string;
  blocks: WebBlock[];
}

export type ExtractResult = { ok: true; extracted: Extracted } | { ok: false; message: string; fix: string };

/** White space as a reader sees it: every run (tabs, newlines, no-break spaces) is one space. */
const fold = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'LI', 'PRE', 'BLOCKQUOTE', 'DD', 'DT']);

/**
 * The innermost blocks under `root`, in document order: those that hold no other block. A walk
 * over the tree, because linkedom compiles a selector afresh at every querySelector() call:
 * asking each block whether it holds another was a tenth of the extraction in a profile.
 */
function innermostBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): boolean => {
    let holds = false;
    for (const child of el.children) holds = visit(child) || holds;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    // Innermost blocks never nest, so adding each after its children keeps document order.
    if (block && !holds) out.push(el);
    return block || holds;
  };
  for (const child of root.children) visit(child);
  return out;
}
const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Review|Blog|Background)?Article$|^(?:BlogPosting|Report)$/;

type Json = Record<string, unknown>;
function jsonLdArticles(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Json;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) out.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata still counts.
    }
  }
  return out;
}

const names = (v: unknown): string[] =>
  ([] as unknown[]).concat(v ?? []).flatMap((a) => (typeof a === 'string' ? [a] : a && typeof a === 'object' && typeof (a as Json).name === 'string' ? [(a as Json).name as string] : []));

const meta = (document: Document, key: string) =>
  fold(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')) || undefined;

/** Derive the article and the page's own metadata from its HTML. Deterministic: the same bytes, the same result. */
export function extractArticle(html: string): ExtractResult {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const ld = jsonLdArticles(document)[0];
  const h1 = fold(document.querySelector('h1')?.textContent) || undefined;
  const candidates: [string, string | undefined][] = [
    ['og:title', meta(document, 'og:title')],
    ['JSON-LD headline', typeof ld?.headline === 'string' ? fold(ld.headline) : undefined],
    ['<h1>', h1],
  ];
  const language = fold(document.documentElement?.getAttribute('lang')).toLowerCase().split('-')[0] || undefined;
  const publisher = meta(document, 'og:site_name') ?? names(ld?.publisher)[0];
  const dateFacts: [string, string | undefined][] = [
    ['meta article:published_time', meta(document, 'article:published_time')],
    ['JSON-LD datePublished', typeof ld?.datePublished === 'string' ? fold(ld.datePublished) : undefined],
    ['<time datetime>', fold(document.querySelector('article time[datetime], main time[datetime], time[datetime]')?.getAttribute('datetime')) || undefined],
  ];
  const authorNames = names(ld?.author);
  const authorMeta = meta(document, 'author');

  if (!isProbablyReaderable(document as never)) return noArticle('Readability finds no article text in it (Firefox would not offer Reader View)');
  // The serializer hands back Readability's element itself, so it need not be parsed again from HTML.
  const article = new Readability<Element>(document as never, { keepClasses: false, serializer: (el) => el as Element }).parse();
  if (!article?.content) return noArticle('Readability found no article in it');
  const body = article.content;
  const headlineCandidates = candidates.filter((c): c is [string, string] => !!c[1]);
  const title = headlineCandidates[0]?.[1] ?? fold(article.title);
  if (!title) return noArticle('it has no headline (no og:title, JSON-LD headline, <h1> or <title>)');
  const blocks: WebBlock[] = [];
  for (const el of innermostBlocks(body)) {
    const text = fold(el.textContent);
    if (!text) continue;
    const tag = el.tagName.toLowerCase();
    const kind: BlockKind = /^h\d$/.test(tag) ? 'heading' : tag === 'figcaption' ? 'caption' : 'paragraph';
    if (kind === 'heading' && text === title) continue; // the headline is the title line, not a cross-head
    blocks.push({ kind, text });
  }
  if (!blocks.some((b) => b.kind === 'paragraph')) return noArticle('the extracted article has no paragraph');

  const metaLines: string[] = [];
  const fact = (from: string, value: string): PageFact => {
    const line = `${from}: ${value}`;
    if (!metaLines.includes(line)) metaLines.push(line);
    return { value, from, line };
  };
  const dates = dateFacts.filter((d): d is [string, string] => !!d[1]).map(([from, v]) => fact(from, v));
  const bylineText = fold(article.byline) || undefined;
  const byline = bylineText ? fact('byline', bylineText) : authorNames.length ? fact('JSON-LD author', authorNames.join(', ')) : authorMeta ? fact('meta author', authorMeta) : undefined;
  return {
    ok: true,
    extracted: {
      headline: { value: title, from: headlineCandidates[0]?.[0] ?? '<title>', line: title, agree: headlineCandidates.filter((c) => c[1] === title).map((c) => c[0]) },
      metaLines,
      dates,
      byline,
      publisher,
      language,
      blocks,
    },
  };
}

function noArticle(why: string): ExtractResult {
  return {
    ok: false,
    message: `holds no article: ${why}`,
    fix: 'Capture the article page itself, not a section front, search page or consent wall; if the page needs a click to show the text, capture it after the click (e.g. with ArchiveWeb.page).',
  };
}

/**
 * The derived text: the headline, the page's metadata lines, then one block per line. It is the
 * "capture" a web source's body is checked against, as a .txt capture is; it is re-derived from
 * the archive at every build.
 */
export function derivedText(x: Extracted): string {
  return `${[x.headline.value, ...x.metaLines, ...x.blocks.map((b) => b.text)].join('\n')}\n`;
}
