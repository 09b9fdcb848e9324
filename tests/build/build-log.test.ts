import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';

// The build that every build and browser test reads (tests/setup/build-site.ts), as an author sees it.
const { dossier } = verifyContent('src/content');
const log = () => stripVTControlCharacters(readFileSync(inject('buildLog'), 'utf8'));

describe('the build log of the real dossier', () => {
  it('reports the verified dossier and the published site', () => {
    expect(log()).toContain(`[dossier:verify] verified ${dossier!.sources.size} sources, ${dossier!.claims.size} claims, ${dossier!.responses.size} responses`);
    expect(log()).toMatch(/\[dossier:atomic-output\] published /);
  });

  it('has no warnings or errors, so that a new one stands out', () => {
    const flagged = log().split('\n').filter((line) => /\[(WARN|ERROR)\]|\bwarning\b/i.test(line));
    expect(flagged).toEqual([]);
  });
});
