// No interface words outside the message catalogue: a fixed list of the phrases the engine wrote
// in English before the catalogue existed, and a scan of every template's markup text and
// reader-facing attributes. Each must now come from src/lib/i18n/messages/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/i18n/messages/en.ts';

const ROOTS = ['src/components', 'src/layouts', 'src/pages', 'src/integrations', 'src/lib/search', 'src/lib/offline', 'src/lib/theme', 'src/lib/print', 'src/lib/cite/copy.ts', 'src/lib/enhance.ts'];
const files = (dir: string): string[] =>
  statSync(dir).isFile() ? [dir] : readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(astro|ts)$/.test(name) ? [path] : [];
  });
const ENGINE = ROOTS.flatMap(files);

/** Code without its comments: a comment may name a phrase, as this file does. */
export function withoutComments(text: string): string {
  return text.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Today's English phrases, as the templates wrote them before the catalogue. */
const PHRASES = [
  'Search the dossier', 'Carried by', 'About this source', 'answered:', 'Evidence dossier', 'Skip to content', 'How this dossier was made',
  'Edition of', 'Edited by', 'Auto theme', 'Colour theme', 'Available offline', 'Saving for offline', 'Offline reading is not available',
  'All results, with filters', 'Search sources, claims, responses', 'Page not found', 'There is no page at this address', 'Cite this source',
  'Cite this claim', 'Cite this dossier', 'Copy {', 'Download the raw capture', 'Lines removed from the capture', 'Photo caption',
  'Where the record is unclear', 'Republication chain', 'Original URL', 'Capture reads', 'How each outlet worded it', 'Word by word',
  'No response to this claim', 'Later reporting', 'Reports disagree', 'Bears on', 'Each response', 'Claims with no answer',
  'Traces back to', 'Voices carried', 'Relied on', 'Its own report', 'Reported in:', 'Endnotes: web addresses', 'Sources, page',
  '← Previous', 'Next →', 'Where to go next', 'Cite and re-use', 'Sort by', 'newest first', 'Key: ', 'of the baseline', 'Underlined',
  'Struck through', 'direct quote', 'reported speech', 'Not in the captured corpus', 'page title bar', 'captured article', 'passage in the source',
  'Made by', 'In answer to', 'Answered by', 'Where accounts differ', 'The whole dossier', 'scrolls sideways', 'sources and updates',
  'The dossier as data', "'Page '", 'Save the whole dossier', 'Copied', 'Select the text to copy',
];

/** Markup text and reader-facing attribute values written as literals in a template. */
export function literalText(source: string): string[] {
  const body = source.replace(/^---[\s\S]*?\n---/, '').replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  // Code and key names are the same in every language: <code>npm run build</code>, <kbd>Ctrl</kbd>.
  const markup = withoutComments(body).replace(/<(code|kbd)>[^<]*<\/\1>/g, '');
  const found: string[] = [];
  const prose = (s: string, before = '') => /[A-Za-z]{2,}/.test(s)
    // JavaScript inside an expression: a ternary's branch, a statement's or a call's end.
    && !/^\s*[:?);]/.test(s)
    // The next key of the values of a parts('key', { a: <b>…</b>, c: … }) call.
    && !(/^\s*,\s*\w+:/.test(s) && /parts\('[^']+', \{[^}]*$/.test(before.slice(-400).replace(/\{[^{}]*\}/g, '')))
    // A file name as link text (dossier.json).
    && !/^\s*[\w-]+(\.[\w-]+)+\s*$/.test(s);
  // Text right after a tag ("<p>", "</a>", "<>", "/>"), not after "=>" or a comparison, up to the next tag or expression.
  for (const m of markup.matchAll(/(?<=[\w"'}/<])>([^<>{}]+)/g)) if (prose(m[1], markup.slice(0, m.index))) found.push(m[1].trim());
  // Text after an expression, when it reads as prose rather than code.
  for (const m of markup.matchAll(/\}([^<>{}]+)(?=<)/g)) if (prose(m[1]) && !/[()=;?&|'"`]/.test(m[1])) found.push(m[1].trim());
  for (const m of markup.matchAll(/\s(?:aria-label|title|placeholder|alt|heading|note|caption|description|label)="([^"]*[A-Za-z]{2,}[^"]*)"/g)) found.push(m[1]);
  return found;
}

describe('interface words live in the message catalogue', () => {
  it('scans the engine’s templates and scripts', () => {
    expect(ENGINE.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(30);
  });

  it('every phrase of the fixed list is in the English catalogue', () => {
    const catalogue = Object.values(en).join('\n');
    const missing = PHRASES.filter((p) => !/['{]/.test(p) && !catalogue.includes(p));
    expect(missing).toEqual([]);
  });

  it('no phrase of the fixed list is written in an engine file', () => {
    const hits = ENGINE.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return PHRASES.filter((p) => code.includes(p)).map((p) => `${file}: ${p}`);
    });
    expect(hits).toEqual([]);
  });

  it('no template writes words of its own in its markup', () => {
    const hits = ENGINE.filter((f) => f.endsWith('.astro')).flatMap((file) => literalText(readFileSync(file, 'utf8')).map((t) => `${file}: ${t}`));
    expect(hits).toEqual([]);
  });

  it('the scan finds words written in markup, in fragments and in attributes', () => {
    const sample = `---\nconst x = 1;\n---\n<p>Made by {a}, in: <a href="/">b</a>.</p>{c && <> for {d}</>}<input aria-label="Search the dossier" />{list.map((x) => <li>{x}</li>)}`
      + `{n > 0 && <br />}<br />SHA-256: <span>{x}</span>{ok ? <b>{y}</b> : z.text}<code>npm run build</code><a href="/d.json">dossier.json</a>`;
    expect(literalText(sample)).toEqual(['Made by', 'for', 'SHA-256:', ', in:', 'Search the dossier']);
  });
});
