import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { claimCsl, dateParts, dossierCsl, sourceCsl } from '../../src/lib/cite/csl.ts';
import { formatCitation, toBibtex, toRis } from '../../src/lib/cite/format.ts';

const { dossier } = verifyContent('tests/fixtures/mini');
const wire = () => dossier!.sources.get('wire-2020-03-02')!;

describe('source citations', () => {
  it('the fixture verifies', () => expect(dossier).toBeDefined());

  it('are newspaper articles with container, date and a capture note but no invented URL', () => {
    const item = sourceCsl(wire(), dossier!);
    expect(item).toMatchObject({ type: 'article-newspaper', title: 'Ministry says the river is rising', 'container-title': 'Example Wire', issued: { 'date-parts': [[2020, 3, 2]] } });
    expect(item.URL).toBeUndefined();
    expect(item.note).toContain('No original URL is known');
    expect(item.note).toContain(`https://mini.example.org/captures/wire-2020-03-02.txt (SHA-256 ${wire().captureFile.sha256})`);
  });

  it('match the expected APA, Chicago and MLA strings', () => {
    const item = sourceCsl(wire(), dossier!);
    expect(formatCitation(item, 'apa')).toBe('Ministry says the river is rising. (2020, March 2). Example Wire.');
    expect(formatCitation(item, 'chicago')).toBe('Example Wire. “Ministry Says the River Is Rising.” March 2, 2020.');
    expect(formatCitation(item, 'mla')).toBe('“Ministry Says the River Is Rising.” Example Wire, 2 Mar. 2020.');
    expect(formatCitation(item, 'apa', 'html')).toContain('<i>Example Wire</i>');
  });

  it('never state a day the source does not give', () => {
    const paper = dossier!.sources.get('paper-2020-03-03')!;
    expect(paper.published.precision).toBe('month');
    expect(formatCitation(sourceCsl(paper, dossier!), 'apa')).toBe('River fears grow. (2020, March). Paper Daily.');
    expect(dateParts('2017-11-14', 'year')).toEqual({ 'date-parts': [[2017]] });
  });

  it('carry a known URL and byline, and list wire credits in the note', () => {
    const item = sourceCsl({ ...wire(), url: 'https://wire.example.org/river', byline: 'Ann Writer', credits: ['Reuters'] }, dossier!);
    expect(formatCitation(item, 'apa')).toBe('Ann Writer. (2020, March 2). Ministry says the river is rising. Example Wire. https://wire.example.org/river');
    expect(formatCitation(item, 'mla')).toContain('https://wire.example.org/river');
    expect(item.note).toMatch(/^Credits: Reuters\./);
    expect(item.note).not.toContain('No original URL');
  });

  it('export the expected BibTeX fields', () => {
    const bib = toBibtex([sourceCsl(wire(), dossier!)]);
    expect(bib).toMatch(/^@article\{wire-2020-03-02,/);
    expect(bib).toContain('journal = {Example Wire}');
    expect(bib).toContain('year = {2020}');
    expect(bib).toContain('title = {Ministry says the river is rising}');
    expect(bib).toContain('note = {No original URL is known.');
    expect(bib).not.toContain('url =');
  });

  it('export the expected RIS fields, one unwrapped line per tag', () => {
    const ris = toRis([sourceCsl(wire(), dossier!)]);
    const lines = ris.replace(/\n$/, '').split('\n');
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines).toContain('ID  - wire-2020-03-02');
    expect(lines).toContain('TI  - Ministry says the river is rising');
    expect(lines).toContain('T2  - Example Wire');
    expect(lines).toContain('DA  - 2020/03/02/');
    expect(lines.at(-1)).toBe('ER  - ');
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9]  - /);
  });
});

describe('dossier and claim citations', () => {
  it('cite the dossier with its editors, edition date and URL', () => {
    const item = dossierCsl(dossier!.settings);
    const apa = formatCitation(item, 'apa');
    expect(apa).toContain(`${dossier!.settings.editors[0]} (Ed.)`);
    expect(apa).toContain('https://mini.example.org/');
    const [y, m, d] = dossier!.settings.edition.split('-').map(Number);
    expect(item.issued).toEqual({ 'date-parts': [[y, m, d]] });
  });

  it('cite a claim as an entry of the dossier at its own URL', () => {
    const claim = [...dossier!.claims.values()][0];
    const item = claimCsl(claim, dossier!);
    expect(item.URL).toBe(`https://mini.example.org/claims/${claim.id}/`);
    expect(formatCitation(item, 'chicago')).toContain(`https://mini.example.org/claims/${claim.id}/`);
    expect(toBibtex([item])).toMatch(new RegExp(`^@\\w+\\{claim-${claim.id},`));
  });
});
