import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { brokenCopy, faults, MINI } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

describe('bad input is refused with a clear message', () => {
  it('starts from a fixture that verifies', () => {
    expect(verifyContent(MINI).problems).toEqual([]);
  });

  it('has at least 20 broken dossiers', () => {
    expect(faults().length).toBeGreaterThanOrEqual(20);
  });

  for (const fault of faults()) {
    it(`${fault.name}: ${fault.about}`, () => {
      const dir = brokenCopy(fault);
      made.push(dir);
      const { dossier, problems } = verifyContent(dir);
      expect(dossier).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
      const report = formatProblems(problems);
      for (const line of fault.expect) expect(report).toContain(line);
      // Every problem names a file and says how to fix it.
      for (const p of problems) {
        expect(p.file).toMatch(/\S/);
        expect(p.fix).toMatch(/\S/);
      }
    });
  }
});
