// `npm run build` a second time with nothing changed verifies the dossier and keeps the output the
// first build wrote (scripts/lib/build-stamp.ts); any change to an input or to the output builds
// again. What a skipped build keeps is what a build would write: tests/build/incremental-build.test.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editSource } from '../../scripts/bench/edit.ts';
import { withBuildLock } from '../helpers/build-lock.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

/** The wrapper's build, as `npm run build -- --content <dir>` runs it. */
function build(content: string, ...flags: string[]) {
  const env = { ...process.env, DOSSIER_CONTENT: '', DOSSIER_OUT_DIR: '', INIT_CWD: '', DOSSIER_CACHE_DIR: `${content}-cache`, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
  const r = withBuildLock(() => spawnSync(process.execPath, ['scripts/astro.ts', 'build', '--content', content, ...flags], { encoding: 'utf8', env }));
  const out = `${r.stdout}${r.stderr}`;
  return { status: r.status, out, astro: /Complete!/.test(out) };
}

/** Every output file with its modification time: a build that ran rewrites them all. */
const state = (dir: string) =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).map((f) => [relative(dir, f), statSync(f).mtimeMs]));

describe('a build with nothing changed', () => {
  it('verifies, keeps the last output as it is, and builds again after any change', { timeout: 600_000 }, () => {
    const content = miniCopy();
    made.push(content, `${content}-cache`);
    const out = join(content, 'dist');

    const first = build(content);
    expect(first.status, first.out).toBe(0);
    expect(first.astro).toBe(true);
    const built = state(out);

    const again = build(content);
    expect(again.status, again.out).toBe(0);
    expect(again.astro, again.out).toBe(false);
    expect(again.out).toMatch(/verified \d+ sources, every quote verbatim; nothing changed since the build of /);
    expect(state(out)).toEqual(built);

    // An author's edit: a full build, and the page shows it.
    const source = join(content, 'sources', 'wire-2020-03-02.md');
    const page = join(out, 'sources', 'wire-2020-03-02', 'index.html');
    const before = readFileSync(page, 'utf8');
    editSource(source);
    const edited = build(content);
    expect(edited.astro, edited.out).toBe(true);
    expect(readFileSync(page, 'utf8')).not.toBe(before);

    // A file of the output changed by hand: built again, and put back.
    writeFileSync(page, 'changed by hand');
    const mended = build(content);
    expect(mended.astro, mended.out).toBe(true);
    expect(readFileSync(page, 'utf8')).not.toBe('changed by hand');

    // --force builds whatever the stamp says.
    const forced = build(content, '--force');
    expect(forced.astro, forced.out).toBe(true);
  });

  it('still refuses a dossier that does not verify, whatever the last build was', { timeout: 600_000 }, () => {
    const content = miniCopy();
    made.push(content, `${content}-cache`);
    expect(build(content).status).toBe(0);
    // A capture changed under its source: an input changed, so the build runs, and the verifier in it refuses.
    const capture = join(content, 'captures', readdirSync(join(content, 'captures')).find((f) => f.endsWith('.txt'))!);
    const original = readFileSync(capture, 'utf8');
    writeFileSync(capture, 'Replaced by something that holds none of the quotes.\n');
    const broken = build(content);
    expect(broken.status).not.toBe(0);
    expect(broken.out).not.toMatch(/nothing changed since/);
    expect(broken.out).toMatch(/captures\//);
    // The capture put back: the inputs are the first build's again, but a failed build vouches for no output.
    writeFileSync(capture, original);
    const after = build(content);
    expect(after.status, after.out).toBe(0);
    expect(after.astro, after.out).toBe(true);
  });
});
