import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/format/date.ts';
import { languageName } from '../../src/lib/format/language.ts';
import { laterReportLabel } from '../../src/lib/format/labels.ts';
import { paginate } from '../../src/lib/render/paginate.ts';
import { formatProblems } from '../../src/lib/problems.ts';

describe('formatDate', () => {
  it('never shows more precision than the record has', () => {
    expect(formatDate('2017-11-14', 'day')).toBe('14 November 2017');
    expect(formatDate('2017-11-14', 'month')).toBe('November 2017');
    expect(formatDate('2017-09', 'month')).toBe('September 2017');
    expect(formatDate('2017', 'year')).toBe('2017');
  });
});

describe('laterReportLabel', () => {
  it('names later reporting by outlet and date, at the date\'s precision', () => {
    expect(laterReportLabel({ outlet: 'The Defense Post', date: '2017-10-09', precision: 'day' })).toBe('The Defense Post, 9 October 2017');
    expect(laterReportLabel({ outlet: 'The Independent', date: '2017', precision: 'year' })).toBe('The Independent, 2017');
  });
});

describe('languageName', () => {
  it('names a language tag in English, and leaves a tag it cannot name as written', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('tr')).toBe('Turkish');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
    expect(languageName('qqq')).toBe('qqq');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

describe('paginate', () => {
  it('keeps every index page to a fixed size', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => i);
    const last = paginate(all, 100, 100);
    expect(last.items).toHaveLength(100);
    expect(last.count).toBe(100);
    expect(last.next).toBeUndefined();
    expect(paginate(all, 100, 1).next).toBe('/sources/page/2/');
  });
});

describe('formatProblems', () => {
  it('names file, line, field and fix for each problem', () => {
    const out = formatProblems([{ file: 'a.yaml', line: 3, field: 'kind', message: 'is required but missing', fix: 'Add it.' }]);
    expect(out).toContain('1 problem found');
    expect(out).toContain('a.yaml:3 (field "kind")');
    expect(out).toContain('Fix: Add it.');
  });
});
