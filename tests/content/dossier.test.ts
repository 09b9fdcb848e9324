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
      const capture = readFileSync(source.captureFile.file, 'utf8');
      for (const block of source.blocks) expect(capture.includes(block.text), `${source.id}: ${block.text}`).toBe(true);
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

  it('never names a record to readers by its id', () => {
    // Ids are for authors and links; the words a reader sees name things in words.
    const PROSE = new Set(['note', 'notes', 'caveats', 'adds', 'reports', 'disagreement', 'summary', 'description', 'channel', 'title', 'role']);
    const ids = [dossier!.sources, dossier!.claims, dossier!.responses, dossier!.context, dossier!.events, dossier!.actors]
      .flatMap((m) => [...m.keys()]).filter((id) => id.includes('-'));
    const texts: string[] = [];
    const seen = new WeakSet<object>();
    const walk = (value: unknown, key = ''): void => {
      if (typeof value === 'string') { if (PROSE.has(key)) texts.push(value); return; }
      if (!value || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      for (const [k, v] of Array.isArray(value) ? value.map((v) => [key, v] as const) : Object.entries(value)) walk(v, k);
    };
    for (const m of [dossier!.sources, dossier!.claims, dossier!.responses, dossier!.context, dossier!.events, dossier!.actors]) walk([...m.values()]);
    expect(texts.length).toBeGreaterThan(50);
    const named = texts.flatMap((t) => ids.filter((id) => new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`).test(t)).map((id) => `${id} in: ${t}`));
    expect(named).toEqual([]);
  });

  it('supports every publication date with evidence', () => {
    for (const source of dossier!.sources.values()) expect(source.published.evidence.length).toBeGreaterThan(0);
  });
});
