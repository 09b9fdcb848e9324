import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlPages, readPage } from '../helpers/site.ts';

// Recommended rules, less the purely stylistic ones.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'no-trailing-whitespace': 'off', 'void-style': 'off', 'attribute-boolean-style': 'off', 'no-inline-style': 'off',
    'long-title': 'off', 'attribute-empty-style': 'off', 'no-redundant-role': 'off', 'element-permitted-content': 'error',
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
});
