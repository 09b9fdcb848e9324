import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Problem } from '../problems.ts';
import { sha256 } from '../hash.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseYaml } from './yaml.ts';
import type { Capture } from '../schemas/captures.ts';
import { readWebCaptures, type WebMemo } from '../capture/web/read.ts';

/** A file as problems name it: relative to the project, or in full for a dossier folder outside it ("../../../home/…" helps nobody). */
export function shownPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

/** The file layout of a dossier's content folder. Another dossier keeps the same shape. */
export const LAYOUT = {
  dossier: 'dossier.yaml',
  outlets: 'outlets.yaml',
  actors: 'actors.yaml',
  events: 'events.yaml',
  context: 'context.yaml',
  captures: 'captures',
  sources: 'sources',
  claims: 'claims',
  responses: 'responses',
  pages: 'pages',
} as const;

export type ListCollection = 'outlets' | 'actors' | 'events' | 'context';
export type FileCollection = 'sources' | 'claims' | 'responses' | 'pages';

/** An entry as read from disk, before its schema is applied. */
export interface RawEntry {
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  /** Line at which the entry starts, for list files. */
  line?: number;
  data: unknown;
  body?: string;
  bodyLine?: number;
  lineOf: (path: (string | number)[]) => number | undefined;
  /** The file could not be parsed; its problem is already reported, and its id still counts as present. */
  unreadable?: boolean;
}

export interface RawCapture {
  id: string;
  file: string;
  bytes: number;
  sha256: string;
  text: string;
  /** A web capture (WARC, WACZ, HTML): `text` is derived from it (src/lib/capture/web/read.ts). */
  web?: Capture['web'];
}

export interface RawContent {
  dir: string;
  /** The content folder as messages name it: relative to the current directory ("." for itself). */
  folder: string;
  dossier?: RawEntry;
  lists: Record<ListCollection, RawEntry[]>;
  files: Record<FileCollection, RawEntry[]>;
  captures: RawCapture[];
  problems: Problem[];
}

const noLine = () => undefined;

export { sha256 };

/**
 * True if a capture's text has CRLF line endings and, with LF endings, has the recorded hash: the
 * bytes were converted on the way (git's autocrlf on Windows, an editor), not changed.
 */
export function crlfConverted(text: string, recorded: string): boolean {
  return text.includes('\r\n') && sha256(text.replace(/\r\n/g, '\n')) === recorded;
}

/** Read one capture file. Its id is its file name without ".txt". */
export function readCapture(path: string, root: string): RawCapture {
  const bytes = readFileSync(path);
  return {
    id: basename(path, '.txt'),
    file: shownPath(root, path),
    bytes: bytes.length,
    sha256: sha256(bytes),
    text: bytes.toString('utf8'),
  };
}

function listDir(dir: string, ext: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ext.includes(extname(f)) && !f.startsWith('.') && !f.startsWith('_'))
    .sort()
    .map((f) => join(dir, f));
}

function yamlProblem(file: string, line: number | undefined, message: string): Problem {
  return {
    file,
    line,
    message: `is not valid YAML: ${message}`,
    fix: 'Correct the YAML syntax at that line (check indentation, colons and quoting; quote any text containing ": " or "#").',
  };
}

/** A YAML file holding a list of entries, each with an `id`. */
export function readListFile(path: string, root: string, problems: Problem[]): RawEntry[] {
  const file = shownPath(root, path);
  if (!existsSync(path)) {
    problems.push({ file, message: 'is missing', fix: `Create ${file} holding a YAML list of entries (it may be an empty list: []).` });
    return [];
  }
  const parsed = parseYaml(readFileSync(path, 'utf8'));
  if (parsed.errors.length) {
    for (const e of parsed.errors) problems.push(yamlProblem(file, e.line, e.message));
    return [];
  }
  if (parsed.data == null) return [];
  if (!Array.isArray(parsed.data)) {
    problems.push({ file, line: 1, message: 'must be a YAML list of entries', fix: 'Start each entry with "- id: ..." at the left margin.' });
    return [];
  }
  return parsed.data.map((data, i) => {
    const id = data && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string' ? (data as { id: string }).id : `#${i + 1}`;
    return { id, file, line: parsed.lineOf([i]), data, lineOf: (p) => parsed.lineOf([i, ...p]) };
  });
}

