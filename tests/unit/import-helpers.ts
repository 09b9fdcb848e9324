import { readFileSync } from 'node:fs';
import { parseRules, DEFAULT_RULES } from '../../src/lib/import/rules.ts';
import type { ImportRules } from '../../src/lib/import/types.ts';

/** The built-in rules, parsed once for the import tests. */
export function defaultRules(): ImportRules {
  const { rules, problems } = parseRules(readFileSync(DEFAULT_RULES, 'utf8'), 'default-rules.yaml');
  if (!rules) throw new Error(JSON.stringify(problems));
  return rules;
}
