// A dossier in Russian with a Greek source (the mini dossier, in a copy): search in the dossier's
// language, where Pagefind indexes the pages under their <html lang> and stems Russian, so a word
// finds its other forms; and the PDF, where Cyrillic and Greek print with real fonts and read back.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../scripts/pdf/make.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { useOtherDossier } from '../helpers/other-dossier.ts';

const content = miniCopy('tests/.out', 'lang-ru');
const SITE = `${content}-site`;

/** A source and its capture: a page-title line (removed), the headline, then the paragraphs. */
function addSource(id: string, outlet: string, language: string, date: string, bar: string, title: string, paragraphs: string[]) {
  const capture = `${bar}\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;
  writeFileSync(join(content, `captures/${id}.txt`), capture);
  const [y, m, d] = date.split('-');
  writeFileSync(join(content, `sources/${id}.md`), [
    '---', `title: ${title}`, `outlet: ${outlet}`, 'summary: A source in another script, for the tests.',
    'published:', `  date: "${date}"`, '  precision: day', '  evidence:', `    - quote: "${d}.${m}.${y}"`, '      note: The date in the page title bar.',
    `language: ${language}`, 'capture:', `  id: ${id}`, `  sha256: ${createHash('sha256').update(capture).digest('hex')}`, `  originalName: ${id}.txt`,
    'removed:', `  - text: "${bar}"`, '    reason: page-title', '---', paragraphs.join('\n\n'), '',
  ].join('\n'));
}

const env = useOtherDossier(content, SITE, [content, SITE, `${SITE}-cache`], () => {
  const yaml = join(content, 'dossier.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^language: en$/m, 'language: ru'));
  appendFileSync(join(content, 'outlets.yaml'), '- id: vestnik\n  name: Вестник\n  kind: газета\n  country: Нигде\n- id: efimeris\n  name: Εφημερίδα\n  kind: εφημερίδα\n  country: Πουθενά\n');
  addSource('vestnik-2020-03-04', 'vestnik', 'ru', '2020-03-04', 'Вестник | Новости | 04.03.2020', 'Представитель министерства о реке',
    ['Представитель министерства сообщил, что уровень реки быстро растёт.', 'Жители города каждый день следят за рекой.']);
  addSource('efimeris-2020-03-05', 'efimeris', 'el', '2020-03-05', 'Εφημερίδα | Ειδήσεις | 05.03.2020', 'Το ποτάμι ανεβαίνει',
    ['Ο εκπρόσωπος του υπουργείου είπε ότι η στάθμη του ποταμού ανεβαίνει γρήγορα.']);
});

/** The pages Pagefind finds for a query, through its own search API in the browser. */
async function found(query: string): Promise<string[]> {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}/`);
  // A string, so that Vitest's transform leaves the browser's own import() alone.
  const urls = (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.map(async (r) => (await r.data()).url));
  })()`)) as string[];
  await page.close();
  return urls;
}

describe('search in Russian', () => {
  it('indexes the pages as Russian', () => {
    expect(readFileSync(join(SITE, 'index.html'), 'utf8')).toMatch(/<html lang="ru" dir="ltr"/);
    expect(JSON.parse(readFileSync(join(SITE, 'pagefind/pagefind-entry.json'), 'utf8')).languages).toHaveProperty('ru');
  });

  it('finds a word by another of its forms', { timeout: 60_000 }, async () => {
    // The text has "министерства" (genitive), "реки", "рекой" and "Жители"; the queries are other forms, not prefixes of them.
    expect(await found('министерство')).toContain('/sources/vestnik-2020-03-04/');
    expect(await found('рекам')).toContain('/sources/vestnik-2020-03-04/');
    expect(await found('жителям')).toContain('/sources/vestnik-2020-03-04/');
  });

  it('does not find a word the text does not have', { timeout: 60_000 }, async () => {
    expect(await found('самолёт')).not.toContain('/sources/vestnik-2020-03-04/');
  });
});

describe('the PDF in Cyrillic and Greek', () => {
  it('prints both scripts with real fonts, and pdftotext reads them back', { timeout: 180_000 }, async () => {
    const pdf = `${SITE}-dossier.pdf`;
    await makePdf({ distDir: SITE, out: pdf });
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    const fonts = execFileSync('pdffonts', [pdf]).toString('utf8');
    rmSync(pdf, { force: true });
    // Embedded TrueType fonts (Noto, DejaVu or Liberation from Debian), not boxes of a missing glyph.
    expect(fonts).toMatch(/CID TrueType\s+Identity-H\s+yes/);
    expect(text).toContain('Представитель министерства сообщил, что уровень реки быстро растёт.');
    expect(text).toContain('Ο εκπρόσωπος του υπουργείου είπε ότι η στάθμη του ποταμού ανεβαίνει γρήγορα.');
    // The interface in Russian, from the catalogue: the contents and the folio.
    expect(text).toContain('Содержание');
    expect(text).toMatch(/Страница 2 из \d+/);
  });
});
