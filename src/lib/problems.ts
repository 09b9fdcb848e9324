/** One thing wrong with the dossier's content, phrased for its author. */
export interface Problem {
  /** Path relative to the project root, e.g. src/content/sources/dw-2017-11-14.md */
  file: string;
  line?: number;
  /** Dotted path of the field, e.g. appearances.2.quote */
  field?: string;
  message: string;
  fix: string;
}

/** Thrown (never with a stack shown to the author) when the dossier does not verify. */
export class DossierError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'DossierError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` (field "${p.field}")` : '';
  return `${where}${field}\n    ${p.message}\n    Fix: ${p.fix}`;
}

export function formatProblems(problems: Problem[]): string {
  const n = problems.length;
  const head = `The dossier does not verify: ${n} problem${n === 1 ? '' : 's'} found.`;
  return [head, ...problems.map((p, i) => `${i + 1}. ${formatProblem(p)}`)].join('\n\n');
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
