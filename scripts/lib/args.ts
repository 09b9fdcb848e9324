/**
 * The command line every npm script shares: `--content <folder>` and `--out <folder>`, with
 * DOSSIER_CONTENT and DOSSIER_OUT_DIR as the fallback. Astro ignores flags it does not know, so
 * without this a mistyped flag silently built the engine's own dossier; here an unknown flag,
 * a missing folder, a folder that is not a dossier or one that cannot be written is refused
 * with the path and the fix, before anything is created or changed.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export class UsageError extends Error {}

export interface CommandSpec {
  /** The npm script's name, for messages: "build", "check"… */
  name: string;
  /** Flags without a value that the command takes, passed on in `rest`. */
  switches?: string[];
  /** Flags with a value that the command takes, passed on in `rest`. */
  valued?: string[];
  /** Whether bare arguments (files to import) are allowed. */
  positionals?: boolean;
  /** What the command writes: the output folder, the dossier folder itself, or nothing. */
  writes: 'out' | 'content' | 'nothing';
}

export interface Target {
  content: string;
  out: string;
  /** Every argument that was not --content or --out, in order, for the command itself. */
  rest: string[];
  positionals: string[];
}

/** The engine's own dossier, used when neither --content nor DOSSIER_CONTENT names another. */
export const ENGINE_CONTENT = 'src/content';

/** Where a relative path on the command line is taken from: the folder npm was run in, not the project root it moves to. */
export const callerDir = (): string => process.env.INIT_CWD || process.cwd();

/** Split argv into --content/--out and the command's own arguments; refuse any flag the command does not know. */
export function parseArgs(argv: string[], spec: CommandSpec): { content?: string; out?: string; rest: string[]; positionals: string[] } {
  const rest: string[] = [];
  const positionals: string[] = [];
  let content: string | undefined;
  let out: string | undefined;
  const usage = usageOf(spec);
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a folder or value after it.\n${usage}`);
      return v;
    };
    if (flag === '--content') content = value();
    else if (flag === '--out') out = value();
    else if (spec.valued?.includes(flag)) rest.push(flag, value());
    else if (spec.switches?.includes(flag) && inline === undefined) rest.push(flag);
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${raw}".\n${usage}`);
    else if (spec.positionals) {
      rest.push(raw);
      positionals.push(raw);
    } else throw new UsageError(`unexpected argument "${raw}" (to name a dossier folder, write --content ${raw}).\n${usage}`);
  }
  return { content, out, rest, positionals };
}

export function usageOf(spec: CommandSpec): string {
  const extra = [...(spec.valued ?? []).map((f) => `[${f} …]`), ...(spec.switches ?? []).map((f) => `[${f}]`)].join(' ');
  const files = spec.positionals ? ' <file or folder>…' : '';
  const out = spec.writes === 'out' ? ' [--out <folder>]' : '';
  return `usage: npm run ${spec.name} --${files} [--content <dossier folder>]${out}${extra ? ` ${extra}` : ''}`;
}

/** The nearest folder that exists at or above `path`, or the path of a file standing in the way. */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/**
 * Refuse a folder that cannot be written, before anything is made: a path that runs through a
 * regular file, or a folder the user may not write to. (Root passes any mode-bit check, so for root
 * only the first can fail; a read-only file system still answers EROFS.)
 */
export function assertWritable(path: string, what: string): void {
  const existing = nearestExisting(path);
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(`${what} ${path} cannot be written: ${existing} is a file, not a folder.\nFix: choose a folder path that does not run through a file.`);
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UsageError(`${what} ${path} cannot be written: ${existing} is not writable by this user.\nFix: choose a folder you can write to, or change its permissions.`);
  }
}

/** Refuse a dossier folder that does not exist or holds no dossier.yaml. */
export function assertDossier(dir: string): void {
  if (!existsSync(dir)) {
    throw new UsageError(`the dossier folder ${dir} does not exist.\nFix: check the path, or start a dossier there with: npm run new -- ${dir}`);
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`the dossier folder ${dir} is a file, not a folder.\nFix: give --content the folder that holds dossier.yaml.`);
  if (!existsSync(join(dir, 'dossier.yaml'))) {
    throw new UsageError(`${dir} is not a dossier: it has no dossier.yaml.\nFix: give --content the folder that holds dossier.yaml, or start a dossier there with: npm run new -- ${dir} (into an empty or new folder).`);
  }
}

/**
 * The dossier folder and output folder of this run: the flags, then DOSSIER_CONTENT/DOSSIER_OUT_DIR
 * (relative to the project root, as before), then src/content and dist/. An outside dossier builds
 * into its own dist/, never into the engine's.
 */
export function resolveTarget(argv: string[], spec: CommandSpec, root = process.cwd()): Target {
  const { content, out, rest, positionals } = parseArgs(argv, spec);
  if (out !== undefined && spec.writes !== 'out') throw new UsageError(`--out has no effect here: this command writes no site.\n${usageOf(spec)}`);
  const dir = content !== undefined ? resolve(callerDir(), content) : resolve(root, process.env.DOSSIER_CONTENT || ENGINE_CONTENT);
  const engine = dir === resolve(root, ENGINE_CONTENT);
  const outDir = out !== undefined ? resolve(callerDir(), out)
    : process.env.DOSSIER_OUT_DIR ? resolve(root, process.env.DOSSIER_OUT_DIR)
    : engine ? resolve(root, 'dist') : join(dir, 'dist');
  assertDossier(dir);
  if (spec.writes === 'out') assertWritable(outDir, 'the output folder');
  if (spec.writes === 'content') assertWritable(dir, 'the dossier folder');
  return { content: dir, out: outDir, rest, positionals };
}

/** Point the engine at the target: every reader of the content and output folders goes through these. */
export function exportTarget(t: Target): void {
  process.env.DOSSIER_CONTENT = t.content;
  process.env.DOSSIER_OUT_DIR = t.out;
}

/** The one line each command prints first, so nobody builds the wrong dossier without seeing it. */
export function announce(spec: CommandSpec, t: Target, root = process.cwd()): void {
  const show = (p: string) => (p.startsWith(`${root}/`) ? relative(root, p) : p);
  const writes = spec.writes === 'out' ? `, writing ${show(t.out)}` : spec.writes === 'content' ? ', writing into it' : '';
  process.stderr.write(`dossier: reading ${show(t.content)}${writes}\n`);
}

/** Parse, check, export and announce; on a refusal print the message (no stack trace) and exit 2. */
export function commandTarget(spec: CommandSpec, argv = process.argv.slice(2)): Target {
  try {
    const t = resolveTarget(argv, spec);
    exportTarget(t);
    announce(spec, t);
    return t;
  } catch (e) {
    refuse(spec.name, e);
  }
}

export function refuse(name: string, e: unknown): never {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`npm run ${name}: ${e.message}\nNothing was created or changed.\n`);
  process.exit(2);
}
