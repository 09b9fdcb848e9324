import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { contextRecords, recordHtml } from '../../src/lib/search/records.ts';
import { analysisFacets, claimFacets, filtersOf, metaOf, sourceFacets } from '../../src/lib/search/facets.ts';
import { NOT_CAPTURED } from '../../src/lib/format/labels.ts';

const { dossier, problems } = verifyContent('tests/fixtures/mini');

describe('search facets and records', () => {
  it('loads the mini dossier', () => expect(problems).toEqual([]));

  it('gives sources their outlet, events, year and date', () => {
    const source = dossier!.sources.get('wire-2020-03-02')!;
    const f = sourceFacets(dossier!, source);
    expect(f.kind).toBe('source');
    expect(f.outlets).toEqual([dossier!.outlets.get(source.outlet)!.name]);
    expect(filtersOf(f).year).toEqual([source.published.date.slice(0, 4)]);
  });

  it('gives a claim every outlet that carries it, once', () => {
    const claim = dossier!.claims.get('river-rising')!;
    const outlets = claimFacets(dossier!, claim).outlets;
    expect(new Set(outlets).size).toBe(outlets.length);
    expect(outlets.length).toBe(new Set(claim.appearances.map((a) => dossier!.sources.get(a.source)!.outlet)).size);
  });

  it('sorts analysis pages by the edition, without giving them the edition\'s year as a year of the record', () => {
    const f = analysisFacets(dossier!, 'method');
    expect(filtersOf(f).year).toBeUndefined();
    expect(metaOf(f).date).toBe(dossier!.settings.edition);
    const source = sourceFacets(dossier!, dossier!.sources.get('wire-2020-03-02')!);
    expect(metaOf(source).date).toBe(source.date);
  });

  it('writes the same filters and metadata into a record as a page carries', () => {
    const f = sourceFacets(dossier!, dossier!.sources.get('wire-2020-03-02')!);
    const html = recordHtml('en', 'T', f, []);
    for (const [name, values] of Object.entries(filtersOf(f))) for (const v of values) expect(html).toContain(`<span data-pagefind-filter="${name}">${v}</span>`);
    for (const [name, v] of Object.entries(metaOf(f))) expect(html).toContain(`<span data-pagefind-meta="${name}">${v.replace(/&/g, '&amp;')}</span>`);
  });

  it('marks the responses page as where responses are found', () => {
    expect(filtersOf(analysisFacets(dossier!, 'responses')).kind).toEqual(['analysis', 'response']);
    expect(filtersOf(analysisFacets(dossier!, 'method')).kind).toEqual(['analysis']);
  });

  it('makes one labelled context record per entry whose anchor exists', () => {
    const all = contextRecords(dossier!, () => true);
    expect(all).toHaveLength(dossier!.context.size);
    for (const r of all) {
      expect(r.url).toMatch(/^\/timeline\/#ctx-/);
      expect(r.content).toContain('<span data-pagefind-filter="kind">context</span>');
      expect(r.content).toContain(NOT_CAPTURED);
    }
    expect(contextRecords(dossier!, () => false)).toEqual([]);
  });

  it('escapes text in record HTML', () => {
    const html = recordHtml('en', 'A <b> & "c"', { kind: 'context', outlets: ['X<'], events: [] }, ['1 < 2']);
    expect(html).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(html).toContain('1 &lt; 2');
    expect(html).not.toContain('<b>');
  });
});
