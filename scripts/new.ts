/**
 * npm run new -- <folder> [--title "…"]: a new dossier folder from templates/dossier/, with one worked
 * example (source, claim, response) that verifies as it is. It refuses a folder that is not empty or
 * cannot be written, before anything is made; the folder is filled beside its place and moved in
 * whole, so an interrupted run leaves no half-made dossier.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { assertWritable, callerDir, parseArgs, refuse, UsageError, type CommandSpec } from './lib/args.ts';

const TEMPLATE = resolve('templates/dossier');
const SPEC: CommandSpec = { name: 'new', writes: 'content', positionals: true, valued: ['--title'] };

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const yamlString = (s: string) => JSON.stringify(s);

function settings(title: string): Record<string, string> {
  return {
    title: yamlString(title),
    subtitle: yamlString('A dossier of captured articles and their claims'),
    description: yamlString(`${title}: the captured articles, the claims they carry and the responses to them.`),
    editors: yamlString('Your Name'),
    editor: yamlString('Your Name'),
    today: new Date().toISOString().slice(0, 10),
    about: yamlString('Say here, in a few plain sentences, what this dossier is about and what it sets out to show. This dossier starts with a worked example about a fictional footbridge; delete it when you add your own sources.'),
  };
}

function target(argv: string[]): { dir: string; typed: string; title: string } {
  const { content, out, rest, positionals } = parseArgs(argv, SPEC);
  if (content !== undefined || out !== undefined) throw new UsageError(`npm run new takes the new folder as its argument, not --content or --out.\nusage: npm run new -- <folder> [--title "…"]`);
  if (positionals.length !== 1) throw new UsageError(`give exactly one folder to create the dossier in.\nusage: npm run new -- <folder> [--title "…"]`);
  const dir = resolve(callerDir(), positionals[0]);
  const at = rest.indexOf('--title');
  const title = at >= 0 ? rest[at + 1].trim() : 'My dossier';
  if (!title) throw new UsageError('--title needs some text.');
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file, not a folder.\nFix: choose a new folder name for the dossier.`);
    if (readdirSync(dir).length > 0) throw new UsageError(`${dir} is not empty, and a new dossier is only made in an empty or new folder.\nFix: choose a new folder name (npm run new -- <new folder>), or empty this folder first.`);
  }
  assertWritable(dir, 'the folder');
  // The dossier is filled in beside its place and renamed in: the parent must be writable too.
  assertWritable(dirname(dir), 'the parent folder of');
  return { dir, typed: positionals[0], title };
}

function fill(dir: string, title: string): void {
  cpSync(TEMPLATE, dir, { recursive: true });
  // Kept as "gitignore" in the engine, where a real .gitignore would apply to the template itself.
  renameSync(join(dir, 'gitignore'), join(dir, '.gitignore'));
  const file = join(dir, 'dossier.yaml');
  const values = settings(title);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? `{{${k}}}`));
}

try {
  const { dir, typed, title } = target(process.argv.slice(2));
  const temp = join(dirname(dir), `.${basename(dir)}.new-${process.pid}`);
  try {
    fill(temp, title);
    if (existsSync(dir)) rmdirSync(dir); // empty, checked above
    renameSync(temp, dir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  const arg = (p: string) => (/[\s"'$]/.test(p) ? JSON.stringify(p) : p);
  // As the author typed it where the next npm command runs from the same folder (the project's); else in full.
  const shown = arg(callerDir() === process.cwd() ? typed : dir);
  process.stderr.write(`dossier: created ${dir}
It holds one worked example (a fictional footbridge) that verifies as it is; delete it when you add your own.
Next:
  npm run check -- --content ${shown}     verify it
  npm start -- --content ${shown}         build it into ${join(dir, 'dist')} and serve it
  npm run import -- --content ${shown} <capture.txt>   add a captured article
See docs/tutorial.md.
`);
} catch (e) {
  refuse('new', e);
}
