import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, parseRules, DEFAULT_RULES } from '../../src/lib/import/rules.ts';

describe('import rules are data', () => {
  it('parses the built-in defaults into regular expressions', () => {
    const { rules, problems } = loadRules(mkdtempSync(join(tmpdir(), 'rules-')));
    expect(problems).toEqual([]);
    expect(rules!.boilerplate.length).toBeGreaterThan(3);
    expect(rules!.boilerplate[0].patterns[0]).toBeInstanceOf(RegExp);
  });

  it("uses the content folder's own import-rules.yaml instead of the defaults", () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'import-rules.yaml'), "boilerplate:\n  - reason: navigation\n    patterns: ['^Back to top$']\n");
    const { rules, file } = loadRules(dir);
    expect(file).toBe(join(dir, 'import-rules.yaml'));
    expect(rules!.boilerplate).toHaveLength(1);
    expect(rules!.boilerplate[0].patterns[0].test('Back to top')).toBe(true);
    expect(file).not.toBe(DEFAULT_RULES.pathname);
  });

  it('names the field of a broken pattern', () => {
    const { rules, problems } = parseRules("boilerplate:\n  - reason: navigation\n    patterns: ['(unclosed']\n", 'r.yaml');
    expect(rules).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'r.yaml', field: 'boilerplate.0.patterns.0' });
    expect(problems[0].message).toMatch(/not a valid regular expression/);
  });

  it('rejects a removal reason the source schema does not know', () => {
    const { problems } = parseRules("boilerplate:\n  - reason: adverts\n    patterns: ['^Ad$']\n", 'r.yaml');
    expect(problems[0].field).toBe('boilerplate.0.reason');
  });

  it('reports broken YAML without throwing', () => {
    const { problems } = parseRules('boilerplate: [\n', 'r.yaml');
    expect(problems[0].message).toMatch(/not valid YAML/);
    expect(problems[0].fix).toBeTruthy();
  });

  it('adds a dossier\'s rules to the defaults with "extends: defaults", its own first', () => {
    const { rules, problems } = parseRules("extends: defaults\nboilerplate:\n  - reason: navigation\n    patterns: ['^Back to the list$']\n", 'r.yaml');
    expect(problems).toEqual([]);
    expect(rules!.boilerplate[0].patterns[0].test('Back to the list')).toBe(true);
    const defaults = loadRules(mkdtempSync(join(tmpdir(), 'rules-'))).rules!;
    expect(rules!.boilerplate).toHaveLength(defaults.boilerplate.length + 1);
    expect(rules!.bylines).toHaveLength(defaults.bylines.length);
  });

  it('makes a pattern that starts with (?i) ignore case', () => {
    const { rules } = parseRules("boilerplate:\n  - reason: navigation\n    patterns: ['(?i)^share$']\n", 'r.yaml');
    expect(rules!.boilerplate[0].patterns[0].test('SHARE')).toBe(true);
  });

  it('names no outlet in the built-in rules: they hold only what news pages share', () => {
    const { rules } = loadRules(mkdtempSync(join(tmpdir(), 'rules-')));
    expect(rules!.outlets).toEqual([]);
    expect(rules!.boilerplate.every((b) => b.outlet === undefined)).toBe(true);
  });
});
