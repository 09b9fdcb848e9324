// Every field of every schema gets a fix of its own when it is missing, of the wrong type or empty:
// never a generic "Correct … as described." The test walks the schemas' fields, breaks each one on a
// valid entry of the mini dossier, and reads the fixes the validator gives.
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { readContent, type RawEntry } from '../../src/lib/content/read.ts';
import { describeIssue, validateEntry } from '../../src/lib/content/validate.ts';
import type { Problem } from '../../src/lib/problems.ts';
import {
  actorSchema, claimSchema, contextSchema, dossierSchema, eventSchema, outletSchema, pageSchema, responseSchema, sourceSchema,
} from '../../src/lib/schemas/index.ts';

const GENERIC = /as described|meet the rule above/i;
const raw = readContent('tests/fixtures/mini');

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional(), default(), a refinement or a pipe. */
function unwrap(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while (d.innerType || (d.type === 'pipe' && d.in)) {
    s = (d.innerType ?? d.in)!;
    d = defOf(s);
  }
  return s;
}

/** Every field path of an object schema, down into nested objects and the items of lists of objects. */
function fieldPaths(schema: z.ZodType, prefix: (string | number)[] = []): (string | number)[][] {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'array') {
    const item = unwrap(d.element!);
    return defOf(item).type === 'object' ? fieldPaths(item, [...prefix, 0]) : [];
  }
  if (d.type !== 'object') return [];
  return Object.entries(d.shape!).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
}

function withValue(data: unknown, path: (string | number)[], value: unknown | typeof DELETE): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) {
    if (at[k] == null || typeof at[k] !== 'object') return undefined; // an optional parent the entry lacks
    at = at[k] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

const entry = (e: RawEntry, data: unknown): RawEntry => ({ ...e, data });
const cases: [string, RawEntry, z.ZodType][] = [
  ['dossier', raw.dossier!, dossierSchema],
  ['outlet', raw.lists.outlets[0], outletSchema],
  ['actor', raw.lists.actors[0], actorSchema],
  ['event', raw.lists.events[0], eventSchema],
  ['context', raw.lists.context[0], contextSchema],
  ['source', raw.files.sources.find((s) => s.id === 'wire-2020-03-02')!, sourceSchema],
  ['claim', raw.files.claims[0], claimSchema],
  ['response', raw.files.responses[0], responseSchema],
  ['page', raw.files.pages[0], pageSchema],
];

describe('every schema field has a real fix', () => {
  for (const [name, base, schema] of cases) {
    it(`${name}: each field missing, of the wrong type or empty gets a specific fix`, () => {
      expect(validateEntry(base, schema, [])).toBeDefined(); // the base entry is valid
      const paths = fieldPaths(schema);
      expect(paths.length).toBeGreaterThan(2);
      const offenders: string[] = [];
      for (const path of paths) {
        for (const value of [DELETE, 12345, 'text', '', [], { x: 1 }]) {
          const data = withValue(base.data, path, value);
          if (data === undefined) continue;
          const problems: Problem[] = [];
          validateEntry(entry(base, data), schema, problems);
          for (const p of problems) {
            if (GENERIC.test(p.fix) || p.fix.trim().length < 15) offenders.push(`${path.join('.')} = ${String(value)}: ${p.message} → ${p.fix}`);
          }
        }
      }
      expect(offenders).toEqual([]);
    });
  }

  it('says a missing enum field is missing, and lists the allowed values', () => {
    const base = raw.lists.events[0];
    const problems: Problem[] = [];
    validateEntry(entry(base, withValue(base.data, ['precision'], DELETE)), eventSchema, problems);
    expect(problems).toMatchObject([{ field: 'precision', message: 'is required but missing', fix: 'Add "precision:" with one of: "day", "month", "year".' }]);
  });

  it('gives an issue of a kind it has no words for a fix that still points somewhere, which this test would catch', () => {
    const { fix } = describeIssue({ code: 'not_multiple_of', path: ['order'], message: 'Invalid number: must be a multiple of 2' }, { order: 3 });
    expect(fix).toMatch(GENERIC);
  });
});
