// The importer on captures in styles other than the first dossier's: other outlets, date and
// byline styles, and a page in German. It runs with the built-in rules only, which know no outlet.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { parseBody } from '../../src/lib/content/body.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { Importer, type ImportResult } from '../../src/lib/import/batch.ts';
import { loadRules } from '../../src/lib/import/rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const STYLES = join(ROOT, 'tests/fixtures/import-styles');
const MINI = join(ROOT, 'tests/fixtures/mini');

/** A dossier with no outlets, no sources and no import-rules.yaml: the defaults apply. */
function emptyDossier(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-styles-'));
  for (const f of ['dossier.yaml', 'actors.yaml']) cpSync(join(MINI, f), join(dir, f));
  for (const f of ['outlets.yaml', 'events.yaml', 'context.yaml']) writeFileSync(join(dir, f), '[]\n');
  cpSync(join(MINI, 'pages'), join(dir, 'pages'), { recursive: true });
  return dir;
}

const draftOf = (dir: string, id: string) => {
  const split = splitFrontmatter(readFileSync(join(dir, 'sources', `${id}.md`), 'utf8'));
  return { fm: parse(split.frontmatter!), blocks: parseBody(split.body).blocks };
};

describe('importing captures in other styles with the built-in rules', () => {
  let dir: string;
  const results = new Map<string, ImportResult>();
  beforeAll(() => {
    dir = emptyDossier();
    const { rules } = loadRules(dir);
    const importer = new Importer({ contentDir: dir, rules: rules!, createOutlets: true });
    for (const f of readdirSync(STYLES).sort()) results.set(f, importer.importFile(join(STYLES, f)));
  });

  it('names each draft after the outlet and date it found', () => {
    expect(Object.fromEntries([...results].map(([f, r]) => [f, r.id]))).toEqual({
      'council-review.txt': 'east-coast-radio-2025-03-06',
      'harbour-gazette-fire.txt': 'the-harbour-gazette-2025-03-05',
      'riverside-echo-libraries.txt': 'riverside-echo-2026-02-12',
      'stadtkurier-brand.txt': 'stadtkurier-2025-03-05',
      'wire-report.txt': 'northwire-2025-03-04',
    });
  });

  it('a town paper: "Name - Local news" masthead over the headline, a "Related: …" link, "Published 12 February 2026"', () => {
    const { fm, blocks } = draftOf(dir, 'riverside-echo-2026-02-12');
    expect(fm).toMatchObject({
      title: 'Council approves 4% rise in budget for libraries',
      outlet: 'riverside-echo',
      byline: 'Sam Ortiz',
      published: { date: '2026-02-12', precision: 'day' },
    });
    expect(fm.removed).toEqual(expect.arrayContaining([
      { text: 'Riverside Echo - Local news', reason: 'masthead' },
      { text: 'Related: Roadworks on Main Street to finish in March', reason: 'related-story' },
    ]));
    expect(blocks.map((b) => b.text)).not.toContain('Council approves 4% rise in budget for libraries');
  });

  it('a local paper: masthead, "By … , Staff Reporter", "Published 5 March 2025", a copyright line', () => {
    const { fm, blocks } = draftOf(dir, 'the-harbour-gazette-2025-03-05');
    expect(fm).toMatchObject({
      title: 'Fire at paint works forces evacuation of Eastside homes',
      outlet: 'the-harbour-gazette',
      byline: 'Jane Doe',
      published: { date: '2025-03-05', precision: 'day' },
      language: 'en',
    });
    expect(fm.published.evidence[0].quote).toBe('5 March 2025');
    expect(fm.removed).toEqual([
      { text: 'The Harbour Gazette', reason: 'masthead' },
      { text: 'By Jane Doe, Staff Reporter', reason: 'page-metadata' },
      { text: 'Published 5 March 2025', reason: 'page-metadata' },
      { text: '© 2025 The Harbour Gazette. All rights reserved.', reason: 'page-metadata' },
    ]);
    // The byline is no cross-head; the real cross-head still is one.
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['What happens next']);
  });

  it('a next-day report ("on Tuesday", dated Wednesday) gets no republication warning', () => {
    const r = results.get('harbour-gazette-fire.txt')!;
    expect(r.review.join('\n')).not.toMatch(/republi|late report/);
    expect(r.review.some((n) => n.startsWith('published.date:'))).toBe(false);
  });

  it('a wire report: a bare "2025-03-04 21:50", a "(Agency) -" dateline, a closing "Reporting by …" credit', () => {
    const { fm, blocks } = draftOf(dir, 'northwire-2025-03-04');
    expect(fm).toMatchObject({
      outlet: 'northwire',
      published: { date: '2025-03-04' },
      dateline: 'RIVERTON, March 4 (Northwire) -',
      byline: 'Sam Roe',
      creditLine: 'Reporting by Sam Roe; Editing by Lee Poe',
      language: 'en',
    });
    expect(fm.published.evidence.map((e: { quote: string }) => e.quote)).toEqual(['2025-03-04 21:50', 'RIVERTON, March 4 (Northwire) -', 'on Tuesday']);
    const last = blocks[blocks.length - 1];
    expect(last).toMatchObject({ kind: 'paragraph', text: 'Reporting by Sam Roe; Editing by Lee Poe' });
  });

  it('a German page: a title bar "Headline | Section | Outlet", "Von …", "Veröffentlicht am 5. März 2025"', () => {
    const { fm, blocks } = draftOf(dir, 'stadtkurier-2025-03-05');
    expect(fm).toMatchObject({
      title: 'Großbrand in Lackfabrik: Anwohner müssen Häuser verlassen',
      outlet: 'stadtkurier',
      byline: 'Max Mustermann',
      published: { date: '2025-03-05' },
      language: 'de',
    });
    expect(fm.published.evidence[0].quote).toContain('5. März 2025');
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('a radio site: "Name, Senior Correspondent", "March 6, 2025", an ISO update time it does not take', () => {
    const { fm } = draftOf(dir, 'east-coast-radio-2025-03-06');
    expect(fm).toMatchObject({ outlet: 'east-coast-radio', byline: 'Sam Lee', published: { date: '2025-03-06' }, dateline: 'EASTSIDE (East Coast Radio) -' });
    expect(fm.published.evidence[0].quote).toBe('March 6, 2025');
    expect(fm.removed.map((r: { text: string }) => r.text)).toContain('Updated 2025-03-06T18:45:00Z');
  });

  it('adds outlet stubs with readable names taken from the captures, flagged for review', () => {
    const outlets = parse(readFileSync(join(dir, 'outlets.yaml'), 'utf8')) as { id: string; name: string; notes: string }[];
    expect(outlets.map((o) => [o.id, o.name])).toEqual([
      ['east-coast-radio', 'East Coast Radio'],
      ['the-harbour-gazette', 'The Harbour Gazette'],
      ['riverside-echo', 'Riverside Echo'],
      ['stadtkurier', 'Stadtkurier'],
      ['northwire', 'Northwire'],
    ]);
    for (const o of outlets) expect(o.notes).toMatch(/the name was taken from the capture .*check it/);
    for (const r of results.values()) {
      expect(r.review.join('\n')).not.toMatch(/rerun with --create-outlets/);
      expect(r.review.join('\n')).not.toMatch(/not in outlets\.yaml yet/);
      expect(r.review.some((n) => /^outlet: a stub for ".+" was added to outlets\.yaml, named ".+"/.test(n))).toBe(true);
    }
  });

  it('writes drafts that verify', () => {
    expect(verifyContent(dir, ROOT).problems).toEqual([]);
  });
});

describe('npm run import --create-outlets and --force', () => {
  const cli = (d: string, ...args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args, '--content', d], { cwd: ROOT, encoding: 'utf8' });

  it('does not tell you to rerun with --create-outlets when you did', () => {
    const d = emptyDossier();
    const r = cli(d, join(STYLES, 'harbour-gazette-fire.txt'), '--create-outlets');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/rerun with --create-outlets/);
    expect(r.stderr).toMatch(/a stub for "the-harbour-gazette" was added to outlets\.yaml, named "The Harbour Gazette"/);
    const without = cli(emptyDossier(), join(STYLES, 'harbour-gazette-fire.txt'));
    expect(without.stderr).toMatch(/rerun with --create-outlets/);
  });

  it('recomputes the id on a forced re-import, and moves the capture and draft to it', () => {
    const d = emptyDossier();
    const file = join(STYLES, 'wire-report.txt');
    // Rules that hide the date: the first import can only name the draft after its file.
    writeFileSync(join(d, 'import-rules.yaml'), "extends: defaults\nboilerplate:\n  - reason: navigation\n    patterns: ['^2025-03-04 21:50$']\n");
    const first = cli(d, file, '--json');
    expect(JSON.parse(first.stdout.trim())).toMatchObject({ status: 'imported', id: 'wire-report' });
    writeFileSync(join(d, 'import-rules.yaml'), 'extends: defaults\n');
    expect(JSON.parse(cli(d, file, '--json').stdout.trim())).toMatchObject({ status: 'skipped', id: 'wire-report' });
    const forced = cli(d, file, '--json', '--force');
    expect(JSON.parse(forced.stdout.trim())).toMatchObject({ status: 'imported', id: 'northwire-2025-03-04' });
    expect(forced.stderr).toMatch(/re-imported as northwire-2025-03-04 \(was wire-report;/);
    expect(existsSync(join(d, 'sources', 'northwire-2025-03-04.md'))).toBe(true);
    expect(existsSync(join(d, 'captures', 'northwire-2025-03-04.txt'))).toBe(true);
    expect(existsSync(join(d, 'sources', 'wire-report.md'))).toBe(false);
    expect(existsSync(join(d, 'captures', 'wire-report.txt'))).toBe(false);
  });
});
