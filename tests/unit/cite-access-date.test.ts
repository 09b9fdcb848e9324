import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/lib/cite/format.ts';
import type { CslItem } from '../../src/lib/cite/csl.ts';

const item: CslItem = {
  id: 'x', type: 'article-newspaper', title: 'Harbour inquiry finds dredging logs were altered', 'container-title': 'The Coastal Courier',
  issued: { 'date-parts': [[2017, 11, 14]] }, URL: 'https://example.org/news/harbour-report.html',
};
const accessed = { ...item, accessed: { 'date-parts': [[2026, 12, 7]] } };

describe('citations of a web capture carry its access date', () => {
  it('APA says Retrieved, Chicago and MLA say Accessed, for a dated article', () => {
    expect(formatCitation(accessed, 'apa')).toContain('Retrieved December 7, 2026, from https://example.org/news/harbour-report.html');
    expect(formatCitation(accessed, 'chicago')).toContain('Accessed December 7, 2026.');
    expect(formatCitation(accessed, 'mla')).toContain('Accessed 7 Dec. 2026.');
  });

  it('leaves an item without an access date as the official styles format it', () => {
    for (const style of ['apa', 'chicago', 'mla'] as const) {
      expect(formatCitation(item, style)).not.toMatch(/Retrieved|Accessed/);
      expect(formatCitation(item, style)).toContain('https://example.org/news/harbour-report.html');
    }
  });
});
