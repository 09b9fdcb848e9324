import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { parseBody } from '../../src/lib/content/body.ts';
import { sha256 } from '../../src/lib/content/read.ts';
import { sourceSchema } from '../../src/lib/schemas/sources.ts';
import { detect } from '../../src/lib/import/detect.ts';
import { writeDraft } from '../../src/lib/import/draft.ts';
import { classifyLines } from '../../src/lib/import/lines.ts';
import { defaultRules } from './import-helpers.ts';

const rules = defaultRules();
const CAPTURE = [
  'Coalition accused | News | DW | 14.11.2017', '', '', 'Coalition accused', '',
  'The ministry said on Tuesday that the coalition had hampered its strikes.', '',
  'A bomber near Abu Kamal (Imago/TASS)', '', 'Americans refused', '',
  '"These facts are conclusive," the ministry said.', '', 'dj/jm (Reuters, Interfax)', '',
].join('\n');

function draft(text = CAPTURE) {
  const c = classifyLines(text, rules);
  const d = detect(c, rules, [{ id: 'dw', name: 'DW' }]);
  return writeDraft({ id: 'dw-2017-11-14', sha256: sha256(text), originalName: 'x.txt', classified: c, detected: d });
}

describe('draft source writer', () => {
  it('writes frontmatter that the source schema accepts', () => {
    const split = splitFrontmatter(draft().markdown);
    const r = sourceSchema.safeParse(parse(split.frontmatter!));
    expect(r.success, JSON.stringify(!r.success && r.error.issues)).toBe(true);
    expect(r.data).toMatchObject({ title: 'Coalition accused', outlet: 'dw', published: { date: '2017-11-14', precision: 'day' }, credits: ['Reuters', 'Interfax'] });
  });

  it('accounts for every non-blank capture line as the title, a block or a removed line', () => {
    const { markdown } = draft();
    const split = splitFrontmatter(markdown);
    const fm = parse(split.frontmatter!);
    const blocks = parseBody(split.body).blocks;
    const accounted = new Set([fm.title, ...blocks.map((b) => b.text), ...fm.removed.map((r: { text: string }) => r.text)]);
    for (const line of CAPTURE.split('\n').map((l) => l.trim()).filter(Boolean)) expect(accounted).toContain(line);
  });

  it('marks cross-heads and captions in the body format', () => {
    const { body } = splitFrontmatter(draft().markdown);
    expect(body).toContain('\n\n## Americans refused\n\n');
    expect(body).toContain('[caption] A bomber near Abu Kamal (Imago/TASS)');
    expect(parseBody(body).blocks.map((b) => b.kind)).toEqual(['paragraph', 'caption', 'heading', 'paragraph', 'paragraph']);
  });

  it('lists what to review as YAML comments the site never shows', () => {
    const { markdown, review } = draft();
    expect(review.some((r) => r.includes('Americans refused'))).toBe(true);
    expect(markdown).toMatch(/^---\n# Draft written by "npm run import" from x\.txt\.\n# Review before publishing:\n# - /);
  });

  it('leaves out a date it could not find rather than inventing one', () => {
    const split = splitFrontmatter(draft('Headline\n\nMOSCOW, November 14. /TASS/. The ministry said so.\n').markdown);
    const fm = parse(split.frontmatter!);
    expect(fm.published.date).toBeUndefined();
    expect(sourceSchema.safeParse(fm).success).toBe(false);
  });
});
