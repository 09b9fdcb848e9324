import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });

// A capture's SHA-256 is recorded, so a Windows checkout (Git for Windows sets core.autocrlf=true)
// must give the same bytes, or the site would not build from a fresh clone there.
describe('line endings on checkout', () => {
  const files = ['.gitattributes', 'src/content/captures/dw-2017-11-14.txt', 'src/content/sources/dw-2017-11-14.md', 'tests/fixtures/mini/captures/wire-2020-03-02.txt'];

  it('a clone with core.autocrlf=true has every capture and source byte for byte', () => {
    const repo = mkdtempSync(join(tmpdir(), 'eol-repo-'));
    made.push(repo);
    for (const f of files) {
      mkdirSync(join(repo, dirname(f)), { recursive: true });
      copyFileSync(f, join(repo, f));
    }
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'content');
    const clone = `${repo}-windows`;
    made.push(clone);
    git(tmpdir(), '-c', 'core.autocrlf=true', 'clone', '-q', '--config', 'core.autocrlf=true', repo, clone);
    for (const f of files) expect(readFileSync(join(clone, f)).equals(readFileSync(f)), f).toBe(true);
  });

  it('every capture in the project is kept out of line-ending conversion', () => {
    const captures = git('.', 'ls-files', '*/captures/*.txt').trim().split('\n');
    expect(captures.length).toBeGreaterThanOrEqual(7);
    const attrs = git('.', 'check-attr', 'text', '--', ...captures).trim().split('\n');
    expect(attrs.filter((line) => !line.endsWith(': text: unset'))).toEqual([]);
  });
});
