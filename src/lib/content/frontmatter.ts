/** Split a Markdown/MDX file into its YAML frontmatter and body. */
export interface Split {
  frontmatter: string | undefined;
  body: string;
  /** Line (1-based) on which the body starts. */
  bodyLine: number;
}

export function splitFrontmatter(text: string): Split {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) return { frontmatter: undefined, body: src, bodyLine: 1 };
  const bodyLine = m[0].split('\n').length;
  return { frontmatter: m[1], body: src.slice(m[0].length), bodyLine };
}
