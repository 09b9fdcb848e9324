import { describe, expect, it } from 'vitest';
import { detect, type KnownOutlet } from '../../src/lib/import/detect.ts';
import { classifyLines } from '../../src/lib/import/lines.ts';
import { defaultRules, firstDossierRules } from './import-helpers.ts';
import { parseRules } from '../../src/lib/import/rules.ts';

const rules = defaultRules();
const KNOWN: KnownOutlet[] = ['dw', 'tass', 'xinhua', 'the-independent', 'cnbc', 'reuters', 'interfax', 'avim'].map((id) => ({ id, name: id }));
const run = (text: string, year?: number, known = KNOWN, r = rules) => detect(classifyLines(text, r), r, known, year);
const withDossierRules = (text: string) => run(text, undefined, KNOWN, firstDossierRules());
const BODY = 'The ministry said the coalition had acted to protect the militants, and it gave its reasons at length.';

describe('outlet', () => {
  it('reads the title bar', () => {
    const d = run(`Headline here | News | DW | 14.11.2017\n\nHeadline here\n\n${BODY}`);
    expect(d.outlet).toMatchObject({ value: 'dw', confidence: 'high', evidence: 'DW | 14.11.2017' });
  });
  it('reads a "Source:" metadata line', () => {
    expect(run(`Headline here\n\nSource: Xinhua| 2017-11-14 21:50:54|Editor: x\n\n${BODY}`).outlet).toMatchObject({ value: 'xinhua', confidence: 'high' });
  });
  it('reads a /TASS/ dateline', () => {
    expect(run(`Headline here\n\nMOSCOW, November 14. /TASS/. ${BODY}`).outlet).toMatchObject({ value: 'tass', confidence: 'high' });
  });
  it('reads a (Xinhua) dateline', () => {
    expect(run(`Headline here\n\nMOSCOW, Nov. 14 (Xinhua) -- ${BODY}`).outlet).toMatchObject({ value: 'xinhua', evidence: 'MOSCOW, Nov. 14 (Xinhua) --' });
  });
  it("takes a dossier's masthead rule with its own confidence", () => {
    expect(withDossierRules(`AVRASYA\n\nEURASIAN STUDIES\n\nHEADLINE HERE\n\n${BODY}`).outlet).toMatchObject({ value: 'avim', confidence: 'high' });
  });
  it("takes a dossier's outlet hint at low confidence", () => {
    expect(withDossierRules(`- 1507657776 mosul ruins - Headline here\n\nHeadline here\n\n${BODY}`).outlet).toMatchObject({ value: 'the-independent', confidence: 'low' });
  });
  it('is less sure of an outlet that outlets.yaml does not hold', () => {
    const d = run(`Headline here\n\nPARIS, Nov. 14 (AFP) -- ${BODY}`);
    expect(d.outlet).toMatchObject({ value: 'afp', known: false, confidence: 'medium' });
    expect(d.outlet.note).toMatch(/not in outlets.yaml/);
  });
  it('says so when two sources of equal weight disagree', () => {
    const d = run(`Headline here | News | DW | 14.11.2017\n\nHeadline here\n\nSource: TASS | 2017-11-14 10:00\n\n${BODY}`);
    expect(d.outlet.confidence).toBe('medium');
    expect(d.outlet.note).toMatch(/also points to tass/);
  });
  it('finds none without any clue', () => {
    const o = run(`Headline here\n\n${BODY}`).outlet;
    expect(o.confidence).toBe('none');
    expect(o.value).toBeUndefined();
  });
  it('ignores a title bar embedded further down the article', () => {
    expect(run(`Headline here\n\n${BODY}\n\nOther story | News | DW | 14.11.2017\n\n${BODY}`).outlet.value).toBeUndefined();
  });
});

