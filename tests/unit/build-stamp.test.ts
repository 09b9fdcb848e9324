import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputStamp, outputState, readRecord, recordFile, whyBuild, writeRecord, type StampPlaces } from '../../scripts/lib/build-stamp.ts';
import { removeFully } from '../../src/lib/discard.ts';

let work = '';
afterEach(() => removeFully(work));

/** A project with an engine file, a dossier beside it, and an output folder inside the dossier. */
function project(): StampPlaces {
  work = mkdtempSync(join(tmpdir(), 'stamp-'));
  const root = join(work, 'engine');
  const content = join(work, 'dossier');
  for (const d of [join(root, 'src/lib'), join(root, 'src/content'), join(content, 'sources'), join(content, 'dist')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/content/dossier.yaml'), 'title: the engine’s own\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  writeFileSync(join(content, 'dossier.yaml'), 'title: mine\n');
  writeFileSync(join(content, 'sources/one.md'), 'One.\n');
  writeFileSync(join(content, 'dist/index.html'), '<p>built</p>\n');
  return { root, content, out: join(content, 'dist'), env: { DOSSIER_OUT_DIR: join(content, 'dist'), PATH: '/bin' } };
}

describe('the build stamp', () => {
  it('stays the same when nothing changed, and the output counts for nothing', () => {
    const p = project();
    const first = inputStamp(p);
    writeFileSync(join(p.out, 'index.html'), '<p>built again</p>\n');
    expect(inputStamp(p)).toBe(first);
    // Settings outside DOSSIER_* (PATH) are not inputs.
    expect(inputStamp({ ...p, env: { ...p.env, PATH: '/usr/bin' } })).toBe(first);
    // The engine's own dossier is not read when another is built.
    writeFileSync(join(p.root, 'src/content/dossier.yaml'), 'title: changed\n');
    expect(inputStamp(p)).toBe(first);
  });

  it('changes with a byte of the dossier, a new file, an engine file, the lock file or a DOSSIER_* setting', () => {
    const p = project();
    const first = inputStamp(p);
    const changed = (edit: () => void, undo: () => void) => {
      edit();
      const s = inputStamp(p);
      undo();
      expect(inputStamp(p)).toBe(first);
      return s;
    };
    expect(changed(() => writeFileSync(join(p.content, 'sources/one.md'), 'One!\n'), () => writeFileSync(join(p.content, 'sources/one.md'), 'One.\n'))).not.toBe(first);
    expect(changed(() => writeFileSync(join(p.content, 'sources/two.md'), ''), () => rmSync(join(p.content, 'sources/two.md')))).not.toBe(first);
    expect(changed(() => writeFileSync(join(p.root, 'src/lib/a.ts'), 'export const a = 2;\n'), () => writeFileSync(join(p.root, 'src/lib/a.ts'), 'export const a = 1;\n'))).not.toBe(first);
    expect(changed(() => writeFileSync(join(p.root, 'package-lock.json'), '{"v":2}\n'), () => writeFileSync(join(p.root, 'package-lock.json'), '{}\n'))).not.toBe(first);
    expect(inputStamp({ ...p, env: { ...p.env, DOSSIER_PORTABLE: '0' } })).not.toBe(first);
  });

  it('asks for a build without a record, after an input changed, or when the output was touched', () => {
    const p = project();
    const inputs = inputStamp(p);
    const file = recordFile(join(work, 'cache'), p.out);
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBe('no earlier build is recorded');
    writeRecord(file, { inputs, outputs: outputState(p.out), builtAt: '2026-12-07T00:00:00.000Z' });
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBeUndefined();
    expect(whyBuild(readRecord(file), 'other', () => outputState(p.out))).toBe('an input changed');
    // Without a record, or with other inputs, the output is not looked at (a stat of every file).
    const notAsked = () => { throw new Error('the output state was taken'); };
    expect(whyBuild(undefined, inputs, notAsked)).toBe('no earlier build is recorded');
    expect(whyBuild(readRecord(file), 'other', notAsked)).toBe('an input changed');
    utimesSync(join(p.out, 'index.html'), new Date(0), new Date(0));
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBe('the output was changed since');
    writeRecord(file, { inputs, outputs: outputState(p.out), builtAt: '2026-12-07T00:00:00.000Z' });
    writeFileSync(join(work, 'dossier', 'dossier-portable.zip'), 'zip');
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBe('the output was changed since');
    rmSync(p.out, { recursive: true });
    rmSync(join(work, 'dossier', 'dossier-portable.zip'));
    writeRecord(file, { inputs, outputs: outputState(p.out), builtAt: '2026-12-07T00:00:00.000Z' });
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBe('the last build left no output');
  });

  it("takes an older engine's record, which listed every output file, for no record", () => {
    const p = project();
    const inputs = inputStamp(p);
    const file = recordFile(join(work, 'cache'), p.out);
    mkdirSync(join(work, 'cache'), { recursive: true });
    writeFileSync(file, JSON.stringify({ inputs, outputs: { [join(p.out, 'index.html')]: '5 1' }, builtAt: '2026-12-07T00:00:00.000Z' }));
    expect(whyBuild(readRecord(file), inputs, () => outputState(p.out))).toBe('no earlier build is recorded');
  });
});
