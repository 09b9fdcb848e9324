import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContent } from '../../src/lib/content/read.ts';
import { verifyRaw } from '../../src/lib/content/verify.ts';
import { clearHandoff, storeHandoff, takeHandoff } from '../../src/lib/content/handoff.ts';
import { removeFully } from '../../src/lib/discard.ts';

// The preflight hands its read and its graph to the loaders and getDossier(); it must never hand over a stale one.
describe('preflight hand-off', () => {
  const dirs: string[] = [];
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-'));
    cpSync('tests/fixtures/mini', dir, { recursive: true });
    dirs.push(dir);
    return dir;
  };
  const store = (dir: string, once = false) => {
    const verified = verifyRaw(readContent(dir));
    storeHandoff(dir, verified, undefined, { once });
    return verified;
  };
  const touch = (dir: string) => {
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'sources', 'wire-2020-03-02.md'), later, later);
  };
  afterEach(() => {
    clearHandoff();
    for (const d of dirs.splice(0)) removeFully(d);
  });

  it('gives back the verified graph of an unchanged folder', () => {
    const dir = copy();
    const verified = store(dir);
    expect(verified.dossier).toBeDefined();
    expect(takeHandoff(dir)?.verified.dossier).toBe(verified.dossier);
  });

  it('misses for another folder', () => {
    const dir = copy();
    store(dir);
    expect(takeHandoff(copy())).toBeUndefined();
  });

  it('misses once a source is edited, even at the same size', () => {
    const dir = copy();
    store(dir);
    const file = join(dir, 'sources', 'wire-2020-03-02.md');
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(takeHandoff(dir)).toBeUndefined();
  });

  it('misses once a file is added or grows', () => {
    const dir = copy();
    store(dir);
    writeFileSync(join(dir, 'claims', 'new.yaml'), 'id: new\n');
    expect(takeHandoff(dir)).toBeUndefined();
    store(dir);
    appendFileSync(join(dir, 'outlets.yaml'), '\n');
    expect(takeHandoff(dir)).toBeUndefined();
  });

  // A build checks the folder once, at the first take, and is then built from that one snapshot.
  it('in a build, is checked once: an edit after the first take does not make later takes miss', () => {
    const dir = copy();
    const verified = store(dir, true);
    expect(takeHandoff(dir)?.verified).toBe(verified);
    touch(dir);
    writeFileSync(join(dir, 'claims', 'new.yaml'), 'id: new\n');
    expect(takeHandoff(dir)?.verified).toBe(verified);
    expect(takeHandoff(dir)?.verified).toBe(verified);
  });

  it('in a build, an edit before the first take makes every take miss', () => {
    const dir = copy();
    store(dir, true);
    touch(dir);
    expect(takeHandoff(dir)).toBeUndefined();
    expect(takeHandoff(dir)).toBeUndefined();
  });

  it('in the dev server, is checked at every take', () => {
    const dir = copy();
    store(dir, false);
    expect(takeHandoff(dir)).toBeDefined();
    touch(dir);
    expect(takeHandoff(dir)).toBeUndefined();
  });
});
