import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_PAGES, verifyContent } from '../../src/lib/content/verify.ts';
import { withBuildLock } from '../helpers/build-lock.ts';
import { expectEngineUnchanged } from '../helpers/engine-state.ts';
import { leaks } from '../helpers/leaks.ts';

/**
 * `npm run new`, then, with nothing else done, the commands an author runs next on the new folder:
 * each says which folder it reads, and works. (`npm start` right after `new` is run by
 * tests/build/tutorial.test.ts, which serves it.)
 */
const work = mkdtempSync(join(tmpdir(), 'new-dossier-'));
const dossier = join(work, 'my dossier'); // a space, as in many real folder names
const env = { ...process.env, DOSSIER_CONTENT: '', DOSSIER_OUT_DIR: '', INIT_CWD: '', DOSSIER_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};
/** Not a timed assertion: the room a build (or two, and a printing) needs on a loaded machine before Vitest gives up. */
const BUILD_TIME = 1_200_000;
const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

let made: ReturnType<typeof run>;
expectEngineUnchanged('a new dossier and its builds live outside the engine');
beforeAll(() => {
  made = run(['scripts/new.ts', dossier, '--title', 'Ferry timetables: a test']);
});

describe('npm run new', () => {
  it('makes a dossier that verifies as it is, with the required pages and the named title', () => {
    expect(made.status, made.out).toBe(0);
    expect(made.out).toContain(`dossier: created ${dossier}`);
    expect(made.out).toMatch(/npm start -- --content "/); // the next commands, with the path quoted
    const { dossier: d, problems } = verifyContent(dossier);
    expect(problems).toEqual([]);
    expect(d!.settings.title).toBe('Ferry timetables: a test');
    expect(d!.settings.edition).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const page of REQUIRED_PAGES) expect(d!.pages.has(page), page).toBe(true);
    expect([d!.sources.size, d!.claims.size, d!.responses.size]).toEqual([1, 1, 1]);
    for (const list of ['outlets', 'actors', 'events', 'context']) expect(existsSync(join(dossier, `${list}.yaml`))).toBe(true);
    expect(readFileSync(join(dossier, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
    expect(existsSync(join(dossier, 'captures', 'README.md'))).toBe(true);
    expect(existsSync(join(dossier, 'gitignore'))).toBe(false);
    // Nothing beside it but the dossier itself (and the cache this test points elsewhere): no temporary folder left.
    expect(readdirSync(work)).toEqual(['my dossier']);
  });

  it('names nothing of the first dossier', () => {
    const found = files(dossier).flatMap((f) => leaks(readFileSync(f, 'utf8')).map((l) => `${f}: ${l}`));
    expect(found).toEqual([]);
  });
});

describe('right after npm run new, each command works on the folder and says which one it reads', () => {
  it('npm run check', () => {
    const r = run(['scripts/check.ts', '--content', dossier]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`dossier: reading ${dossier}\n`);
    expect(r.out).toContain('Dossier verified: 1 source, 1 claim, 1 response');
  });

  it('npm run pdf builds it into its own dist/, prints it and names that folder', () => {
    const r = withBuildLock(() => run(['scripts/pdf.ts', '--content', dossier]));
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`dossier: reading ${dossier}, writing ${join(dossier, 'dist')}`);
    expect(r.out).toMatch(/Building the site \(.*my dossier\/dist has no print edition yet\)/);
    const text = execFileSync('pdftotext', [join(dossier, 'dist', 'dossier.pdf'), '-']).toString('utf8');
    expect(text).toContain('Ferry timetables: a test');
    expect(text).toContain('will open to walkers and cyclists in the first week of May');
    expect(leaks(text)).toEqual([]);
    // A new dossier has no later reporting yet: the timeline shows no heading over an empty list.
    const timeline = readFileSync(join(dossier, 'dist', 'timeline', 'index.html'), 'utf8');
    expect(timeline).toContain('id="tl-events"');
    expect(timeline).not.toContain('id="tl-context"');
    // The site and the kept PDF stay out of the dossier's own git.
    execFileSync('git', ['init', '-q'], { cwd: dossier });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dossier, encoding: 'utf8' });
    expect(status).toContain('dossier.yaml');
    expect(status).not.toMatch(/dist\/|\.dossier\//);
  }, BUILD_TIME);

  it('a custom --out inside a git working tree is kept out of git without changing a tracked file', () => {
    // The dossier folder is a git repository now (the test before): build into a folder of it that its .gitignore does not name.
    const r = withBuildLock(() => run(['scripts/astro.ts', 'build', '--content', dossier, '--out', join(dossier, 'site')]));
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`writing ${join(dossier, 'site')}`);
    expect(existsSync(join(dossier, 'site', 'index.html'))).toBe(true);
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dossier, encoding: 'utf8' });
    expect(status).not.toMatch(/site\//);
    // The build left the dossier's own .gitignore as `new` wrote it.
    expect(readFileSync(join(dossier, '.gitignore'), 'utf8')).toBe(readFileSync('templates/dossier/gitignore', 'utf8'));
  }, BUILD_TIME);

  it('npm run import adds a capture and its draft', () => {
    const capture = resolve('examples/tutorial/wend-valley-radio-footbridge.txt');
    const r = run(['scripts/import.ts', '--content', dossier, capture]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`dossier: reading ${dossier}, writing into it`);
    expect(r.out).toMatch(/1 imported/);
    expect(readFileSync(join(dossier, 'captures', 'wend-valley-radio-2025-03-06.txt')).equals(readFileSync(capture))).toBe(true);
  });
});
