/*
 * JSON.stringify(value, null, 1) and a newline, as pieces of about CHUNK characters, for
 * /dossier.json. At 10,000 sources that file is 93 MB; past about 55,000 it would be longer than
 * the longest string V8 can make (about 512 MB), and JSON.stringify would throw "Invalid string
 * length". The top-level object and its arrays are written here, an element at a time; each
 * element is JSON.stringify's own, indented to its depth, so the text is byte for byte the same.
 */
const CHUNK = 1 << 20;

type Json = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A value as JSON.stringify leaves it before writing it: after its toJSON, if it has one. */
function prepared(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: (k: string) => unknown }).toJSON(key) : v;
}

/** JSON.stringify(v, null, 1) of a value that starts at `depth`: its inner lines moved in by that much. */
function leaf(v: unknown, depth: number): string {
  const text = JSON.stringify(v, null, 1) ?? 'null';
  return depth === 0 ? text : text.replaceAll('\n', `\n${' '.repeat(depth)}`);
}

/** The pieces of one value at `depth`; objects and arrays down to `open` levels are opened here. */
function* pieces(v: unknown, depth: number, open: number): Generator<string> {
  if (open > 0 && Array.isArray(v) && v.length > 0) {
    const inner = ' '.repeat(depth + 1);
    yield '[\n';
    for (let i = 0; i < v.length; i++) {
      const item = prepared(v[i], String(i));
      yield inner;
      if (omitted(item)) yield 'null';
      else yield* pieces(item, depth + 1, open - 1);
      yield i < v.length - 1 ? ',\n' : `\n${' '.repeat(depth)}]`;
    }
    return;
  }
  if (open > 0 && isPlainObject(v)) {
    const entries = Object.entries(v).map(([k, x]) => [k, prepared(x, k)] as const).filter(([, x]) => !omitted(x));
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    const inner = ' '.repeat(depth + 1);
    yield '{\n';
    for (const [i, [k, x]] of entries.entries()) {
      yield `${inner}${JSON.stringify(k)}: `;
      yield* pieces(x, depth + 1, open - 1);
      yield i < entries.length - 1 ? ',\n' : `\n${' '.repeat(depth)}}`;
    }
    return;
  }
  yield leaf(v, depth);
}

/** The text of JSON.stringify(value, null, 1) + "\n", in pieces of about a megabyte. */
export function* jsonChunks(value: unknown): Generator<string> {
  let buffered = '';
  // Two levels: the graph's object and its lists (sources, claims, …); each record is written whole.
  for (const piece of pieces(prepared(value, ''), 0, 2)) {
    buffered += piece;
    if (buffered.length >= CHUNK) {
      yield buffered;
      buffered = '';
    }
  }
  yield `${buffered}\n`;
}
