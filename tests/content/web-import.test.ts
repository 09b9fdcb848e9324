import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { verifyContent } from '../../src/lib/content/verify.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { miniCopy } from '../helpers/fixtures.ts';
import { makeLargeWarc, runImport, snapshot, web } from '../helpers/web.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();
const fresh = () => {
  const dir = miniCopy('tests/.out', 'web-import');
  made.push(dir);
  return dir;
};
const frontmatter = (file: string) => parse(splitFrontmatter(readFileSync(file, 'utf8')).frontmatter!) as Record<string, any>;

describe('npm run import of a web capture', () => {
  it('copies the archive byte for byte and writes a draft that verifies, with the page\'s facts and provenance', () => {
    const dir = fresh();
    const r = runImport(['--content', dir, '--create-outlets', '--json', web('harbour.warc.gz')]);
    expect(r.status, r.stderr).toBe(0);
    const [result] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(result).toMatchObject({ status: 'imported', id: 'the-coastal-courier-2017-11-14' });
    const capture = join(dir, 'captures', 'the-coastal-courier-2017-11-14.warc.gz');
    expect(readFileSync(capture).equals(readFileSync(web('harbour.warc.gz')))).toBe(true);
    const fm = frontmatter(join(dir, 'sources', 'the-coastal-courier-2017-11-14.md'));
    expect(fm.title).toBe('Harbour inquiry finds dredging logs were altered');
    expect(fm.byline).toBe('Mara Lind');
    expect(fm.dateline).toBe('PORT ELLEN, Nov. 14 (Courier) --');
    expect(fm.published).toMatchObject({ date: '2017-11-14', precision: 'day' });
    expect(fm.published.evidence[0].quote).toBe('meta article:published_time: 2017-11-14T09:30:00Z');
    expect(fm.url).toBe('http://127.0.0.1:8417/news/harbour-report.html');
    expect(fm.web).toMatchObject({ format: 'warc', url: fm.url, status: 200, tool: expect.stringMatching(/^Wget\//), payloadDigest: expect.stringMatching(/^sha1:[A-Z2-7]{32}$/), captured: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(verifyContent(dir).problems).toEqual([]);
  });

  it('imports the page of a multi-page WARC that --url names, and refuses without it, listing the pages', () => {
    const dir = fresh();
    const before = snapshot(dir);
    const refused = runImport(['--content', dir, web('two-pages.warc.gz')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('http://127.0.0.1:8417/news/ferry-contract.html');
    expect(refused.stderr).toContain('Fix: Choose the article with --url');
    expect(snapshot(dir)).toEqual(before);
    const r = runImport(['--content', dir, '--create-outlets', '--url', 'http://127.0.0.1:8417/news/ferry-contract.html', web('two-pages.warc.gz')]);
    expect(r.status, r.stderr).toBe(0);
    expect(frontmatter(join(dir, 'sources', 'island-post-2017-10-10.md')).web.url).toBe('http://127.0.0.1:8417/news/ferry-contract.html');
    expect(verifyContent(dir).problems).toEqual([]);
    const again = runImport(['--content', dir, '--url', 'http://127.0.0.1:8417/news/ferry-contract.html', web('two-pages.warc.gz')]);
    expect(again.stderr).toContain('already imported as "island-post-2017-10-10"');
  });

  const bad: [string, string][] = [
    ['bad-truncated.warc.gz', 'is truncated or corrupt'],
    ['bad-no-html.warc.gz', 'holds no HTML page'],
    ['bad-tampered.warc.gz', 'does not match its WARC-Payload-Digest'],
    ['bad-no-article.warc.gz', 'holds no article'],
    ['bad-undeclared-1252.warc.gz', 'declares no character encoding'],
  ];
  for (const [file, message] of bad) {
    it(`refuses ${file}: names the file and the fix, writes nothing, prints no stack trace`, () => {
      const dir = fresh();
      const before = snapshot(dir);
      const r = runImport(['--content', dir, web(file)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${web(file)}: `);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toMatch(/\n\s+Fix: \S/);
      expect(r.stderr).not.toMatch(/\n\s+at \S+ \(|Error:/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('streams a 200 MB archive: imports it without ever holding it in memory', () => {
    // Each import runs in a child process that reports its own peak resident memory.
    const script = `
      import { Importer } from './src/lib/import/batch.ts';
      import { loadRules } from './src/lib/import/rules.ts';
      import { WebImporter } from './src/lib/capture/web/import.ts';
      const dir = process.argv[1];
      const { rules } = loadRules(dir);
      const w = new WebImporter({ contentDir: dir, rules, createOutlets: true }, new Importer({ contentDir: dir, rules }));
      const r = await w.importFile(process.argv[2]);
      console.log(JSON.stringify({ status: r.status, message: r.message, peakMB: process.resourceUsage().maxRSS / 1024 }));`;
    const importOf = (mb: number) => {
      const dir = fresh();
      const archive = join(dir, '..', `big-${process.pid}-${mb}.warc`);
      made.push(archive);
      makeLargeWarc(archive, mb);
      expect(statSync(archive).size).toBeGreaterThan(mb * 1024 * 1024);
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir, archive], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      const out = JSON.parse(child.stdout) as { status: string; message: string; peakMB: number };
      expect(out.status, out.message).toBe('imported');
      expect(statSync(join(dir, 'captures', 'the-coastal-courier-2017-11-14.warc')).size).toBe(statSync(archive).size);
      return out.peakMB;
    };
    // Against the same import of a 1 MB archive (the importer's own code and libraries: about
    // 134 MB here): the 200 MB import peaks at 189-196 MB, so a fixed 200 MB bound said little and
    // failed now and then. Held whole, the archive would add at least its size.
    const small = importOf(1);
    const big = importOf(200);
    expect(big - small).toBeLessThan(100);
  });

  it('fails the build\'s check when the extractor differs from the one the source records, or its text changed', () => {
    const dir = fresh();
    expect(runImport(['--content', dir, '--create-outlets', web('harbour.warc.gz')]).status).toBe(0);
    const file = join(dir, 'sources', 'the-coastal-courier-2017-11-14.md');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace(/@mozilla\/readability@[\d.]+/, '@mozilla/readability@0.5.0'));
    let report = formatProblems(verifyContent(dir).problems);
    expect(report).toContain('field "web.extractor"');
    expect(report).toContain('was extracted by @mozilla/readability@0.5.0');
    expect(report).toContain('npm run import -- --force');
    writeFileSync(file, good.replace(/textSha256: "[0-9a-f]{64}"/, `textSha256: ${'f'.repeat(64)}`));
    report = formatProblems(verifyContent(dir).problems);
    expect(report).toContain('field "web.textSha256"');
    expect(report).toContain(`not the ${'f'.repeat(64)} recorded at import`);
    writeFileSync(file, good.replace(/status: 200/, 'status: 404'));
    expect(formatProblems(verifyContent(dir).problems)).toContain('status is 404, but the archive');
    // A body edited away from the archive's text is caught as for a .txt capture.
    writeFileSync(file, good.replace('at least eleven days', 'at least twelve days'));
    expect(formatProblems(verifyContent(dir).problems)).toContain('is not verbatim in the capture');
    writeFileSync(file, good);
    expect(verifyContent(dir).problems).toEqual([]);
  });

  it('reports a damaged archive in captures/ at build time, naming the file, without echoes for its source', () => {
    const dir = fresh();
    expect(runImport(['--content', dir, '--create-outlets', web('harbour.warc.gz')]).status).toBe(0);
    const capture = join(dir, 'captures', 'the-coastal-courier-2017-11-14.warc.gz');
    writeFileSync(capture, readFileSync(web('bad-truncated.warc.gz')));
    const problems = verifyContent(dir).problems;
    const report = formatProblems(problems);
    expect(report).toContain('the-coastal-courier-2017-11-14.warc.gz');
    expect(report).toContain('is truncated or corrupt');
    expect(report).toContain('hash mismatch');
    expect(report).not.toContain('is not verbatim');
    expect(existsSync(capture)).toBe(true);
  });
});
