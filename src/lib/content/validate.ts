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
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

/** Fixes for the schema's own messages, which say what is wrong in words of their own. */
const FIXES: [RegExp, string][] = [
  [/^must be an ISO date/, 'Write the date in quotes as "2025-03-05" (day), "2025-03" (month) or "2025" (year).'],
  [/^must be a date written as text/, 'Write the date in quotes as "2025-03-05" (day), "2025-03" (month) or "2025" (year), so YAML keeps it as text.'],
  [/^is not a real calendar date/, 'Check the month (01-12) and the day (it must exist in that month).'],
  [/^must be a lower-case slug/, 'Use lower-case letters, digits and single hyphens, e.g. "outlet-2025-03-05".'],
  [/^must be an id/, 'Write the id as text: lower-case letters, digits and single hyphens.'],
  [/^must be a (?:lower-case )?word/, 'Use a word of the dossier\'s vocabulary in lower case, e.g. "incident" or "site-visit"; docs/authoring.md lists the event kinds and how to declare your own.'],
  [/^must be an http\(s\) URL/, 'Give the full address starting with https:// or http://, or leave the field out.'],
  [/^must be "direct"/, 'Use direct, paraphrase or reported.'],
  [/^needs a "quote"/, 'Add quote: "<words copied from the capture>" or context: <context id>.'],
  [/SHA-256/, 'Record the capture file\'s hash: run sha256sum on captures/<id>.txt and copy the 64 hex characters.'],
  [/^must explain what the evidence shows/, 'Add note: "<what the quote or context entry shows>".'],
];

/** What goes in a list field, for the fix of an empty or missing list. */
const LIST_ITEMS: Record<string, string> = {
  evidence: '{quote: "<words copied from the capture>", note: "<what it shows>"} or {context: <context id>, note: "<what it shows>"}',
  appearances: '{source: <source id>, quote: "<words copied from the source>", how: direct | paraphrase | reported}',
  respondsTo: 'the id of each claim it answers',
  editors: 'one name per editor',
  about: 'a paragraph of text for the home page',
};

/** How a value of each type is written in YAML, for a wrong-type fix. */
const TYPE_WORDS: Record<string, string> = {
  array: 'a list (written [a, b], or one "- " item per line)',
  string: 'text (in quotes if it holds ": " or "#")',
  number: 'a number',
  object: 'a group of fields (each indented under it)',
  boolean: 'true or false',
};

const allowed = (values: unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** Turn one Zod issue into a message and a fix an author can act on; every issue gets a fix of its own. */
export function describeIssue(issue: Issue, data: unknown): Pick<Problem, 'message' | 'fix'> {
  const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as Path;
  const name = path.length ? String(path[path.length - 1]) : 'entry';
  const value = valueAt(data, path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys ?? [];
    return {
      message: `has unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
      fix: 'Remove the field or correct its spelling (see the schema in src/lib/schemas/ and docs/authoring.md).',
    };
  }
  if (path.length && value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    if (issue.values) return { message: 'is required but missing', fix: `Add "${name}:" with one of: ${allowed(issue.values)}.` };
    const what = LIST_ITEMS[name] ? `a list of ${LIST_ITEMS[name]}` : TYPE_WORDS[issue.expected ?? ''] ?? 'a value';
    return { message: 'is required but missing', fix: `Add "${name}:" with ${what} to this entry.` };
  }
  if (issue.code === 'invalid_value' && issue.values) {
    return {
      message: issue.message.startsWith('must') ? issue.message : `has the value ${JSON.stringify(value)}, which is not allowed`,
      fix: `Use one of: ${allowed(issue.values)}.`,
    };
  }
  const shown = JSON.stringify(value);
  const message = issue.message.replace(/^Invalid input: /, '');
  const text = `${/^(must|is|needs|has)\b/.test(message) ? message : `is invalid: ${message}`}${shown && shown.length < 80 ? ` (got ${shown})` : ''}`;
  const specific = FIXES.find(([re]) => re.test(message))?.[1];
  if (specific) return { message: text, fix: specific };
  if (issue.code === 'invalid_type') return { message: text, fix: `Give "${name}" ${TYPE_WORDS[issue.expected ?? ''] ?? `a value of type ${issue.expected}`}.` };
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    const more = issue.code === 'too_small' ? 'at least' : 'at most';
    if (issue.origin === 'array') return { message: text, fix: `List ${more} ${n} item${n === 1 ? '' : 's'} under "${name}"${LIST_ITEMS[name] ? `: ${LIST_ITEMS[name]}` : ''}.` };
    if (issue.origin === 'string') return { message: text, fix: n <= 1 && issue.code === 'too_small' ? `Write the ${name} as text; it may not be empty.` : `Write "${name}" with ${more} ${n} characters.` };
    return { message: text, fix: `Use a value of ${more} ${n} for "${name}".` };
  }
  return { message: text, fix: `Make "${name}" meet the rule above; docs/authoring.md describes the field and src/lib/schemas/ defines it.` };
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
