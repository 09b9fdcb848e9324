// The dev server's verifier on a dossier with a web capture: a save elsewhere neither hashes the
// archive nor derives its text again; a changed archive is read again and judged as a build would.
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveVerifier } from '../../src/lib/content/live.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { runImport, web } from '../helpers/web.ts';
import { removeFully } from '../../src/lib/discard.ts';

const dir = miniCopy('tests/.out', 'live-web');
afterAll(() => removeFully(dir));
const ID = 'the-coastal-courier-2017-11-14';
const archive = join(dir, 'captures', `${ID}.warc.gz`);

let clock = Date.now() / 1000;
const touch = (file: string) => {
  clock += 10;
  utimesSync(file, clock, clock);
};
const problemsOf = (v: { problems: { file: string; message: string }[] }) => v.problems.map((p) => `${p.file.split('/').slice(-2).join('/')} ${p.message}`);

describe('the dev server’s verifier with a web capture', () => {
  it('imports the capture', () => {
    const r = runImport(['--content', dir, '--create-outlets', web('harbour.warc.gz')]);
    expect(r.status, r.stderr).toBe(0);
  });

  const live = new LiveVerifier(dir);

  it('reads the archive once, and not again for a save of another file', () => {
    expect(live.verify().problems).toEqual([]);
    const source = join(dir, 'sources', 'wire-2020-03-02.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace(/^summary: .*$/m, 'summary: Saved again.'));
    touch(source);
    const again = live.verify();
    expect(again.problems).toEqual([]);
    expect(live.reread).toBe(1);
    expect(again.dossier!.sources.get(ID)!.web?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('reads it again when it changes, and reports a tampered archive as the full verifier does', () => {
    touch(archive);
    expect(live.verify().problems).toEqual([]);
    expect(live.reread).toBe(1);
    copyFileSync(web('bad-tampered.warc.gz'), archive);
    touch(archive);
    const broken = live.verify();
    expect(live.reread).toBe(1);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(problemsOf(broken)).toEqual(problemsOf(verifyContent(dir)));
  });
});
