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
  const blocks: Block[] = [];
  let text = '';
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
    if (text) text += BLOCK_SEPARATOR;
    blocks.push({ kind, text: content, start: text.length, end: text.length + content.length, line: bufLine });
    text += content;
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
  return { blocks, text };
}
