// The importer on the five real captures: it must recover the outlet and date of the curated
// sources, or say it is unsure; its drafts must verify; and it must never lose work.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { sha256 } from '../../src/lib/content/read.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { Importer, type ImportResult } from '../../src/lib/import/batch.ts';
import { loadRules } from '../../src/lib/import/rules.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT = join(ROOT, 'src/content');
// The seeds ship with the project as its captures, byte for byte; their original names are in the sources.
const curated = readdirSync(join(CONTENT, 'sources')).map((f) => {
  const fm = parse(splitFrontmatter(readFileSync(join(CONTENT, 'sources', f), 'utf8')).frontmatter!);
  return { id: f.replace(/\.md$/, ''), fm };
});

/** A content folder holding the real dossier's settings and outlets, with no sources yet. */
function emptyDossier(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  for (const f of ['dossier.yaml', 'outlets.yaml', 'actors.yaml']) cpSync(join(CONTENT, f), join(dir, f));
  for (const f of ['events.yaml', 'context.yaml']) writeFileSync(join(dir, f), '[]\n');
  cpSync(join(ROOT, 'tests/fixtures/mini/pages'), join(dir, 'pages'), { recursive: true });
  return dir;
}

/** The seeds under their original names, from the curated captures. */
function seeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
  for (const { fm } of curated) cpSync(join(CONTENT, 'captures', `${fm.capture.id}.txt`), join(dir, fm.capture.originalName));
  return dir;
}


describe('importing the five real captures', () => {
  let dir: string;
  let results: ImportResult[];
  beforeAll(() => {
    dir = emptyDossier();
    const { rules } = loadRules(CONTENT);
    const importer = new Importer({ contentDir: dir, rules: rules! });
    const src = seeds();
    results = readdirSync(src).sort().map((f) => importer.importFile(join(src, f)));
  });

  it('imports all five', () => {
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
  });

  for (const { fm } of curated) {
    it(`recovers the outlet and date of ${fm.capture.originalName}, or flags them for review`, () => {
      const r = results.find((x) => x.file.endsWith(fm.capture.originalName))!;
      const draft = parse(splitFrontmatter(readFileSync(join(dir, 'sources', `${r.id}.md`), 'utf8')).frontmatter!);
      const flagged = (field: string) => r.review.some((note) => note.startsWith(`${field}:`));
      // Either right, or the review list says the importer was not sure.
      if (draft.outlet !== fm.outlet) expect(flagged('outlet'), `outlet ${draft.outlet} vs ${fm.outlet}`).toBe(true);
      if (draft.published.date !== fm.published.date) expect(flagged('published.date'), `date ${draft.published.date} vs ${fm.published.date}`).toBe(true);
      // And never silently wrong: what it was certain of must match.
      if (!flagged('outlet')) expect(draft.outlet).toBe(fm.outlet);
      if (!flagged('published.date')) expect(draft.published.date).toBe(fm.published.date);
    });
  }

  it('gets the outlet and date right for the captures that state them', () => {
    const right = results.filter((r) => {
      const draft = parse(splitFrontmatter(readFileSync(join(dir, 'sources', `${r.id}.md`), 'utf8')).frontmatter!);
      const c = curated.find((x) => r.file.endsWith(x.fm.capture.originalName))!.fm;
      return draft.outlet === c.outlet && draft.published.date === c.published.date;
    });
    // TASS gives no year, so four of five can be recovered from the captures alone.
    expect(right.length).toBeGreaterThanOrEqual(4);
  });

  it('copies each capture byte for byte and records its SHA-256', () => {
    for (const { fm } of curated) {
      const r = results.find((x) => x.file.endsWith(fm.capture.originalName))!;
      const bytes = readFileSync(join(dir, 'captures', `${r.id}.txt`));
      expect(sha256(bytes)).toBe(fm.capture.sha256);
      const draft = parse(splitFrontmatter(readFileSync(join(dir, 'sources', `${r.id}.md`), 'utf8')).frontmatter!);
      expect(draft.capture).toEqual({ id: r.id, sha256: fm.capture.sha256, originalName: fm.capture.originalName });
    }
  });

  it('removes the same boilerplate lines as the curated DW and Xinhua sources', () => {
    for (const id of ['dw-2017-11-14', 'xinhua-2017-11-14']) {
      const draft = parse(splitFrontmatter(readFileSync(join(dir, 'sources', `${id}.md`), 'utf8')).frontmatter!);
      const c = curated.find((x) => x.id === id)!.fm;
      const removedText = (l: { text: string }[]) => l.map((x) => x.text);
      // DW's two related-story links look like cross-heads; the importer keeps and flags them instead.
      for (const r of c.removed) if (r.reason !== 'related-story') expect(removedText(draft.removed)).toContain(r.text);
    }
  });

  it('writes drafts that verify, once the year the TASS capture lacks is given', () => {
    const d = emptyDossier();
    const importer = new Importer({ contentDir: d, rules: loadRules(CONTENT).rules!, year: 2017 });
    const src = seeds();
    for (const f of readdirSync(src)) importer.importFile(join(src, f));
    const { problems } = verifyContent(d, ROOT);
    expect(problems).toEqual([]);
  });
});

