import { describe, expect, it } from 'vitest';
import { markedDifference } from '../../src/lib/text/diff-marks.ts';

describe('a misquote marked as a word diff', () => {
  it('marks a changed word git-style: [-as quoted-]{+as in the source+}', () => {
    expect(markedDifference('the US coalition is pretending', 'the U.S.-led coalition is pretending')).toBe('the [-US-]{+U.S.-led+} coalition is pretending');
  });
  it('marks a word the quote adds, and one it leaves out', () => {
    expect(markedDifference('nobody is really helping', 'nobody is helping')).toBe('nobody is [-really-] helping');
    expect(markedDifference('nobody helping', 'nobody is helping')).toBe('nobody {+is+} helping');
  });
  it('marks nothing for quote marks and dashes, which the matcher evens out', () => {
    expect(markedDifference('He said “no” – twice', 'He said "no" - twice')).toBe('He said "no" - twice');
  });
  it('reads the words around the passage, so a word pushed out of it is not marked as missing', () => {
    const text = 'Officials said that the river is rising fast and nobody is helping, the ministry said.';
    // The nearest passage is as many words long as the quote, so it ends before "helping".
    expect(markedDifference('the river is rising quickly nobody is helping', 'the river is rising fast and nobody is', text))
      .toBe('the river is rising [-quickly-]{+fast and+} nobody is helping');
  });
});
