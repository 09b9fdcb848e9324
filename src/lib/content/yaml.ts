import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';

export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the node at a path inside the document, or of the nearest parent that exists. */
  lineOf: (path: (string | number)[]) => number | undefined;
  errors: { line?: number; message: string }[];
}

export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // Only the first error: later ones are almost always knock-on effects of it.
  const errors = doc.errors.slice(0, 1).map((e) => ({
    line: e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + lineOffset : undefined,
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }));
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      const start = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
      if (start !== undefined) return lineCounter.linePos(start).line + lineOffset;
    }
    return undefined;
  };
  return { data: errors.length ? undefined : doc.toJS(), lineOf, errors };
}

export { isMap, isSeq };
