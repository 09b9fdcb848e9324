import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/lib/export/json-chunks.ts';

const whole = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

describe('JSON in pieces, as /dossier.json writes it', () => {
  const shapes: Record<string, unknown> = {
    'a graph of lists': { version: 1, sources: [{ id: 'a', text: 'one\ntwo "quoted" \u2028 Ру́сский عربي', n: [1, 2, { deep: [] }] }, { id: 'b', tags: [], meta: {} }], claims: [], settings: { title: 'T', nested: { x: [null, true, 1.5e-7] } } },
    'values JSON.stringify leaves out or turns to null': { keep: 1, gone: undefined, fn: () => 1, list: [undefined, () => 1, Symbol('s'), 2] },
    'dates and other toJSON': { when: new Date('2017-11-14T12:00:00Z'), list: [new Date(0), { toJSON: () => 'custom' }] },
    'an empty object': {},
    'a top-level list': [{ a: 1 }, [], [[1, 2], { b: [3] }]],
    'a plain value': 'text',
    'numbers as keys': { 10: 'ten', 2: 'two', b: 'bee', a: 'ay' },
  };
  for (const [name, value] of Object.entries(shapes)) {
    it(`gives JSON.stringify's text for ${name}`, () => {
      expect([...jsonChunks(value)].join('')).toBe(whole(value));
    });
  }

  it('writes a list longer than a megabyte in several pieces, each under one string', () => {
    const big = { sources: Array.from({ length: 3000 }, (_, i) => ({ id: `s${i}`, text: 'x'.repeat(1000) })) };
    const chunks = [...jsonChunks(big)];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(whole(big));
  });
});
