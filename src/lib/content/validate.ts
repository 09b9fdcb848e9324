import type { z } from 'astro/zod';
import type { Problem } from '../problems.ts';
import type { RawEntry } from './read.ts';

type Path = (string | number)[];

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  expected?: string;
}

/** Specific fixes for the schema's own messages; anything else gets a generic fix. */
const FIXES: [RegExp, string][] = [
  [/^must be an ISO date/, 'Write the date in quotes as "2017-11-14" (day), "2017-11" (month) or "2017" (year).'],
  [/^is not a real calendar date/, 'Check the month (01-12) and the day (it must exist in that month).'],
  [/^must be a lower-case slug/, 'Use lower-case letters, digits and single hyphens, e.g. "dw-2017-11-14".'],
  [/^must be an http\(s\) URL/, 'Give the full address starting with https:// or http://, or leave the field out.'],
  [/^must be "direct"/, 'Use direct, paraphrase or reported.'],
  [/^is not a valid BCP 47 language tag/, 'Write a tag such as "en", "fr", "ar" or "pt-BR": a language, then an optional region, joined by a hyphen (docs/languages.md).'],
  [/^needs a "quote"/, 'Add quote: "<words copied from the capture>" or context: <context id>.'],
];

/** Turn one Zod issue into a message and a fix an author can act on. */
export function describeIssue(issue: Issue, data: unknown): Pick<Problem, 'message' | 'fix'> {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as Path;
  const name = path.length ? String(path[path.length - 1]) : 'entry';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    return {
      message: `has unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      fix: 'Remove the field or correct its spelling (see the schema in src/lib/schemas/).',
    };
  }
  if (path.length && valueAt(data, path) === undefined && issue.code === 'invalid_type') {
    return { message: `is required but missing`, fix: `Add "${name}:" with a value to this entry.` };
  }
  if (issue.code === 'invalid_value' && issue.values) {
    return {
      message: `${issue.message.startsWith('must') ? issue.message : 'has a value that is not allowed'}`,
      fix: `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`,
    };
  }
  const shown = JSON.stringify(valueAt(data, path));
  const message = issue.message.replace(/^Invalid input: /, '');
  const specific = FIXES.find(([re]) => re.test(message))?.[1];
  return {
    message: `${/^(must|is|needs|has)\b/.test(message) ? message : `is invalid: ${message}`}${shown && shown.length < 80 ? ` (got ${shown})` : ''}`,
    fix: specific ?? (issue.code === 'invalid_type' && issue.expected
      ? `Give "${name}" a value of type ${issue.expected}.`
      : `Correct "${name}" as described.`),
  };
}

/** Validate a raw entry against its schema, collecting every issue as a problem. */
export function validateEntry<S extends z.ZodType>(entry: RawEntry, schema: S, problems: Problem[]): z.infer<S> | undefined {
  const result = schema.safeParse(entry.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues as unknown as Issue[]) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    problems.push({
      file: entry.file,
      line: entry.lineOf(path) ?? entry.line,
      field: path.length ? path.join('.') : undefined,
      ...describeIssue(issue, entry.data),
    });
  }
  return undefined;
}
