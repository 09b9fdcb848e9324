import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { sourcingSummaries, rootActor } from '../../src/lib/analysis/sourcing.ts';
import { claimSupport, contextFor } from '../../src/lib/analysis/support.ts';
import { idList, inSentence, joinAnd, shortName } from '../../src/lib/analysis/names.ts';

const dossier = verifyContent('src/content').dossier!;
const bySource = new Map(sourcingSummaries(dossier).map((s) => [s.source.id, s]));
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('sourcingSummaries', () => {
  it('counts every passage of a source once, by how it is carried', () => {
    for (const s of bySource.values()) {
      const passages = [...dossier.claims.values(), ...dossier.responses.values()].flatMap((c) => c.appearances).filter((a) => a.source === s.source.id);
      expect(s.how.direct + s.how.reported + s.how.paraphrase).toBe(passages.length);
    }
  });

  it('finds what only one article carries and what an article leaves out of a statement others report', () => {
    expect(ids(bySource.get('independent-2017-10-10')!.onlyHere)).toEqual(['al-ali-weapons-to-is', 'rukban-human-shields']);
    expect(ids(bySource.get('tass-2017-11-14')!.onlyHere)).toEqual(['direct-cooperation-and-support']);
    expect(ids(bySource.get('xinhua-2017-11-14')!.leftOut)).toEqual(['direct-cooperation-and-support', 'is-under-sdf-colours']);
    expect(ids(bySource.get('avim-2017-10-11')!.leftOut)).toEqual([]);
  });

  it('records the republication chain, the outlet’s own request for comment, and the voices it relied on', () => {
    expect(bySource.get('avim-2017-10-11')!.chain.map((l) => l.outlet)).toEqual(['cnbc', 'reuters']);
    expect(ids(bySource.get('independent-2017-10-10')!.requests)).toEqual(['pentagon-no-immediate-response']);
    // The US "answer" that only the claimant reports is not a voice DW heard.
    expect(bySource.get('dw-2017-11-14')!.voices).toEqual(['russian-mod']);
  });
});

describe('claimSupport', () => {
  const support = new Map(claimSupport(dossier, ['cit-bellingcat-images']).map((s) => [s.claim.id, s]));

  it('traces claims to the institution behind the speaker', () => {
    expect(support.get('pretending-to-fight')!.origin).toBe('russian-mod');
    expect(rootActor(dossier, 'igor-konashenkov')).toBe('russian-mod');
    expect(support.get('al-ali-weapons-to-is')!.origin).toBe('syrian-army');
  });

  it('separates real answers from answers known only through the claimant', () => {
    expect(ids(support.get('al-ali-weapons-to-is')!.answers)).toEqual(['pahon-absolutely-ridiculous', 'pahon-advise-and-assist']);
    expect(ids(support.get('joint-strikes-refused')!.answers)).toEqual([]);
    expect(ids(support.get('joint-strikes-refused')!.viaClaimant)).toEqual(['us-surrender-geneva-answer']);
  });

  it('marks only the named context entries as checks, and counts outlets', () => {
    expect(support.get('drone-images-convoys')!.context.filter((c) => c.check).map((c) => c.id)).toEqual(['cit-bellingcat-images']);
    expect(support.get('coalition-jets-hampered-russia')!.context.some((c) => c.check)).toBe(false);
    expect(support.get('rukban-human-shields')!.outlets).toEqual(['the-independent']);
    expect(contextFor(dossier, dossier.claims.get('al-ali-weapons-to-is')!)).toEqual(['defense-post-2017-10-09']);
  });
});

describe('names', () => {
  it('shortens outlet names only where they carry a short form', () => {
    expect(shortName('Deutsche Welle (DW)')).toBe('DW');
    expect(shortName('Center for Eurasian Studies (AVİM, Avrasya İncelemeleri Merkezi)')).toBe('AVİM');
    expect(shortName('Polygraph.info (Voice of America)')).toBe('Polygraph.info (Voice of America)');
    expect(shortName('TASS')).toBe('TASS');
  });
  it('reads id lists and joins names', () => {
    expect(idList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(idList(undefined)).toEqual([]);
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(joinAnd(['a'])).toBe('a');
  });
});

describe('inSentence', () => {
  it('drops a summary\'s full stop for use inside a sentence, but keeps an abbreviation\'s', () => {
    expect(inSentence('Pahon called it a campaign to discredit the US.')).toBe('Pahon called it a campaign to discredit the US');
    expect(inSentence('IS fighters were “pretending”.')).toBe('IS fighters were “pretending”');
    expect(inSentence('Weapons were sent by the U.S.')).toBe('Weapons were sent by the U.S.');
    expect(inSentence('No full stop')).toBe('No full stop');
  });
});
