import { describe, expect, it } from 'vitest';
import { classifyLines } from '../../src/lib/import/lines.ts';
import { defaultRules } from './import-helpers.ts';

const rules = defaultRules();
const roleOf = (capture: string, line: string) => {
  const c = classifyLines(capture, rules);
  return c.lines.find((l) => l.text === line)?.role;
};
const article = (...lines: string[]) => ['A headline for the test', '', 'The first paragraph says something. It ends with a full stop.', '', ...lines.flatMap((l) => [l, '']), 'The last paragraph ends the article here.'].join('\n');

describe('boilerplate stripping, whole lines only', () => {
  it.each([
    ['All news', 'navigation'],
    ['Russia accuses US | News | DW | 14.11.2017', 'page-title'],
    ['Source: Xinhua| 2017-11-14 21:50:54|Editor: pengying', 'page-metadata'],
    ['- 11.10.2017', 'page-metadata'],
    ['CNBC, 10 Oct 2017', 'page-metadata'],
    ['Video PlayerClose', 'video-player'],
    ['2:36 PM ET Thu, 7 Sept 2017 | 01:55', 'video-promo'],
    ['- 1507649787 erdogan visas 150x150 - Turkey’s Erdogan refuses', 'image-prefix'],
    ['Kaynak/Source:', 'empty-source-line'],
    ['The Harbour Gazette', 'masthead'],
    ['© 2025 Harbour Media Ltd. All rights reserved.', 'page-metadata'],
    ['Published 5 March 2025', 'page-metadata'],
    ['2025-03-04 21:50', 'page-metadata'],
    ['By Jane Doe', 'page-metadata'],
    ['Jane Doe, Staff Reporter', 'page-metadata'],
    ['Von Max Mustermann', 'page-metadata'],
  ])('removes "%s" as %s', (line, reason) => {
    expect(roleOf(article(line), line)).toMatchObject({ kind: 'removed', reason });
  });

  it.each([
    'The claims come a day after the report',
    'By Tuesday evening the fire was out',
    '© Photo: Jane Doe',
  ])('keeps "%s": no written date, no byline, no copyright holder', (line) => {
    const role = roleOf(article(line), line);
    expect(role).not.toMatchObject({ kind: 'removed' });
  });

  it('never removes part of a line: a rule must match the whole trimmed line', () => {
    const line = 'The page said All news was good, and so it went on.';
    expect(roleOf(article(line), line)).toEqual({ kind: 'paragraph' });
  });

  it('treats a line of non-breaking spaces as blank', () => {
    const c = classifyLines(article('\u00a0 '), rules);
    expect(c.lines.some((l) => l.text === '')).toBe(false);
  });

  it('gives every non-blank line exactly one role', () => {
    const capture = article('All news', 'Short cross-head here', 'Video PlayerClose');
    const nonBlank = capture.split('\n').filter((l) => l.trim()).length;
    expect(classifyLines(capture, rules).lines).toHaveLength(nonBlank);
  });
});

describe('structure', () => {
  it('takes a line printed twice in a row for a promoted video, and says it is unsure', () => {
    const c = classifyLines(article('Trump thanks Kuwait', 'Trump thanks Kuwait'), rules);
    const both = c.lines.filter((l) => l.text === 'Trump thanks Kuwait');
    expect(both.map((l) => l.role)).toEqual([
      expect.objectContaining({ reason: 'video-promo' }),
      expect.objectContaining({ reason: 'video-promo' }),
    ]);
    expect(both[0].unsure).toBeTruthy();
  });

  it('takes the line after an image prefix that repeats its link text for a related story', () => {
    const line = 'Turkey refuses to recognise the ambassador';
    expect(roleOf(article(`- 1507649787 erdogan 150x150 - ${line}`, line), line)).toMatchObject({ reason: 'related-story' });
  });

  it('marks a short unpunctuated line as a cross-head, flagged for review', () => {
    const c = classifyLines(article('Americans refused to bomb IS'), rules);
    const l = c.lines.find((x) => x.text === 'Americans refused to bomb IS')!;
    expect(l.role).toEqual({ kind: 'heading' });
    expect(l.unsure).toMatch(/cross-head/);
  });

  it('keeps a short line that ends a sentence as a paragraph', () => {
    expect(roleOf(article('He said no.'), 'He said no.')).toEqual({ kind: 'paragraph' });
  });

  it('marks a line ending in a photo credit as a caption', () => {
    const line = 'A bomber taking off near Abu Kamal (Imago/TASS/Press Office)';
    expect(roleOf(article(line), line)).toEqual({ kind: 'caption' });
  });

  it('removes a dateline standing on its own line as page metadata', () => {
    const line = 'MOSCOW, Nov. 14 (Xinhua) --';
    expect(roleOf(article(line), line)).toMatchObject({ kind: 'removed', reason: 'page-metadata' });
  });

  it('keeps a dateline that opens a paragraph inside that paragraph', () => {
    const line = 'MOSCOW, Nov. 14 (Xinhua) -- The ministry said on Tuesday that it had evidence.';
    expect(roleOf(article(line), line)).toEqual({ kind: 'paragraph' });
  });
});

describe('headline', () => {
  it('prefers the line that repeats the title bar', () => {
    const c = classifyLines("Russia accuses US of ′cover′ | News | DW | 14.11.2017\n\nRussia accuses US of 'cover'\n\nBody text goes here, and it is long enough.", rules);
    expect(c.titleHow).toBe('title-bar');
    expect(c.lines[c.title!].text).toBe("Russia accuses US of 'cover'");
  });

  it('accepts the line that repeats an image prefix above it', () => {
    const c = classifyLines('- 1507657776 mosul ruins - Russia accuses US\n\nRussia accuses US\n\nBody text goes here.', rules);
    expect(c.titleHow).toBe('image-prefix');
  });

  it('falls back to the first kept line', () => {
    const c = classifyLines('All news\n\nUS supports IS — ministry\n\nBody text goes here.', rules);
    expect(c.titleHow).toBe('first-line');
    expect(c.lines[c.title!].text).toBe('US supports IS — ministry');
  });

  it('lets the first line stand in, kept in the body, when no line reads like a headline', () => {
    const c = classifyLines('This capture starts in the middle of a sentence and goes on.\n\nMore text.', rules);
    expect(c.titleHow).toBe('fallback');
    expect(c.lines[c.title!].role).toEqual({ kind: 'paragraph' });
  });

  it('never takes a dateline line for the headline', () => {
    const c = classifyLines('GENEVA, Nov. 14 (Reuters) --\n\nThe text of the article begins here.', rules);
    expect(c.titleHow).toBe('fallback');
  });
});
