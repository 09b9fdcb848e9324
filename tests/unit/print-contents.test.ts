import { describe, expect, it } from 'vitest';
import { headingText, pagesFromOutline, parseOutlineXml, unplaced, unplacedMessage, type ContentsEntry } from '../../src/lib/print/contents.ts';
import { contentsEntries, cssString, planSections } from '../../src/lib/print/plan.ts';

const entries: ContentsEntry[] = [
  { id: 'section-analysis', number: '1', title: 'Analysis', level: 1 },
  { id: 'page-responses', number: '1.1', title: 'Responses', level: 2 },
  { id: 'section-responses', number: '2', title: 'Responses', level: 1 },
  { id: 'section-endnotes', number: '3', title: 'Endnotes', level: 1 },
];

describe('parseOutlineXml', () => {
  it('flattens poppler’s bookmarks in document order, with depth and decoded titles', () => {
    const xml = '<pdf2xml><page number="1"></page><outline><item page="1">Title &amp; “more”</item><outline><item page="3">1.1 Responses</item></outline><item page="4">2 Responses</item></outline></pdf2xml>';
    expect(parseOutlineXml(xml)).toEqual([
      { title: 'Title & “more”', page: 1, depth: 1 },
      { title: '1.1 Responses', page: 3, depth: 2 },
      { title: '2 Responses', page: 4, depth: 1 },
    ]);
    expect(parseOutlineXml('<pdf2xml></pdf2xml>')).toEqual([]);
  });
});

