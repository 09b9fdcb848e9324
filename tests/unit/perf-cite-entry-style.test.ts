import { describe, expect, it } from 'vitest';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { citableItems } from '../../src/lib/cite/items.ts';
import type { CslItem } from '../../src/lib/cite/csl.ts';
import { CITE_STYLES, entryStyle, entryTemplate, formatWith } from '../../src/lib/cite/format.ts';

// Entries are formatted with each style trimmed to what a one-entry bibliography uses (no in-text
// citation, no bibliography sort). That must never change a single byte of any entry.

const items = (dir: string) => citableItems(verifyContent(dir).dossier!);
const date = (...parts: number[]) => ({ 'date-parts': [parts] });

// Shapes the dossier does not produce today but a style treats differently: names with given and
// family parts, many authors (et-al rules), editors only, no date, partial dates, other item types,
// markup-like and non-ASCII titles, and several entries by one author in one year (where a shared
// bibliography would add "2020a" or "———").
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ family: `Writer${i}`, given: `Ann ${String.fromCharCode(65 + i)}.` }));
const crafted: CslItem[] = [
  { id: 'one-given', type: 'article-newspaper', title: 'The river is rising', 'container-title': 'Example Wire', author: people(1), issued: date(2020, 3, 2) } as CslItem,
  { id: 'same-author-same-year-a', type: 'article-newspaper', title: 'First piece', 'container-title': 'Example Wire', author: people(1), issued: date(2020, 3, 5) } as CslItem,
  { id: 'same-author-same-year-b', type: 'article-newspaper', title: 'Second piece', 'container-title': 'Example Wire', author: people(1), issued: date(2020) } as CslItem,
  { id: 'two', type: 'article-journal', title: 'On quotes', 'container-title': 'Journal of Tests', author: people(2), issued: date(2019, 11), volume: '4', issue: '2', page: '10-20' } as CslItem,
  { id: 'many', type: 'article-journal', title: 'Everyone wrote this', 'container-title': 'Journal of Tests', author: people(23), issued: date(2018) } as CslItem,
  { id: 'four', type: 'report', title: 'A report', publisher: 'Ministry', author: people(4), issued: date(2017, 12, 31), URL: 'https://example.org/r?a=1&b=2' } as CslItem,
  { id: 'edited', type: 'book', title: 'Collected captures', publisher: 'Press', editor: [{ literal: 'Desk Editor' }, { literal: 'Other Editor' }], issued: date(2016) },
  { id: 'undated', type: 'webpage', title: 'A page with <b>markup</b> & “quotes”', URL: 'https://example.org/x', accessed: date(2024, 1, 9) },
  { id: 'nothing', type: 'article-newspaper', title: 'Untitled wire copy' },
  { id: 'foreign', type: 'article-newspaper', title: 'Сирийская армия заявила', 'container-title': 'ТАСС', language: 'ru', issued: date(2017, 11, 14), note: 'Credits: TASS.' },
  { id: 'genre', type: 'webpage', title: 'Evidence dossier', editor: [{ literal: 'Desk' }], genre: 'Evidence dossier', medium: 'Online', issued: date(2017, 12, 31), URL: 'https://example.org/' },
];

describe('the one-entry style', () => {
  const all = [...items('src/content'), ...items('tests/fixtures/mini'), ...crafted];

  it('covers the real dossier, the fixture and the crafted shapes', () => expect(all.length).toBeGreaterThan(crafted.length + 10));

  for (const { id: style } of CITE_STYLES) {
    it(`formats every entry in ${style} byte for byte as the full style does, as HTML and as text`, () => {
      for (const format of ['html', 'text'] as const) {
        for (const item of all) expect(formatWith(entryTemplate(style), item, format), `${style} ${format} ${item.id}`).toBe(formatWith(style, item, format));
      }
    });
  }

  it('keeps everything but the in-text citation and the bibliography sort', () => {
    const xml = '<style><info/><macro name="m"/><citation et-al-min="3" disambiguate-add-year-suffix="true"><sort><key macro="m"/></sort><layout><text macro="m"/></layout></citation>'
      + '<bibliography subsequent-author-substitute="———"> <sort><key macro="m"/></sort><layout><text macro="m"/></layout></bibliography></style>';
    expect(entryStyle(xml)).toBe('<style><info/><macro name="m"/><citation><layout><text variable="title"/></layout></citation>'
      + '<bibliography subsequent-author-substitute="———"> <layout><text macro="m"/></layout></bibliography></style>');
  });

  it('refuses a style it does not recognise rather than guess', () => {
    expect(() => entryStyle('<style><bibliography><layout/></bibliography></style>')).toThrow(/no <citation>/);
  });
});
