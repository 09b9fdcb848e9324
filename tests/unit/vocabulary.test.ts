import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { DEFAULT_EVENT_KINDS } from '../../src/lib/content/vocabulary.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();
const copy = () => {
  const d = miniCopy('tests/.out', 'vocab');
  made.push(d);
  return d;
};

describe("the dossier's own vocabulary", () => {
  it('has neutral default event kinds, which a fire or a council meeting fits', () => {
    expect(DEFAULT_EVENT_KINDS).toEqual(expect.arrayContaining(['statement', 'report', 'response', 'incident', 'meeting', 'decision']));
  });

  it('takes an event kind the dossier declares, and its list replaces the defaults', () => {
    const d = copy();
    appendFileSync(join(d, 'dossier.yaml'), 'vocabulary:\n  eventKinds: [fire, inspection]\n');
    const events = join(d, 'events.yaml');
    const before = verifyContent(d).problems;
    expect(before.map((p) => [p.field, p.message])).toEqual([['kind', expect.stringContaining('"statement", which is not one of the event kinds declared in')]]);
    writeFileSync(events, readFileSync(events, 'utf8').replace('kind: statement', 'kind: fire'));
    expect(verifyContent(d).problems).toEqual([]);
  });

  it('leaves actor roles free text unless the dossier declares them', () => {
    const d = copy();
    expect(verifyContent(d).problems).toEqual([]);
    appendFileSync(join(d, 'dossier.yaml'), 'vocabulary:\n  actorRoles: [government ministry, relief agency]\n');
    expect(verifyContent(d).problems).toEqual([]);
  });

  it('refuses an unknown vocabulary list in dossier.yaml, naming the field', () => {
    const d = copy();
    appendFileSync(join(d, 'dossier.yaml'), 'vocabulary:\n  eventTypes: [fire]\n');
    expect(verifyContent(d).problems).toMatchObject([{ field: 'vocabulary', message: 'has unknown field "eventTypes"' }]);
  });
});

describe('the response kind for an answer only the claimant reports', () => {
  it('is reported-by-claimant, and the older name reported-by-accuser still counts as the same', async () => {
    const { responseSchema } = await import('../../src/lib/schemas/responses.ts');
    const { VIA_CLAIMANT } = await import('../../src/lib/analysis/support.ts');
    const { en } = await import('../../src/lib/i18n/messages/en.ts');
    const base = { responder: 'a', respondsTo: ['c'], channel: 'x', summary: 's', appearances: [{ source: 's', quote: 'q', how: 'reported' }] };
    for (const kind of ['reported-by-claimant', 'reported-by-accuser'] as const) {
      expect(responseSchema.safeParse({ ...base, kind }).success).toBe(true);
      expect(VIA_CLAIMANT.has(kind)).toBe(true);
      expect(en[`responseKind.${kind}`]).toBe('reported only by the claimant');
    }
  });
});

describe('docs/authoring.md on the vocabulary', () => {
  const doc = readFileSync('docs/authoring.md', 'utf8');
  it('shows an example that dossier.yaml accepts', async () => {
    const { parse } = await import('yaml');
    const { dossierSchema } = await import('../../src/lib/schemas/dossier.ts');
    const example = /```yaml\n(vocabulary:[\s\S]*?)```/.exec(doc)![1];
    const settings = parse(readFileSync('tests/fixtures/mini/dossier.yaml', 'utf8'));
    expect(dossierSchema.safeParse({ ...settings, ...parse(example) }).success).toBe(true);
  });
  it('lists the default event kinds the engine uses', () => {
    const row = doc.split('\n').find((l) => l.startsWith('| `eventKinds` |'))!;
    expect([...row.split('|')[3].matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual([...DEFAULT_EVENT_KINDS]);
  });
});
