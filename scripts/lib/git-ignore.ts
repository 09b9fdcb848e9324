/**
 * A site built into a folder that a git working tree does not ignore would show up as untracked
 * noise (in the engine's repository, or in the author's dossier repository). Such a folder is
 * added to that repository's own exclude list (.git/info/exclude), which is local and never
 * committed, so no tracked file changes. Without git, or outside a repository, nothing happens.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

function git(cwd: string, args: string[]): string | undefined {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Returns the exclude line it added, or undefined when git already ignores the folder (or there is no git). */
export function keepOutOfGit(out: string): string | undefined {
  if (!existsSync(out)) return undefined;
  const top = git(out, ['rev-parse', '--show-toplevel']);
  if (!top) return undefined;
  const rel = relative(top, out);
  if (rel === '' || rel.startsWith('..')) return undefined;
  // check-ignore exits 0 when the path is ignored already (by .gitignore or the exclude file).
  if (spawnSync('git', ['check-ignore', '-q', `${rel}/`], { cwd: top }).status === 0) return undefined;
  const exclude = git(top, ['rev-parse', '--git-path', 'info/exclude']);
  if (!exclude) return undefined;
  const file = resolve(top, exclude);
  const line = `/${rel.split('\\').join('/')}/`;
  mkdirSync(dirname(file), { recursive: true });
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  appendFileSync(file, `${before === '' || before.endsWith('\n') ? '' : '\n'}# built site (npm run build --out)\n${line}\n`);
  return line;
}
