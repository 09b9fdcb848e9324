import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/lib/content/body.ts';
import { segmentBlock } from '../../src/lib/render/segments.ts';
import type { Passage } from '../../src/lib/graph/types.ts';

describe('parseBody', () => {
  it('splits blocks, reads markers and keeps the words untouched', () => {
    const { blocks, text } = parseBody('First para.\n\n## A cross-head\n\n[caption] A photo\u00a0caption\n\nLast\u00a0para.\n', 5);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'caption', 'paragraph']);
    expect(blocks[2].text).toBe('A photo\u00a0caption');
    expect(blocks[3].line).toBe(11);
    expect(text.slice(blocks[3].start, blocks[3].end)).toBe('Last\u00a0para.');
  });
});

describe('segmentBlock', () => {
  const p = (start: number, end: number, anchor: string, first = true, last = true): Passage =>
    ({ start, end, anchor, kind: 'claim', id: anchor, how: 'direct', first, last });
  it('cuts overlapping passages into flat segments', () => {
    const { blocks } = parseBody('abcdefghij');
    const segs = segmentBlock(blocks[0], [p(2, 6, 'x'), p(4, 8, 'y')]);
    expect(segs.map((s) => s.text)).toEqual(['ab', 'cd', 'ef', 'gh', 'ij']);
    expect(segs[2].marks.map((m) => m.anchor)).toEqual(['x', 'y']);
    expect(segs[1].starts.map((m) => m.anchor)).toEqual(['x']);
    expect(segs[3].ends.map((m) => m.anchor)).toEqual(['y']);
  });
  it('puts the anchor on the first part of an elided quote and the link after the last', () => {
    const { blocks } = parseBody('abcdefghij');
    const segs = segmentBlock(blocks[0], [p(0, 2, 'x', true, false), p(6, 8, 'x', false, true)]);
    expect(segs.flatMap((s) => s.starts).length).toBe(1);
    expect(segs.flatMap((s) => s.ends).length).toBe(1);
    expect(segs.find((s) => s.ends.length)?.text).toBe('gh');
  });
});
