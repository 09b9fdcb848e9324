/*
 * One built page made fit for file://: every link to the dossier relative and naming its file
 * (links.ts), no module script (Chromium refuses them from file://) but the edition's classic
 * script, and no download link to the edition itself (a bag cannot hold its own checksum).
 */
import { portableLink, type LinkProblem } from './links.ts';

/** The web edition's link to the portable zip: the Base layout marks it so the edition can drop it. */
export const DOWNLOAD_MARK = 'data-portable-download';
/** The edition's classic script, from the edition's root. */
export const PAGE_SCRIPT = '_portable/page.js';

/** The attributes that hold a link; page-bytes.ts puts its own white space before them. */
export const LINKED_ATTRS = '(?:href|src|action|cite|poster)';
const LINKED = new RegExp(`(\\s${LINKED_ATTRS})="([^"]*)"`, 'g');
export const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*>[\s\S]*?<\/script>/g;
export const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;
export const DOWNLOAD = new RegExp(`<(p|div|section)\\b[^>]*\\b${DOWNLOAD_MARK}\\b[^>]*>[\\s\\S]*?</\\1>`, 'g');

const unescapeAttr = (v: string) => v.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * One link attribute's value (as written, escaped) as the edition writes it, or null when the
 * edition cannot keep the link, which is then added to `problems`.
 */
export function rewriteLink(value: string, page: string, has: (file: string) => boolean, problems: LinkProblem[]): string | null {
  const link = unescapeAttr(value);
  const result = portableLink(link, page, has);
  if ('problem' in result) {
    problems.push({ page, link, reason: result.problem });
    return null;
  }
  return escapeAttr(result.link);
}

/** The edition's classic script, put before the page's `</body>`, relative to the page at `page`. */
export function scriptBefore(page: string): string {
  const depth = page.split('/').length - 1;
  return `<script src="${'../'.repeat(depth)}${PAGE_SCRIPT}"></script>`;
}

/** The page at `page` (its path in the edition) rewritten, with every link it could not keep. */
export function portablePage(html: string, page: string, has: (file: string) => boolean): { html: string; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  let out = html.replace(DOWNLOAD, '').replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  out = out.replace(LINKED, (whole, attr: string, value: string) => {
    const link = rewriteLink(value, page, has, problems);
    return link === null ? whole : `${attr}="${link}"`;
  });
  if (!out.includes('</body>')) throw new Error(`${page}: no </body> to put the edition's script before`);
  out = out.replace('</body>', `${scriptBefore(page)}</body>`);
  return { html: out, problems };
}

/** A stylesheet's `url(/…)` made relative to the stylesheet at `file`. */
export function portableCss(css: string, file: string, has: (file: string) => boolean): { css: string; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  const out = css.replace(/url\((['"]?)(\/[^'")]*)\1\)/g, (whole, quote: string, link: string) => {
    const result = portableLink(link, file, has);
    if ('problem' in result) {
      problems.push({ page: file, link, reason: result.problem });
      return whole;
    }
    return `url(${quote}${result.link}${quote})`;
  });
  return { css: out, problems };
}

/** The refusal for links the edition cannot keep: each page and link, and the fix. */
export function linkReport(problems: LinkProblem[]): string {
  const lines = problems.slice(0, 20).map((p) => p.reason === 'outside'
    ? `  ${p.page}: the link "${p.link}" leads outside the edition`
    : `  ${p.page}: the link "${p.link}" names a file the edition does not have`);
  if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
  return `${lines.join('\n')}\nFix: link only to pages and files of the dossier (root-relative like /sources/<id>/), then build again.`;
}