describe('publication date and dateline', () => {
  it('reads the title bar date, day first', () => {
    expect(run(`Headline here | News | DW | 14.11.2017\n\nHeadline here\n\n${BODY}`).date).toMatchObject({ value: '2017-11-14', confidence: 'high', evidence: '14.11.2017' });
  });
  it('reads an ISO date in the metadata', () => {
    expect(run(`Headline here\n\nSource: Xinhua| 2017-11-14 21:50:54|Editor: x\n\n${BODY}`).date).toMatchObject({ value: '2017-11-14', evidence: '2017-11-14 21:50:54' });
  });
  it('is only fairly sure of a dotted date whose day and month could swap', () => {
    expect(run(`HEADLINE HERE\n\n- 11.10.2017\n\n${BODY}`).date).toMatchObject({ value: '2017-10-11', confidence: 'medium' });
  });
  it('takes a dateline with a year as certain', () => {
    const d = run(`Headline here\n\nMOSCOW, Nov. 14, 2017 (Reuters) - ${BODY}`);
    expect(d.date).toMatchObject({ value: '2017-11-14', confidence: 'high' });
    expect(d.dateline.value).toBe('MOSCOW, Nov. 14, 2017 (Reuters) -');
  });
  it('is unsure of a dateline without a year, and says how to help', () => {
    const d = run(`Headline here\n\nMOSCOW, November 14. /TASS/. ${BODY}`);
    expect(d.date.confidence).toBe('none');
    expect(d.date.value).toBeUndefined();
    expect(d.date.note).toMatch(/--year/);
  });
  it('uses --year for such a dateline, at low confidence', () => {
    expect(run(`Headline here\n\nMOSCOW, Nov. 14 (Xinhua) -- ${BODY}`, 2017).date).toMatchObject({ value: '2017-11-14', confidence: 'low' });
  });
  it('reads a lead image time stamp as a weak clue, and a matching weekday strengthens it', () => {
    const weak = run(`- 1507657776 mosul ruins - Headline here\n\nHeadline here\n\n${BODY}`).date;
    expect(weak).toMatchObject({ value: '2017-10-10', confidence: 'low' });
    const firmer = run(`- 1507657776 mosul ruins - Headline here\n\nHeadline here\n\nThe ministry said on Tuesday that it had proof.`).date;
    expect(firmer).toMatchObject({ value: '2017-10-10', confidence: 'medium' });
    expect(firmer.extra[0].quote).toBe('on Tuesday');
  });
  it('takes a report of an earlier weekday as ordinary: no warning, no doubt', () => {
    const d = run(`Headline here | News | DW | 14.11.2017\n\nHeadline here\n\nThe ministry said on Monday that it had proof.`).date;
    expect(d).toMatchObject({ value: '2017-11-14', confidence: 'high' });
    expect(d.note).not.toMatch(/republi/);
  });
  it('questions the date only when another date in the capture falls on the weekday the text names', () => {
    const d = run(`HEADLINE HERE\n\n- 11.10.2017\n\nWIRE, 10 Oct 2017\n\nThe ministry said on Tuesday that it had proof.`).date;
    expect(d.value).toBe('2017-10-11');
    expect(d.confidence).toBe('medium');
    expect(d.note).toMatch(/fits 2017-10-10 \("10 Oct 2017"\).*may republish an earlier report/);
  });
});

describe('a date line in the page header, in common forms', () => {
  it.each([
    ['Published 5 March 2025', '5 March 2025'],
    ['5 March 2025', '5 March 2025'],
    ['March 5, 2025', 'March 5, 2025'],
    ['2025-03-05 21:50', '2025-03-05 21:50'],
    ['2025-03-05T21:50:00Z', '2025-03-05T21:50:00'],
    ['Wednesday, 5 March 2025, 14:02 GMT', 'Wednesday, 5 March 2025, 14:02 GMT'],
    ['Publié le 5 mars 2025', '5 mars 2025'],
  ])('reads "%s" as 2025-03-05, certain, quoting "%s"', (line, quote) => {
    const d = run(`Headline here\n\n${line}\n\n${BODY}`).date;
    expect(d).toMatchObject({ value: '2025-03-05', confidence: 'high', evidence: quote });
  });
  it('takes an update time only when nothing else dates the page', () => {
    expect(run(`Headline here\n\nUpdated 6 March 2025\n\n${BODY}`).date).toMatchObject({ value: '2025-03-06', confidence: 'medium' });
    expect(run(`Headline here\n\nPublished 5 March 2025\n\nUpdated 6 March 2025\n\n${BODY}`).date).toMatchObject({ value: '2025-03-05', confidence: 'high' });
  });
});

