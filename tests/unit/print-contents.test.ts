import { describe, expect, it } from 'vitest';
import { headingText, pagesFromOutline, parseOutlineXml, unplaced, type ContentsEntry } from '../../src/lib/print/contents.ts';
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
