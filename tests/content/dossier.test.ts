import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { matchQuote } from '../../src/lib/text/quote-match.ts';

const { dossier, problems } = verifyContent('src/content');

describe('the real dossier', () => {
  it('verifies with no problems', () => {
    expect(problems).toEqual([]);
    expect(dossier).toBeDefined();
  });

  it('holds the five captures, each matching its recorded SHA-256', () => {
    expect(dossier!.sources.size).toBe(5);
    for (const source of dossier!.sources.values()) {
      const bytes = readFileSync(source.captureFile.file);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(source.capture.sha256);
    }
  });

  it('has every cleaned paragraph verbatim in its capture', () => {
    for (const source of dossier!.sources.values()) {
      for (const block of source.blocks) expect(source.captureFile.text.includes(block.text), `${source.id}: ${block.text}`).toBe(true);
    }
  });

  it('verifies every quote of every claim and response against its source', () => {
    const all = [...dossier!.claims.values(), ...dossier!.responses.values()];
    expect(all.length).toBeGreaterThan(0);
    for (const item of all) {
      for (const a of item.appearances) {
        expect(matchQuote(a.quote, dossier!.sources.get(a.source)!.text).ok, `${item.id} in ${a.source}`).toBe(true);
      }
    }
  });

  it('supports every publication date with evidence', () => {
    for (const source of dossier!.sources.values()) expect(source.published.evidence.length).toBeGreaterThan(0);
  });
});
