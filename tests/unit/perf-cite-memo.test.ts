import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/lib/cite/format.ts';
import type { CslItem } from '../../src/lib/cite/csl.ts';

const item = (title: string, day: number): CslItem => ({
  id: 'same-id', type: 'article-newspaper', title, 'container-title': 'Example Wire', issued: { 'date-parts': [[2020, 3, day]] },
});

// formatCitation is memoised for the build; the memo must follow the item, not its id.
describe('citation memo', () => {
  it('returns the same text for the same item', () => {
    expect(formatCitation(item('River rises', 2), 'apa')).toBe(formatCitation(item('River rises', 2), 'apa'));
  });

  it('never serves one item’s citation for another with the same id', () => {
    expect(formatCitation(item('River rises', 2), 'apa')).toContain('March 2');
    expect(formatCitation(item('River falls', 9), 'apa')).toContain('River falls');
    expect(formatCitation(item('River falls', 9), 'apa')).toContain('March 9');
  });

  it('keeps styles and formats apart', () => {
    const i = item('River rises', 2);
    expect(formatCitation(i, 'mla')).not.toBe(formatCitation(i, 'apa'));
    expect(formatCitation(i, 'apa', 'html')).toContain('<i>');
    expect(formatCitation(i, 'apa', 'text')).not.toContain('<i>');
  });
});
