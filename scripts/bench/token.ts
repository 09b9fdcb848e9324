// A search word for the real dossier: a word of one source's text that no other content
// file contains, so a search for it has exactly one right page (the synthetic corpus brings
// its own tokens).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}{8,}/gu) ?? []);
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? (e === 'captures' ? [] : walk(join(d, e))) : [join(d, e)]));

export function uniqueWord(content: string, sourceId: string): string {
  const own = join(content, 'sources', `${sourceId}.md`);
  const mine = words(splitFrontmatter(readFileSync(own, 'utf8')).body);
  for (const f of walk(content)) if (f !== own && /\.(md|mdx|yaml)$/.test(f)) for (const w of words(readFileSync(f, 'utf8'))) mine.delete(w);
  // Words found in the frontmatter of its own file stay eligible: it is the same page.
  const pick = [...mine].sort()[0];
  if (!pick) throw new Error(`source ${sourceId} has no word of its own to search for`);
  return pick;
}
