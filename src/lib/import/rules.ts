import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { removalReasonSchema } from '../schemas/sources.ts';
import type { Problem } from '../problems.ts';
import type { ImportRules } from './types.ts';

/** The rules file an author may add to the content folder to extend the importer. */
export const RULES_FILE = 'import-rules.yaml';
export const DEFAULT_RULES = new URL('./default-rules.yaml', import.meta.url);

/** A pattern; a leading "(?i)" makes it ignore case (JavaScript has no inline flag for that). */
const regex = z.string().transform((s, ctx) => {
  try {
    return s.startsWith('(?i)') ? new RegExp(s.slice(4), 'iu') : new RegExp(s, 'u');
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `is not a valid regular expression (${(e as Error).message})` });
    return z.NEVER;
  }
});
const confidence = z.enum(['high', 'medium', 'low']);

const rulesSchema = z
  .object({
    /** "defaults": this file adds to the built-in rules (its own rules first) instead of replacing them. */
    extends: z.literal('defaults').optional(),
    boilerplate: z
      .array(
        z
          .object({
            reason: removalReasonSchema,
            note: z.string().default(''),
            patterns: z.array(regex).min(1),
            outlet: z.string().optional(),
            confidence: confidence.optional(),
            where: z.enum(['top', 'any']).optional(),
          })
          .strict(),
      )
      .default([]),
    outlets: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an outlet id such as "harbour-gazette"'),
            names: z.array(z.string().min(1)).default([]),
            hints: z.array(z.object({ pattern: regex, confidence, note: z.string().min(1) }).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
    captions: z.array(regex).default([]),
    bylines: z.array(regex).default([]),
    languages: z.record(z.string(), z.array(z.string().min(1))).default({}),
  })
  .strict();

/** Parse a rules file's text. Problems name the file, the field and the fix; nothing throws. */
export function parseRules(text: string, file: string): { rules?: ImportRules; problems: Problem[] } {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (e) {
    return { problems: [{ file, message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}`, fix: 'Correct the YAML syntax; quote patterns in single quotes.' }] };
  }
  const r = rulesSchema.safeParse(data);
  if (r.success) {
    const { extends: base, ...own } = r.data;
    if (!base) return { rules: own as ImportRules, problems: [] };
    const defaults = parseRules(readFileSync(DEFAULT_RULES, 'utf8'), DEFAULT_RULES.pathname);
    if (!defaults.rules) return defaults;
    const d = defaults.rules;
    return {
      rules: {
        boilerplate: [...own.boilerplate, ...d.boilerplate] as ImportRules['boilerplate'],
        outlets: [...own.outlets, ...d.outlets.filter((o) => !own.outlets.some((x) => x.id === o.id))],
        captions: [...own.captions, ...d.captions],
        bylines: [...own.bylines, ...d.bylines],
        languages: { ...d.languages, ...own.languages },
      },
      problems: [],
    };
  }
  return {
    problems: r.error.issues.map((i) => ({
      file,
      field: i.path.join('.') || undefined,
      message: i.message,
      fix: 'See src/lib/import/default-rules.yaml for the shape of each rule, and docs/import.md.',
    })),
  };
}

/**
 * The rules for a content folder: its import-rules.yaml if present, else the built-in defaults.
 * An author's file replaces the defaults wholesale, so what applies is what the file says.
 */
export function loadRules(contentDir: string): { rules?: ImportRules; file: string; problems: Problem[] } {
  const own = join(contentDir, RULES_FILE);
  const path = existsSync(own) ? own : DEFAULT_RULES.pathname;
  const { rules, problems } = parseRules(readFileSync(path, 'utf8'), path);
  return { rules, file: path, problems };
}
