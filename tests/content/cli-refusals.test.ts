import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, resolveTarget, UsageError } from '../../scripts/lib/args.ts';
import { expectEngineUnchanged } from '../helpers/engine-state.ts';

// Fixtures: tests/fixtures/cli/README.md.
const CLI = resolve('tests/fixtures/cli');
const NOT_A_DOSSIER = join(CLI, 'not-a-dossier');
const NON_EMPTY = join(CLI, 'non-empty');
const A_FILE = join(CLI, 'a-file');
const EXAMPLE = resolve('examples/harbour-fire');

/** Every path under a folder with its size and mtime: "nothing was created or changed" is this, unchanged. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return ['(absent)'];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
    const p = join(e.parentPath, e.name);
    const s = statSync(p);
    return `${p} ${s.size} ${s.mtimeMs}`;
  }).sort();
}

/** Run one npm script's entry point as npm does (project Node, project root), with no content variables set. */
function run(script: string, args: string[], opts: SpawnSyncOptions = {}) {
  const env = { ...process.env, FORCE_COLOR: '0' };
  delete env.DOSSIER_CONTENT;
  delete env.DOSSIER_OUT_DIR;
  delete env.INIT_CWD;
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env, ...opts });
  return { status: r.status, stderr: String(r.stderr), stdout: String(r.stdout) };
}

/** A refusal: exit 2, the path and a fix named, no stack trace, and "nothing was created or changed". */
function expectRefusal(r: ReturnType<typeof run>, path: string, fix: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(path);
  expect(r.stderr).toMatch(fix);
  expect(r.stderr).toMatch(/Nothing was created or changed/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/Error:/);
}

let work: string;
expectEngineUnchanged('none of the refusals may leave anything in the engine folder either');
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cli-refusals-'));
});

describe('--content refuses what is not a dossier, before anything is written', () => {
  it('a folder that does not exist, with the hint to create it', () => {
    const missing = join(work, 'no-such-dossier');
    for (const script of ['scripts/check.ts', 'scripts/pdf.ts']) {
      expectRefusal(run(script, ['--content', missing]), missing, /Fix: .*npm run new -- /);
    }
    expectRefusal(run('scripts/astro.ts', ['build', '--content', missing]), missing, /npm run new -- /);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(missing, 'dist'))).toBe(false);
  });

  it('a folder without dossier.yaml, with a hint to run npm run new', () => {
    const before = tree(NOT_A_DOSSIER);
    for (const [script, args] of [['scripts/astro.ts', ['build']], ['scripts/astro.ts', ['start']], ['scripts/check.ts', []], ['scripts/import.ts', ['x.txt']]] as const) {
      const r = run(script, [...args, '--content', NOT_A_DOSSIER]);
      expectRefusal(r, NOT_A_DOSSIER, /has no dossier\.yaml[\s\S]*npm run new/);
    }
    expect(tree(NOT_A_DOSSIER)).toEqual(before);
  });

  it('an output folder that runs through a regular file (cannot be written, even by root)', () => {
    const out = join(A_FILE, 'site');
    const r = run('scripts/astro.ts', ['build', '--content', EXAMPLE, '--out', out]);
    expectRefusal(r, out, /is a file, not a folder[\s\S]*Fix: /);
    expect(statSync(A_FILE).isFile()).toBe(true);
  });

  it('an unknown or mistyped flag, which Astro itself would ignore', () => {
    for (const [script, args] of [
      ['scripts/astro.ts', ['build', '--contnet', EXAMPLE]],
      ['scripts/astro.ts', ['dev', '--content', EXAMPLE, '--verbose']],
      ['scripts/astro.ts', ['preview', '--outdir', 'x']],
      ['scripts/check.ts', ['--content', EXAMPLE, '--fix']],
      ['scripts/pdf.ts', ['--legal']],
      ['scripts/import.ts', ['--content', EXAMPLE, '--dry-run', 'x.txt']],
    ] as const) {
      const r = run(script, [...args]);
      expect(r.status, `${script} ${args.join(' ')}`).toBe(2);
      expect(r.stderr).toMatch(/unknown option "--[a-z-]+"/);
      expect(r.stderr).toMatch(/usage: npm run /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // A bare folder name is not silently taken for something else either.
    expect(run('scripts/astro.ts', ['build', EXAMPLE]).stderr).toMatch(/write --content/);
    expect(existsSync(join(EXAMPLE, 'dist-never'))).toBe(false);
  });
});