describe('wire credits', () => {
  it('reads a closing credit line of initials and agencies', () => {
    expect(run(`Headline here\n\n${BODY}\n\ndj/jm (Reuters, Interfax)`).credits).toMatchObject({ value: ['Reuters', 'Interfax'], line: 'dj/jm (Reuters, Interfax)', confidence: 'high' });
  });
  it('reads a republication line naming the original publisher', () => {
    expect(run(`HEADLINE HERE\n\nCNBC, 10 Oct 2017\n\n${BODY}`).credits).toMatchObject({ value: ['CNBC'], confidence: 'medium' });
  });
  it('credits a dateline agency that is not the publisher', () => {
    expect(run(`Headline here | News | DW | 14.11.2017\n\nHeadline here\n\nMOSCOW (Reuters) - ${BODY}`).credits.value).toEqual(['Reuters']);
  });
  it('credits nobody when the dateline names the publisher itself', () => {
    expect(run(`Headline here\n\nMOSCOW, Nov. 14 (Xinhua) -- ${BODY}`).credits.value).toEqual([]);
  });
});

describe('language', () => {
  it('recognises English', () => {
    expect(run(`Headline here\n\n${BODY} It was the end of the day, and the ministry said that it was for the best.`).language).toMatchObject({ value: 'en' });
  });
  it('recognises German', () => {
    expect(run('Schlagzeile hier\n\nDer Minister sagte, dass die Koalition nicht mit den Truppen von der Stadt zu dem Fluss ist und sich auf die Lage ein.').language.value).toBe('de');
  });
  it('says none for text without common words', () => {
    const l = run('Zzz\n\nQqq xxx 123.').language;
    expect(l.confidence).toBe('none');
    expect(l.value).toBeUndefined();
  });
});

describe('a readable outlet name for an id the capture does not spell out', () => {
  const ecrRules = () => {
    const { rules } = parseRules("extends: defaults\noutlets:\n  - id: ecr\n    hints:\n      - pattern: '^Listen live$'\n        confidence: medium\n        note: the station's player link\n", 'r.yaml');
    return rules!;
  };
  const body = `Headline here\n\nListen live\n\n${BODY} ${BODY}`;
  it('takes it from a copyright line whose initials spell the id', () => {
    const r = ecrRules();
    const d = detect(classifyLines(`${body}\n\n© 2025 East Coast Radio`, r), r, []);
    expect(d.outlet).toMatchObject({ value: 'ecr', name: 'East Coast Radio' });
    expect(d.outlet.nameFrom).toMatch(/^the capture/);
  });
  it('else reads a short id as an acronym, and says the name came from the id', () => {
    const r = ecrRules();
    const d = detect(classifyLines(body, r), r, []);
    expect(d.outlet).toMatchObject({ value: 'ecr', name: 'ECR', nameFrom: 'the id' });
  });
  it('takes the outlet from a file named "<outlet>-<date>.txt" only as a last resort, at low confidence', () => {
    const d = detect(classifyLines(`Headline here\n\n${BODY}`, rules), rules, [], undefined, 'valley-news-2025-03-05.txt');
    expect(d.outlet).toMatchObject({ value: 'valley-news', name: 'Valley News', nameFrom: 'the file name', confidence: 'low' });
  });
});
