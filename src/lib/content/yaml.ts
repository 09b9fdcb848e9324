import jsyaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';

export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the node at a path inside the document, or of the nearest parent that exists. */
  lineOf: (path: (string | number)[]) => number | undefined;
  errors: { line?: number; message: string }[];
}

/*
 * Two parsers, one reading. js-yaml (YAML 1.2 core schema: no timestamps, so dates stay text;
 * duplicate keys refused) reads the data about eight times faster than `yaml`, which matters at
 * thousands of sources: 0.5 s of every 1,000-source build went to `yaml`. But only `yaml` keeps
 * where each node stands, so it reads the text again whenever that is needed: for the message and
 * line of a syntax error, and for the line of a problem found later (lineOf). A valid dossier
 * never pays for it. tests/unit/yaml.test.ts holds the two to the same data and the same refusals.
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  let doc: Document | undefined;
  let lineCounter: LineCounter | undefined;
  const located = (): Document => {
    if (!doc) {
      lineCounter = new LineCounter();
      doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
    }
    return doc;
  };
  const lineOf = (path: (string | number)[]) => {
    const d = located();
    for (let n = path.length; n >= 0; n--) {
      const node = d.getIn(path.slice(0, n), true) as Node | undefined;
      const start = node && typeof node === 'object' && 'range' in node ? node.range?.[0] : undefined;
      if (start !== undefined) return lineCounter!.linePos(start).line + lineOffset;
    }
    return undefined;
  };

  let refusal: { mark?: { line?: number }; reason?: string; message: string };
  try {
    return { data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }), lineOf, errors: [] };
  } catch (e) {
    refusal = e as typeof refusal;
  }
  // Refused: `yaml` says why and where, in the words authors have always seen. Only its first
  // error: later ones are almost always knock-on effects of it.
  const errors = located().errors.slice(0, 1).map((e) => ({
    line: e.linePos?.[0]?.line !== undefined ? e.linePos[0].line + lineOffset : undefined,
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }));
  // Should `yaml` find nothing wrong where js-yaml did, the text is still refused, with js-yaml's reason.
  if (!errors.length) {
    const line = refusal.mark?.line;
    errors.push({ line: line !== undefined ? line + 1 + lineOffset : undefined, message: refusal.reason ?? refusal.message.split('\n')[0] });
  }
  return { data: undefined, lineOf, errors };
}

export { isMap, isSeq };