describe('npm run new refuses a folder it must not fill', () => {
  it('a folder that is not empty, and leaves it as it was', () => {
    const before = tree(NON_EMPTY);
    expectRefusal(run('scripts/new.ts', [NON_EMPTY]), NON_EMPTY, /is not empty[\s\S]*Fix: choose a new folder/);
    expect(tree(NON_EMPTY)).toEqual(before);
    expect(readFileSync(join(NON_EMPTY, 'keep.txt'), 'utf8')).toMatch(/must not overwrite/);
  });

  it('a path under a regular file', () => {
    const target = join(A_FILE, 'my-dossier');
    expectRefusal(run('scripts/new.ts', [target]), target, /is a file, not a folder/);
    expect(statSync(A_FILE).isFile()).toBe(true);
  });

  it('a folder the user may not write to (as root, the test runs it as the unprivileged user "nobody", since root passes any mode-bit check)', () => {
    const root = join(work, 'readonly-parent');
    mkdirSync(root);
    chmodSync(work, 0o755); // mkdtemp made it 0700, which "nobody" could not even enter
    chmodSync(root, 0o555);
    const target = join(root, 'my-dossier');
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = run('scripts/new.ts', [target], asUser);
    expectRefusal(r, target, /is not writable by this user[\s\S]*Fix: /);
    expect(readdirSync(root)).toEqual([]);
  });

  it('an unknown flag, a missing folder, and --content (new takes the folder itself)', () => {
    const target = join(work, 'never-made');
    expect(run('scripts/new.ts', [target, '--titel', 'x']).stderr).toMatch(/unknown option "--titel"/);
    expect(run('scripts/new.ts', []).stderr).toMatch(/give exactly one folder[\s\S]*usage: npm run new -- <folder>/);
    expect(run('scripts/new.ts', ['--content', target]).stderr).toMatch(/takes the new folder as its argument/);
    expect(existsSync(target)).toBe(false);
  });
});

describe('the shared command line', () => {
  const spec = { name: 'build', writes: 'out' as const };

  it('takes --content and --out, also written with "="', () => {
    expect(parseArgs(['--content', 'a', '--out=b'], spec)).toMatchObject({ content: 'a', out: 'b', rest: [] });
    expect(() => parseArgs(['--content'], spec)).toThrow(UsageError);
    expect(() => parseArgs(['--content', '--out', 'b'], spec)).toThrow(/--content needs a folder/);
  });

  it('falls back to DOSSIER_CONTENT and DOSSIER_OUT_DIR, and sends an outside dossier to its own dist/', () => {
    const saved = { c: process.env.DOSSIER_CONTENT, o: process.env.DOSSIER_OUT_DIR };
    try {
      delete process.env.DOSSIER_OUT_DIR;
      process.env.DOSSIER_CONTENT = 'examples/harbour-fire';
      expect(resolveTarget([], spec)).toMatchObject({ content: EXAMPLE, out: join(EXAMPLE, 'dist') });
      process.env.DOSSIER_OUT_DIR = join(work, 'site');
      expect(resolveTarget([], spec).out).toBe(join(work, 'site'));
      // The flag wins over the variable.
      expect(resolveTarget(['--content', 'tests/fixtures/mini'], spec).content).toBe(resolve('tests/fixtures/mini'));
      delete process.env.DOSSIER_CONTENT;
      delete process.env.DOSSIER_OUT_DIR;
      expect(resolveTarget([], spec)).toMatchObject({ content: resolve('src/content'), out: resolve('dist') });
    } finally {
      for (const [k, v] of [['DOSSIER_CONTENT', saved.c], ['DOSSIER_OUT_DIR', saved.o]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('refuses --out on a command that writes no site', () => {
    expect(() => resolveTarget(['--out', 'x'], { name: 'check', writes: 'nothing' })).toThrow(/writes no site/);
  });
});
