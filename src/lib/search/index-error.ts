/** A step of indexing that failed: what went wrong, and what the author can do. */
export class SearchIndexError extends Error {
  readonly problems: string[];
  readonly fix: string;
  constructor(problems: string[], fix = 'check the HTML named above, then run the build again.') {
    super(problems.join('\n'));
    this.problems = problems;
    this.fix = fix;
  }
}
