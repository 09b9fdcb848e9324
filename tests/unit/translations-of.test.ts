import { describe, expect, it } from 'vitest';
import { translationsOf } from '../../src/lib/graph/translations-of.ts';
import type { Dossier, Source } from '../../src/lib/graph/types.ts';

const source = (id: string, of?: string) => ({ id, ...(of ? { translation: { of } } : {}) }) as unknown as Source;
const dossierOf = (sources: Source[]) => ({ sources: new Map(sources.map((s) => [s.id, s])) }) as unknown as Dossier;

describe('translationsOf', () => {
  it("gives an original's translations in the graph's order, and none for a source without any", () => {
    const ru = source('tass-ru');
    const list = [source('tass-en', 'tass-ru'), ru, source('plain'), source('tass-fr', 'tass-ru'), source('other-de', 'plain')];
    const dossier = dossierOf(list);
    expect(translationsOf(dossier, ru).map((s) => s.id)).toEqual(['tass-en', 'tass-fr']);
    expect(translationsOf(dossier, list[2]).map((s) => s.id)).toEqual(['other-de']);
    expect(translationsOf(dossier, list[0])).toEqual([]);
  });

  it('answers for each graph on its own, as the dev server makes a new one at every save', () => {
    const ru = source('tass-ru');
    expect(translationsOf(dossierOf([ru, source('tass-en', 'tass-ru')]), ru).map((s) => s.id)).toEqual(['tass-en']);
    expect(translationsOf(dossierOf([ru]), ru)).toEqual([]);
  });
});
