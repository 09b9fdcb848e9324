import { formatProblems, type Problem } from '../problems.ts';

/** Print problems for a terminal, without any stack trace. */
export function reportProblems(problems: Problem[], out: (s: string) => void = (s) => process.stderr.write(s)): void {
  out(`\n${formatProblems(problems)}\n\nNothing was built; the last good site (if any) is untouched.\n`);
}