describe('pagesFromOutline', () => {
  it('matches entries to bookmarks in order, so equal words later in the document are not confused', () => {
    const outline = [
      { title: 'Cover', page: 1, depth: 1 },
      { title: '1 Analysis', page: 3, depth: 1 },
      { title: '1.1  Responses', page: 4, depth: 2 },
      { title: 'Responses', page: 5, depth: 3 },
      { title: '2 Responses', page: 9, depth: 1 },
      { title: '3 Endnotes', page: 12, depth: 1 },
    ];
    const pages = pagesFromOutline(entries, outline);
    expect([...pages]).toEqual([['section-analysis', 3], ['page-responses', 4], ['section-responses', 9], ['section-endnotes', 12]]);
    expect(unplaced(entries, pages)).toEqual([]);
  });
  it('matches a right-to-left heading whose bookmark Chromium wrote in visual word order, and only that one', () => {
    const rtl: ContentsEntry[] = [
      { id: 'section-claims', number: '2', title: 'الادعاءات', level: 1 },
      { id: 'source-b', number: '4.1', title: 'إصلاح جسر النهر قبل الصيف', level: 2 },
    ];
    const outline = [
      { title: '2الادعاءات ', page: 5, depth: 1 },
      { title: 'جسر إصلاح النهر', page: 6, depth: 2 },
      { title: '4.1الصيف قبل النهر جسر إصلاح ', page: 7, depth: 2 },
    ];
    expect([...pagesFromOutline(rtl, outline)]).toEqual([['section-claims', 5], ['source-b', 7]]);
    // Latin titles still match exactly: the same letters in another order are another title.
    expect([...pagesFromOutline([{ id: 'x', number: '1', title: 'ab cd', level: 1 }], [{ title: '1 cd ab', page: 2, depth: 1 }])]).toEqual([]);
  });
  it('reports entries with no bookmark', () => {
    const pages = pagesFromOutline(entries, [{ title: '1 Analysis', page: 2, depth: 1 }]);
    expect(unplaced(entries, pages).map((e) => e.id)).toEqual(['page-responses', 'section-responses', 'section-endnotes']);
    expect(headingText({ number: '4.1', title: ' A  b ' })).toBe('4.1 A b');
  });
  it('places a heading that wrapped, whose bookmark lost the space at the line break', () => {
    const long: ContentsEntry[] = [
      { id: 'section-sources', number: '3', title: 'Sources', level: 1 },
      { id: 'source-a', number: '3.1', title: 'Factory fire blamed on an electrical fault by the owners', level: 2 },
      { id: 'source-b', number: '3.2', title: 'Short', level: 2 },
    ];
    const outline = [
      { title: '3 Sources', page: 7, depth: 1 },
      { title: '3.1 Factory fire blamed on an electricalfault by the owners', page: 8, depth: 2 },
      { title: '3.2 Short', page: 10, depth: 2 },
    ];
    const pages = pagesFromOutline(long, outline);
    expect([...pages]).toEqual([['section-sources', 7], ['source-a', 8], ['source-b', 10]]);
    // Words that differ are still told apart: the match is on every character but white space.
    expect(pagesFromOutline(long, [outline[0], { ...outline[1], title: '3.1 Factory fire blamed on an electrical fire by the owners' }, outline[2]]).has('source-a')).toBe(false);
  });
  it('places every source of a 1,000-source contents list when 400 headlines lost a space at a line break', () => {
    const many: ContentsEntry[] = [{ id: 'section-sources', number: '3', title: 'Sources', level: 1 }];
    for (let i = 1; i <= 1000; i++) many.push({ id: `source-${i}`, number: `3.${i}`, title: `Ministry statement number ${i} on the river and an electrical fault downstream`, level: 2 });
    const outline = many.flatMap((e, i) => {
      const title = `${e.number} ${e.title}`;
      // Every 5th of 2 headlines wraps once (400 of 1,000): the space at the break is gone.
      const wrapped = i > 0 && i % 5 < 2 ? title.replace(' electrical ', ' electrical') : title;
      return [{ title: wrapped, page: 10 + i, depth: e.level }, { title: 'About this source', page: 10 + i, depth: 3 }];
    });
    const pages = pagesFromOutline(many, outline);
    expect(outline.filter((o) => o.title.includes('electricalfault'))).toHaveLength(400);
    expect(unplaced(many, pages)).toEqual([]);
    expect(pages.get('source-1000')).toBe(1010);
  });
  it('names each unplaced heading beside the nearest bookmark, and does not blame rendering', () => {
    const outline = [{ title: '1 Analysis', page: 2, depth: 1 }, { title: '1.1 Responsez', page: 3, depth: 2 }];
    const pages = pagesFromOutline(entries, outline);
    const message = unplacedMessage(entries, pages, outline);
    expect(message).toContain('"1.1 Responses": the nearest bookmark reads "1.1 Responsez" (page 3)');
    expect(message).toContain('"3 Endnotes": the nearest bookmark reads "1.1 Responsez" (page 3)');
    expect(message).toContain('3 headings');
    expect(message).not.toContain('is rendered');
  });
});

describe('planSections', () => {
  const input = {
    analysis: [{ id: 'overview', title: 'Overview' }],
    claims: 3, responses: 0, sources: [{ id: 's1', title: 'S one' }, { id: 's2', title: 'S two' }], context: 1,
    method: { id: 'method', title: 'Method' },
  };
  it('numbers the sections that have something in them, in the fixed order', () => {
    expect(planSections(input).map((s) => `${s.number} ${s.title} #${s.id}`)).toEqual([
      '1 Analysis #section-analysis', '2 Claims #section-claims', '3 Sources #section-sources',
      '4 Later reporting #section-context', '5 Method #page-method', '6 Endnotes: web addresses #section-endnotes',
    ]);
  });
  it('lists analysis pages and sources under their sections in the contents', () => {
    const list = contentsEntries(planSections(input), input);
    expect(list.filter((e) => e.level === 2).map((e) => `${e.number} ${e.title} #${e.id}`)).toEqual(['1.1 Overview #page-overview', '3.1 S one #source-s1', '3.2 S two #source-s2']);
  });
  it('quotes a title safely for CSS', () => {
    expect(cssString('A "b" \\ c\nd')).toBe('"A \\"b\\" \\\\ c d"');
  });
});
