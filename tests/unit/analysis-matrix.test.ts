import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { buildClaimMatrix, coverage } from '../../src/lib/analysis/matrix.ts';
import { buildVariants, passageText } from '../../src/lib/analysis/variants.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { madeFolders } from '../helpers/scratch.ts';

const dirs = madeFolders();

/** The mini dossier plus one claim written by the test, so the grid must come from data. */
function withExtraClaim() {
  const dir = miniCopy('tests/.out', 'analysis-matrix');
  dirs.push(dir);
  writeFileSync(join(dir, 'claims', 'said-on-monday.yaml'), [
    'claimant: ministry',
    'date: "2020-03-02"',
    'event: ministry-statement',
    'summary: The ministry spoke on Monday through a spokesman.',
    'appearances:',
    '  - source: wire-2020-03-02',
    '    quote: The ministry said on Monday',
    '    how: reported',
    '  - source: paper-2020-03-03',
    '    quote: A spokesman claimed the river',
    '    how: paraphrase',
    '',
  ].join('\n'));
  const { dossier, problems } = verifyContent(dir);
  expect(problems).toEqual([]);
  return dossier!;
}

describe('buildClaimMatrix', () => {
  it('has a row for a claim added to the data, with a cell per source pointing at its passage', () => {
    const before = verifyContent('tests/fixtures/mini').dossier!;
    expect(buildClaimMatrix(before).groups.flatMap((g) => g.rows).map((r) => r.claim.id)).not.toContain('said-on-monday');

    const dossier = withExtraClaim();
    const matrix = buildClaimMatrix(dossier);
    const row = matrix.groups.flatMap((g) => g.rows).find((r) => r.claim.id === 'said-on-monday')!;
    expect(row).toBeDefined();
    // The paper is dated to the month only, so it sorts first.
    expect(matrix.columns.map((s) => s.id)).toEqual(['paper-2020-03-03', 'wire-2020-03-02']);
    expect(row.cells.map((c) => c.map((a) => a.how))).toEqual([['paraphrase'], ['reported']]);
    // Each cell's anchor is a passage marked on that source's page.
    row.cells.forEach((cell, i) => expect(matrix.columns[i].passages.map((p) => p.anchor)).toContain(cell[0].anchor));
  });

  it('only shows the sources that carry the selected claims', () => {
    const dossier = withExtraClaim();
    const matrix = buildClaimMatrix(dossier, { claims: ['river-rising'], sources: ['paper-2020-03-03'] });
    expect(matrix.columns.map((s) => s.id)).toEqual(['paper-2020-03-03']);
    expect(matrix.groups.flatMap((g) => g.rows).map((r) => r.claim.id)).toEqual(['river-rising']);
    expect(coverage(dossier).get('said-on-monday')).toEqual(new Set(['wire-2020-03-02', 'paper-2020-03-03']));
  });
});

describe('buildVariants', () => {
  it('compares the added claim’s renderings word by word, in publication order', () => {
    const dossier = withExtraClaim();
    const [first, second] = buildVariants(dossier, 'claim', 'said-on-monday');
    expect(first.source.id).toBe('paper-2020-03-03');
    expect(first.diff).toBeUndefined();
    expect(second.diff!.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe('The ministry said on Monday');
    expect(second.diff!.filter((p) => p.op === 'removed').map((p) => p.text.trim()).join(' ')).toBe('A spokesman claimed the river');
  });

  it('keeps the "…" of an elided quote and shows only the quoted parts', () => {
    const dossier = verifyContent('tests/fixtures/mini').dossier!;
    const [wire] = buildVariants(dossier, 'claim', 'river-rising', { sources: ['wire-2020-03-02'] });
    expect(passageText(wire.source, wire.appearance)).toBe('the river is rising fast … nobody is helping');
  });

  it('picks, with contains, the passage that holds the words in each source', () => {
    const dossier = verifyContent('tests/fixtures/mini').dossier!;
    expect(buildVariants(dossier, 'claim', 'river-rising', { contains: 'NOBODY WAS' }).map((v) => v.source.id)).toEqual(['paper-2020-03-03']);
    expect(() => buildVariants(dossier, 'claim', 'no-such-claim')).toThrow(/unknown claim "no-such-claim"/);
  });
});

describe('the real dossier’s required variants', () => {
  const dossier = verifyContent('src/content').dossier!;
  const outlets = (id: string, contains?: string) => buildVariants(dossier, 'claim', id, { contains }).map((v) => v.source.outlet);

  it('has the 14 Nov “evidence” sentence in DW, TASS and Xinhua', () => {
    expect(outlets('us-cover-evidence')).toEqual(['dw', 'tass', 'xinhua']);
  });
  it('has the Geneva Convention sentence in all three', () => {
    const v = buildVariants(dossier, 'claim', 'joint-strikes-refused', { contains: 'Convention' });
    expect(v.map((x) => x.source.outlet)).toEqual(['dw', 'tass', 'xinhua']);
    v.forEach((x) => expect(passageText(x.source, x.appearance)).toMatch(/Convention|convention/));
  });
  it('has Konashenkov’s “pretending” quote in The Independent and AVİM (CNBC)', () => {
    expect(outlets('pretending-to-fight')).toEqual(['the-independent', 'avim']);
  });
});