describe('never losing work', () => {
  const one = () => {
    const src = seeds();
    return join(src, readdirSync(src).sort()[0]);
  };

  it('skips a capture already imported, and re-imports it only with --force', () => {
    const d = emptyDossier();
    const rules = loadRules(CONTENT).rules!;
    const file = one();
    const first = new Importer({ contentDir: d, rules }).importFile(file);
    const draftPath = join(d, 'sources', `${first.id}.md`);
    writeFileSync(draftPath, `${readFileSync(draftPath, 'utf8')}\nAn author's edit.\n`);
    const again = new Importer({ contentDir: d, rules }).importFile(file);
    expect(again).toMatchObject({ status: 'skipped', id: first.id });
    expect(readFileSync(draftPath, 'utf8')).toContain("An author's edit.");
    const forced = new Importer({ contentDir: d, rules, force: true }).importFile(file);
    expect(forced).toMatchObject({ status: 'imported', id: first.id });
    expect(readFileSync(draftPath, 'utf8')).not.toContain("An author's edit.");
  });

  it('the command leaves an edited draft and its capture alone, and says so, unless given --force', () => {
    const d = emptyDossier();
    const file = one();
    const run = (...extra: string[]) => spawnSync(process.execPath, ['scripts/import.ts', file, '--content', d, '--json', ...extra], { cwd: ROOT, encoding: 'utf8' });
    const first = JSON.parse(run().stdout.trim()) as ImportResult;
    const draft = join(d, 'sources', `${first.id}.md`);
    const capture = join(d, 'captures', `${first.id}.txt`);
    writeFileSync(draft, `${readFileSync(draft, 'utf8')}\nAn author's edit.\n`);
    const captureBytes = readFileSync(capture);
    const again = run();
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/skipped/);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(draft, 'utf8')).toContain("An author's edit.");
    expect(readFileSync(capture).equals(captureBytes)).toBe(true);
    const forced = run('--force');
    expect(JSON.parse(forced.stdout.trim())).toMatchObject({ status: 'imported', id: first.id });
    expect(readFileSync(draft, 'utf8')).not.toContain("An author's edit.");
  });

  it('gives a different capture with the same outlet and date its own id', () => {
    const d = emptyDossier();
    const rules = loadRules(CONTENT).rules!;
    const file = one();
    const other = join(mkdtempSync(join(tmpdir(), 'other-')), 'copy.txt');
    writeFileSync(other, `${readFileSync(file, 'utf8')}\nOne more line at the end.\n`);
    const importer = new Importer({ contentDir: d, rules });
    const a = importer.importFile(file);
    const b = importer.importFile(other);
    expect(b.id).toBe(`${a.id}-2`);
    expect(existsSync(join(d, 'captures', `${a.id}.txt`))).toBe(true);
  });
});

describe('npm run import on a batch with bad files', () => {
  it('reports each bad file clearly, imports the rest, and ends with a summary', () => {
    const d = emptyDossier();
    const batch = mkdtempSync(join(tmpdir(), 'batch-'));
    cpSync(join(CONTENT, 'captures', 'dw-2017-11-14.txt'), join(batch, 'a-good.txt'));
    writeFileSync(join(batch, 'b-empty.txt'), '');
    writeFileSync(join(batch, 'c-binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(batch, 'd-latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = spawnSync(process.execPath, ['scripts/import.ts', batch, join(batch, 'missing.txt'), '--content', d], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/\[1\/5\] REVIEW .*a-good\.txt: imported as dw-2017-11-14/);
    expect(r.stderr).toMatch(/b-empty\.txt: is empty\n\s+Fix: /);
    expect(r.stderr).toMatch(/c-binary\.txt: is not text \(it contains NUL bytes/);
    expect(r.stderr).toMatch(/d-latin1\.txt: is not UTF-8 text\n\s+Fix: Convert it to UTF-8/);
    expect(r.stderr).toMatch(/missing\.txt: does not exist/);
    expect(r.stderr).toMatch(/Summary: 1 imported, 0 skipped, 4 failed; 1 of the imported need review/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(d, 'sources', 'dw-2017-11-14.md'))).toBe(true);
  });

  it('refuses a broken rules file before importing anything, naming the field', () => {
    const d = emptyDossier();
    writeFileSync(join(d, 'import-rules.yaml'), "boilerplate:\n  - reason: navigation\n    patterns: ['(']\n");
    mkdirSync(join(d, 'in'));
    cpSync(join(CONTENT, 'captures', 'dw-2017-11-14.txt'), join(d, 'in', 'x.txt'));
    const r = spawnSync(process.execPath, ['scripts/import.ts', join(d, 'in'), '--content', d], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/import-rules\.yaml \(field "boilerplate\.0\.patterns\.0"\)/);
    expect(r.stderr).toMatch(/Nothing was imported/);
    expect(existsSync(join(d, 'sources'))).toBe(false);
  });

  it('explains a wrong option', () => {
    const r = spawnSync(process.execPath, ['scripts/import.ts', '--year', '17', 'x.txt'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--year needs a four-digit year/);
  });
});
