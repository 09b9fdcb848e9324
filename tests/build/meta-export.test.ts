import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { rebuildFromExport } from '../../src/lib/export/roundtrip.ts';
import { exportDossier } from '../../src/lib/export/graph.ts';
import { siteDir } from '../helpers/site.ts';

const read = (f: string) => JSON.parse(readFileSync(join(siteDir(), f), 'utf8'));

describe('/dossier.json', () => {
  it('validates against the published /dossier.schema.json', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uri', (s: string) => URL.canParse(s));
    const validate = ajv.compile(read('dossier.schema.json'));
    expect(validate(read('dossier.json')), JSON.stringify(validate.errors)).toBe(true);
  });

  it('holds every quote in the exported text of its source', () => {
    const x = read('dossier.json');
    const text = new Map<string, string>(x.sources.map((s: { id: string; text: string }) => [s.id, s.text]));
    const quotes = [...x.claims, ...x.responses].flatMap((c) => c.appearances);
    expect(quotes.length).toBeGreaterThan(0);
    for (const a of quotes) expect(text.get(a.source)!.slice(a.spans[0].start, a.spans.at(-1).end)).toBe(a.excerpt);
  });

  it('re-imports, with the published captures, into the same graph', () => {
    const x = read('dossier.json');
    const { dossier, problems } = rebuildFromExport(x, (_id, path) => readFileSync(join(siteDir(), path), 'utf8'));
    expect(problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(exportDossier(dossier!)))).toEqual(x);
  });

  it('is the graph as JSON.stringify writes it with one space of indent, byte for byte, though it is written in pieces', () => {
    const text = readFileSync(join(siteDir(), 'dossier.json'), 'utf8');
    const { dossier } = rebuildFromExport(JSON.parse(text), (_id, path) => readFileSync(join(siteDir(), path), 'utf8'));
    expect(text).toBe(`${JSON.stringify(exportDossier(dossier!), null, 1)}\n`);
  });
});
