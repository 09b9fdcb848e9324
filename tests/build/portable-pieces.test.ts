import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portablePageBytes } from '../../src/lib/portable/page-bytes.ts';
import { htmlPages, siteDir } from '../helpers/site.ts';

// A page longer than a string can be (the print page of 100,000 sources) is made fit for file:// in
// pieces. Every page of the test build, cut into pieces of a few hundred bytes, must come out as whole.
describe('the portable edition of a page read in pieces', () => {
  it('is byte for byte the page read whole, with the same problems, for every built page', () => {
    const has = (file: string) => existsSync(join(siteDir(), file));
    const pages = htmlPages().map((p) => p.replace(/^\//, ''));
    expect(pages).toContain('print/index.html');
    for (const page of pages) {
      const bytes = readFileSync(join(siteDir(), page));
      const whole = portablePageBytes(bytes, page, has);
      const pieces = portablePageBytes(bytes, page, has, 300);
      expect(Buffer.from(pieces.bytes).equals(Buffer.from(whole.bytes)), page).toBe(true);
      expect(pieces.problems, page).toEqual(whole.problems);
    }
  });
});
