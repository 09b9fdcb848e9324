import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { exportDossier } from '../../src/lib/export/graph.ts';
import { exportJsonSchema } from '../../src/lib/export/schema.ts';
import { rebuildFromExport } from '../../src/lib/export/roundtrip.ts';

const DIR = 'tests/fixtures/mini';
const { dossier } = verifyContent(DIR);
const json = () => JSON.parse(JSON.stringify(exportDossier(dossier!)));
const capture = (id: string) => readFileSync(`${DIR}/captures/${id}.txt`, 'utf8');

export function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(exportJsonSchema());
}

describe('dossier export', () => {
  it('validates against its generated JSON Schema', () => {
    const validate = validator();
    expect(validate(json()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is rejected by the schema when a field drifts', () => {
    const validate = validator();
    const bad = json();
    bad.sources[0].published.date = '2nd March';
    bad.claims[0].surprise = true;
    expect(validate(bad)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/sources/0/published/date', '/claims/0']));
  });

  it('holds every verified quote as an excerpt of the exported source text', () => {
    const x = json();
    const text = new Map(x.sources.map((s: { id: string; text: string }) => [s.id, s.text]));
    const all = [...x.claims, ...x.responses].flatMap((c) => c.appearances);
    expect(all.length).toBeGreaterThan(0);
    for (const a of all) {
      const t = text.get(a.source) as string;
      expect(t.slice(a.spans[0].start, a.spans.at(-1).end)).toBe(a.excerpt);
    }
  });

  it('rebuilds the same graph when re-imported', () => {
    const first = json();
    const { dossier: again, problems } = rebuildFromExport(first, capture);
    expect(problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(exportDossier(again!)))).toEqual(first);
  });

  it('refuses a re-import whose quote is no longer in its source', () => {
    const x = json();
    x.claims[0].appearances[0].quote = 'words the source never printed';
    const { dossier: again, problems } = rebuildFromExport(x, capture);
    expect(again).toBeUndefined();
    expect(problems.map((p) => p.message).join('\n')).toContain('words the source never printed');
  });
});
