import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LiveVerifier, stampsOf } from '../../src/lib/content/live.ts';
import { fingerprint } from '../../src/lib/content/handoff.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { removeFully } from '../../src/lib/discard.ts';

const dir = miniCopy('tests/.out', 'live-verify');
afterAll(() => removeFully(dir));

/** A save: new bytes and a modification time later than any before, as an editor leaves them. */
let clock = Date.now() / 1000;
const save = (rel: string, edit: (text: string) => string) => {
  const file = join(dir, rel);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  clock += 10;
  utimesSync(file, clock, clock);
};
const problemsOf = (v: { problems: { file: string; field?: string; message: string }[] }) => v.problems.map((p) => `${p.file.split('/').slice(-2).join('/')} ${p.field ?? ''} ${p.message}`);

describe('the dev server’s verifier (LiveVerifier)', () => {
  const live = new LiveVerifier(dir);

  it('verifies like the full verifier, and reads again only the files that changed', () => {
    const first = live.verify();
    expect(first.problems).toEqual([]);
    expect(live.reread).toBeGreaterThan(10);
    save('sources/wire-2020-03-02.md', (t) => t.replace(/^summary: .*$/m, 'summary: A new summary.'));
    const again = live.verify();
    expect(live.reread).toBe(1);
    expect(again.dossier!.sources.get('wire-2020-03-02')!.summary).toBe('A new summary.');
    expect(again.dossier!.claims.get('river-rising')!.appearances.map((a) => a.excerpt)).toEqual(verifyContent(dir).dossier!.claims.get('river-rising')!.appearances.map((a) => a.excerpt));
  });

  it('reports a misquote saved into a claim as the full verifier does, and clears it at the next good save', () => {
    save('claims/river-rising.yaml', (t) => t.replace('the river is rising fast … nobody', 'the river is rising slowly … nobody'));
    const broken = live.verify();
    expect(broken.dossier).toBeUndefined();
    expect(problemsOf(broken)).toEqual(problemsOf(verifyContent(dir)));
    expect(problemsOf(broken)[0]).toContain('claims/river-rising.yaml appearances.0.quote quote "the river is rising slowly');
    save('claims/river-rising.yaml', (t) => t.replace('rising slowly', 'rising fast'));
    expect(live.verify().problems).toEqual([]);
  });

  it('checks a source against its capture again when the capture changes, though the source did not', () => {
    save('captures/wire-2020-03-02.txt', (t) => t.replace('nobody is helping', 'nobody is listening'));
    const broken = live.verify();
    expect(live.reread).toBe(1);
    const messages = problemsOf(broken).join('\n');
    expect(messages).toContain('hash mismatch');
    expect(messages).toContain('is not verbatim in the capture');
    expect(problemsOf(broken)).toEqual(problemsOf(verifyContent(dir)));
    save('captures/wire-2020-03-02.txt', (t) => t.replace('nobody is listening', 'nobody is helping'));
    expect(live.verify().problems).toEqual([]);
  });

  it('sees a deleted file as gone', () => {
    const kept = readFileSync(join(dir, 'responses', 'agency-silent.yaml'));
    rmSync(join(dir, 'responses', 'agency-silent.yaml'));
    expect(live.verify().dossier!.responses.size).toBe(0);
    writeFileSync(join(dir, 'responses', 'agency-silent.yaml'), kept);
    expect(live.verify().dossier!.responses.size).toBe(1);
  });

  it('reads stamps from the hand-off fingerprint', () => {
    const stamps = stampsOf(fingerprint(dir));
    expect(stamps.get(join(dir, 'dossier.yaml'))).toMatch(/^\d+\t[\d.]+$/);
    expect(stamps.size).toBeGreaterThan(10);
  });
});