function unreadable(path: string, file: string): RawEntry {
  return { id: basename(path, extname(path)), file, data: undefined, lineOf: noLine, unreadable: true };
}

/** A YAML file holding one entry; its id is the file name. */
export function readEntryFile(path: string, root: string, problems: Problem[]): RawEntry | undefined {
  const file = shownPath(root, path);
  const parsed = parseYaml(readFileSync(path, 'utf8'));
  if (parsed.errors.length) {
    for (const e of parsed.errors) problems.push(yamlProblem(file, e.line, e.message));
    return unreadable(path, file);
  }
  return { id: basename(path, extname(path)), file, data: parsed.data ?? {}, lineOf: parsed.lineOf };
}

/** A Markdown or MDX file: YAML frontmatter plus a body; its id is the file name. */
export function readDocumentFile(path: string, root: string, problems: Problem[]): RawEntry | undefined {
  const file = shownPath(root, path);
  const split = splitFrontmatter(readFileSync(path, 'utf8'));
  if (split.frontmatter === undefined) {
    problems.push({
      file,
      line: 1,
      message: 'has no frontmatter block',
      fix: 'Start the file with a line "---", the YAML fields, and another line "---" before the text.',
    });
    return unreadable(path, file);
  }
  const parsed = parseYaml(split.frontmatter, 1);
  if (parsed.errors.length) {
    for (const e of parsed.errors) problems.push(yamlProblem(file, e.line, e.message));
    return unreadable(path, file);
  }
  return {
    id: basename(path, extname(path)),
    file,
    // A copy: the parser's strings are slices of the whole file, which they would keep in memory.
    data: structuredClone(parsed.data ?? {}),
    body: split.body,
    bodyLine: split.bodyLine,
    lineOf: parsed.lineOf,
  };
}

/**
 * How readContent reads one file: `read` reads it and adds its problems to the list given. The
 * dev server's verifier (src/lib/content/live.ts) passes one that skips files unchanged since.
 */
export type FileMemo = <T>(path: string, problems: Problem[], read: (problems: Problem[]) => T) => T;

const readNow: FileMemo = (_path, problems, read) => read(problems);

/** Read a whole content folder. Parse failures become problems; nothing throws. */
export function readContent(dir: string, root = process.cwd(), memo: FileMemo = readNow, webMemo?: WebMemo): RawContent {
  const problems: Problem[] = [];
  const at = (name: string) => join(dir, name);
  let dossier: RawEntry | undefined;
  if (existsSync(at(LAYOUT.dossier))) dossier = memo(at(LAYOUT.dossier), problems, (ps) => readEntryFile(at(LAYOUT.dossier), root, ps));
  else problems.push({ file: shownPath(root, at(LAYOUT.dossier)), message: 'is missing', fix: 'Create dossier.yaml with the dossier settings (see docs/authoring.md).' });
  if (dossier) dossier.id = 'dossier';

  const list = (name: ListCollection) => memo(at(LAYOUT[name]), problems, (ps) => readListFile(at(LAYOUT[name]), root, ps));
  const lists = { outlets: list('outlets'), actors: list('actors'), events: list('events'), context: list('context') };
  const docs = (name: string, ext: string[]) =>
    listDir(at(name), ext)
      .map((p) => memo(p, problems, (ps) => (ext.includes('.yaml') ? readEntryFile(p, root, ps) : readDocumentFile(p, root, ps))))
      .filter((e): e is RawEntry => e !== undefined);
  const files = {
    sources: docs(LAYOUT.sources, ['.md']),
    claims: docs(LAYOUT.claims, ['.yaml', '.yml']),
    responses: docs(LAYOUT.responses, ['.yaml', '.yml']),
    pages: docs(LAYOUT.pages, ['.mdx']),
  };
  const captures = [...listDir(at(LAYOUT.captures), ['.txt']).map((p) => memo(p, problems, () => readCapture(p, root))), ...readWebCaptures(at(LAYOUT.captures), root, files.sources, problems, webMemo)];
  return { dir, folder: relative(root, resolve(root, dir)) || '.', dossier, lists, files, captures, problems };
}

export { noLine };
