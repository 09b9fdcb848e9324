import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl.ts';
import { citeKey, precomputed } from './precompute.ts';
import { withAccessDate } from './access-date.ts';

/** The styles offered to readers. APA ships with plugin-csl; the other two are official CSL files kept in styles/. */
export const CITE_STYLES = [
  { id: 'apa', label: 'APA' },
  { id: 'chicago', label: 'Chicago' },
  { id: 'mla', label: 'MLA' },
] as const;
export type CiteStyle = (typeof CITE_STYLES)[number]['id'];

const STYLE_FILES = { chicago: 'chicago-note-bibliography.csl', mla: 'modern-language-association.csl' } as const;

// In the Astro build this module is bundled away from its folder, so fall back to the project path.
function stylesDir(): string {
  const here = fileURLToPath(new URL('./styles/', import.meta.url));
  return existsSync(here) ? here : resolve(process.cwd(), 'src/lib/cite/styles');
}

/**
 * The style trimmed to what a bibliography of one entry uses. Every entry is formatted on its
 * own (a shared bibliography would let citeproc disambiguate between entries, "2017a", "———"),
 * and for a single entry the bibliography's sort keys and the whole in-text citation (its layout,
 * its sort, its disambiguation settings) change nothing in the output, yet citeproc builds and
 * evaluates them for every entry: for APA they were half of the time per entry, nine tenths of
 * the engine's start-up and about 200 MB. tests/unit/perf-cite-entry-style.test.ts checks that
 * the trimmed and the full style give the same bytes.
 */
export function entryStyle(xml: string): string {
  const citation = /<citation\b[^>]*>[\s\S]*?<\/citation>/;
  const bibliographySort = /(<bibliography\b[^>]*>\s*)<sort>[\s\S]*?<\/sort>/;
  if (!citation.test(xml) || !bibliographySort.test(xml)) throw new Error('entryStyle: the style has no <citation> or no sorted <bibliography>');
  return xml.replace(citation, '<citation><layout><text variable="title"/></layout></citation>').replace(bibliographySort, '$1');
}

/** The citation-js template that formats one entry in a style. */
export const entryTemplate = (style: CiteStyle) => `dossier-entry-${style}`;

let registered = false;
function register() {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  for (const [id, file] of Object.entries(STYLE_FILES)) styles.add(id, readFileSync(resolve(stylesDir(), file), 'utf8'));
  for (const { id } of CITE_STYLES) styles.add(entryTemplate(id), entryStyle(withAccessDate(styles.get(id))));
  // Our ids are slugs with hyphens, which BibTeX accepts as keys; without this the plugin invents "2017Russia".
  plugins.config.get('@bibtex').format.checkLabel = false;
  registered = true;
}

/**
 * What, besides the item, decides a formatted entry: the styles as citeproc gets them, the
 * libraries' versions and this module's extraction of the entry. Cached citations (cache.ts) are
 * kept only under the same version.
 */
export function citeOutputVersion(): string {
  register();
  const styles = plugins.config.get('@csl').styles;
  const require = createRequire(import.meta.url);
  const versions = ['citeproc', '@citation-js/core', '@citation-js/plugin-csl'].map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  });
  const hash = createHash('sha256');
  for (const part of [...versions, formatWith.toString(), ...CITE_STYLES.map(({ id }) => styles.get(entryTemplate(id)) as string)]) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
}

// citeproc costs milliseconds per entry, and the same item may be cited by several pages.
const formatted = new Map<string, string>();

/** One bibliography entry in a style, as plain text or as HTML (italics kept). */
export function formatCitation(item: CslItem, style: CiteStyle, format: 'text' | 'html' = 'text'): string {
  const key = citeKey(item, style, format);
  let out = formatted.get(key) ?? precomputed(key);
  if (out === undefined) formatted.set(key, (out = formatUncached(item, style, format)));
  return out;
}

function formatUncached(item: CslItem, style: CiteStyle, format: 'text' | 'html'): string {
  register();
  return formatWith(entryTemplate(style), item, format);
}

/** One entry formatted with a registered citation-js template (a style id or an entry template). */
export function formatWith(template: string, item: CslItem, format: 'text' | 'html'): string {
  register();
  const out: string = new Cite(item).format('bibliography', { format, template, lang: 'en-US' });
  if (format === 'text') return out.trim();
  // citeproc wraps each entry in two divs; the page supplies its own element.
  const m = out.match(/<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/);
  return (m ? m[1] : out).trim();
}

export function toBibtex(items: CslItem[]): string {
  register();
  return new Cite(items).format('bibtex', { format: 'text' });
}

/**
 * RIS records, one per item. The plugin hard-wraps values at 70 characters (mid-word, which
 * importers read as a line break) and gives newspaper articles only a year, so both are mended here.
 */
export function toRis(items: CslItem[]): string {
  register();
  return items.map((item) => {
    const lines = (new Cite(item).format('ris', { format: 'text' }) as string).trim().split('\n').map((l) => (l.startsWith('ER  -') ? 'ER  - ' : l));
    const tagged: string[] = [];
    for (const line of lines) {
      if (/^[A-Z][A-Z0-9]  -/.test(line) || tagged.length === 0) tagged.push(line);
      else tagged[tagged.length - 1] += line;
    }
    const parts = item.issued?.['date-parts'][0];
    if (parts && !tagged.some((l) => l.startsWith('DA  -'))) {
      const da = `DA  - ${parts[0]}/${pad(parts[1])}/${pad(parts[2])}/`;
      tagged.splice(tagged.findIndex((l) => l.startsWith('ER  -')), 0, da);
    }
    return `${tagged.join('\n')}\n`;
  }).join('\n');
}

const pad = (n?: number) => (n === undefined ? '' : String(n).padStart(2, '0'));

export function toCslJson(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}
