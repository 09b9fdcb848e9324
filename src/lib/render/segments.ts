import type { Block } from '../content/body.ts';
import type { Passage } from '../graph/types.ts';

export interface Segment {
  text: string;
  /** Passages covering this text. */
  marks: Passage[];
  /** Passages that begin here: their anchors go on this segment. */
  starts: Passage[];
  /** Passages that end here: their back-links follow this segment. */
  ends: Passage[];
}

/**
 * Cut one block of a source into segments so that overlapping quote passages can be marked
 * without nesting: each segment knows which passages cover, start and end in it.
 */
export function segmentBlock(block: Block, passages: Passage[]): Segment[] {
  const inBlock = passages
    .filter((p) => p.start < block.end && p.end > block.start)
    .map((p) => ({ p, start: Math.max(p.start, block.start) - block.start, end: Math.min(p.end, block.end) - block.start }));
  const cuts = new Set([0, block.text.length]);
  for (const x of inBlock) {
    cuts.add(x.start);
    cuts.add(x.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a === b) continue;
    segments.push({
      text: block.text.slice(a, b),
      marks: inBlock.filter((x) => x.start <= a && x.end >= b).map((x) => x.p),
      starts: inBlock.filter((x) => x.start === a && x.p.first && x.p.start >= block.start).map((x) => x.p),
      ends: inBlock.filter((x) => x.end === b && x.p.last && x.p.end <= block.end).map((x) => x.p),
    });
  }
  return segments;
}
