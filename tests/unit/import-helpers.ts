import { readFileSync } from 'node:fs';
import { loadRules, parseRules, DEFAULT_RULES } from '../../src/lib/import/rules.ts';
import type { ImportRules } from '../../src/lib/import/types.ts';

/** The built-in rules, parsed once for the import tests. */
export function defaultRules(): ImportRules {
  const { rules, problems } = parseRules(readFileSync(DEFAULT_RULES, 'utf8'), 'default-rules.yaml');
  if (!rules) throw new Error(JSON.stringify(problems));
  return rules;
}

/** The first dossier's own rules (src/content/import-rules.yaml): its outlets' mastheads and hints, over the defaults. */
export function firstDossierRules(): ImportRules {
  const { rules, problems } = loadRules('src/content');
  if (!rules) throw new Error(JSON.stringify(problems));
  return rules;
}
