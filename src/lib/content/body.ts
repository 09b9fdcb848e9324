/** A block of a source's cleaned text. */
export interface Block {
  kind: 'paragraph' | 'heading' | 'caption';
  text: string;
  /** Offsets of `text` within the source's joined text. */
  start: number;
  end: number;
  /** Line in the source file, for messages. */
  line: number;
}

export const BLOCK_SEPARATOR = '\n\n';
const MARKERS: [Block['kind'], string][] = [
  ['heading', '## '],
  ['caption', '[caption] '],
];

/**
 * Parse a cleaned body: blocks separated by blank lines; "## " marks a cross-head and
 * "[caption] " a photo caption. Markers are stripped; the text itself is never altered
 * beyond trimming, so each block can be checked verbatim against the capture.
 */
export function parseBody(body: string, firstLine = 1): { blocks: Block[]; text: string } {
  const found: Omit<Block, 'text' | 'start' | 'end'>[] = [];
  const contents: string[] = [];
  const lines = body.split('\n');
  let buf: string[] = [];
  let bufLine = firstLine;
  const flush = () => {
    const raw = buf.join('\n').trim();
    buf = [];
    if (!raw) return;
    let kind: Block['kind'] = 'paragraph';
    let content = raw;
    for (const [k, marker] of MARKERS) {
      if (raw.startsWith(marker)) {
        kind = k;
        content = raw.slice(marker.length).trim();
      }
    }
    found.push({ kind, line: bufLine });
    contents.push(content);
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      flush();
      bufLine = firstLine + i + 1;
    } else {
      if (buf.length === 0) bufLine = firstLine + i;
      buf.push(line);
    }
  });
  flush();
  // One flat string, and each block a slice of it: slices of the file would keep every source
  // file whole in memory for the build's life (117 MB at 10,000 sources; docs/performance.md).
  const text = contents.join(BLOCK_SEPARATOR);
  let start = 0;
  const blocks = found.map((b, i) => {
    const end = start + contents[i].length;
    const block: Block = { ...b, text: text.slice(start, end), start, end };
    start = end + BLOCK_SEPARATOR.length;
    return block;
  });
  return { blocks, text };
}
