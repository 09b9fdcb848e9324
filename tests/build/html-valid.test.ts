import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlPages, readPage } from '../helpers/site.ts';

// Recommended rules, less the purely stylistic ones.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-trailing-whitespace': 'off', 'void-style': 'off', 'attribute-boolean-style': 'off', 'no-inline-style': 'off',
    'long-title': 'off', 'attribute-empty-style': 'off', 'no-redundant-role': 'off', 'element-permitted-content': 'error',
    // Headings never skip a level, so their outline (screen readers, the PDF's bookmarks) nests as read.
    // Several <h1> only in the print edition, whose chapters are its parts (checked below).
    'heading-level': ['error', { allowMultipleH1: true }],
  },
});

describe('valid HTML', () => {
  it('every built page validates with html-validate', async () => {
    const errors: string[] = [];
    for (const page of htmlPages()) {
      const report = await validator.validateString(readPage(page), page);
      for (const r of report.results) for (const m of r.messages) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('every page but the print edition has one <h1>', () => {
    const counts = htmlPages().filter((p) => p !== '/print/index.html').map((p) => `${p}: ${(readPage(p).match(/<h1[\s>]/g) ?? []).length}`);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter((c) => !c.endsWith(': 1'))).toEqual([]);
  });
});
