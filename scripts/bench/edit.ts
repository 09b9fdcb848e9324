// The edit of `npm run bench -- --incremental` and of the incremental-build test: an author's
// edit to one source's body that keeps the dossier valid. A body's blocks must each be a passage
// of the capture (docs/architecture.md), so the edit changes their order: the first two blocks
// swap places. Nothing else in the file changes; doing it twice gives the file back.
import { readFileSync, writeFileSync } from 'node:fs';

export function swapFirstBlocks(markdown: string): string {
  const end = markdown.indexOf('\n---', 3);
  if (!markdown.startsWith('---') || end < 0) throw new Error('a source file starts with a frontmatter block between --- lines');
  const head = markdown.slice(0, end + 4);
  const body = markdown.slice(end + 4);
  const blocks = body.trim().split(/\n\s*\n/);
  if (blocks.length < 2) throw new Error('the source body has fewer than two blocks to swap');
  [blocks[0], blocks[1]] = [blocks[1], blocks[0]];
  const lead = body.match(/^\s*/)![0];
  const trail = body.match(/\s*$/)![0];
  return `${head}${lead}${blocks.join('\n\n')}${trail}`;
}

/** Edits one source file in place. */
export function editSource(file: string): void {
  writeFileSync(file, swapFirstBlocks(readFileSync(file, 'utf8')));
}
