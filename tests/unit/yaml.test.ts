import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

// parseYaml reads data with js-yaml and asks `yaml` only for lines and error messages. The two
// must agree on every document the project holds, valid or broken, and on the shapes below.

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** Every YAML text in the dossier and the test fixtures (broken ones included), with its file. */
function documents(): { file: string; text: string }[] {
  return ['src/content', 'tests/fixtures'].flatMap(walk).flatMap((file) => {
    if (/\.ya?ml$/.test(file)) return [{ file, text: readFileSync(file, 'utf8') }];
    if (/\.mdx?$/.test(file)) {
      const fm = splitFrontmatter(readFileSync(file, 'utf8')).frontmatter;
      return fm === undefined ? [] : [{ file, text: fm }];
    }
    return [];
  });
}

/** What `yaml` alone made of a text, as the verifier used to read it. */
function byYaml(text: string): { data?: unknown; error?: string } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  return doc.errors.length ? { error: doc.errors[0].message.split('\n')[0] } : { data: doc.toJS() };
}

describe('parseYaml', () => {
  const docs = documents();

  it('has documents to compare, broken ones among them', () => {
    expect(docs.length).toBeGreaterThan(50);
    expect(docs.filter((d) => byYaml(d.text).error).length).toBeGreaterThan(0);
  });

  it('reads every document as `yaml` does: the same data, or a refusal with the same message', () => {
    for (const { file, text } of docs) {
      const ours = parseYaml(text);
      const theirs = byYaml(text);
      if (theirs.error) {
        expect(ours.data, file).toBeUndefined();
        expect(ours.errors[0]?.message, file).toBe(theirs.error.replace(/ at line \d+, column \d+:?$/, ''));
      } else {
        expect(ours.errors, file).toEqual([]);
        expect(ours.data ?? null, file).toEqual(theirs.data ?? null);
      }
    }
  });

  it('keeps dates as text and refuses duplicate keys', () => {
    expect(parseYaml('date: 2017-11-14\ncount: 3\nok: true').data).toEqual({ date: '2017-11-14', count: 3, ok: true });
    const dup = parseYaml('id: a\ntitle: x\nid: b\n');
    expect(dup.data).toBeUndefined();
    expect(dup.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/unique/i) });
  });

  it('gives the line of a syntax error, counted from where the text starts in its file', () => {
    const broken = parseYaml('title: "x"\nevents: [a, b\nsummary: y\n', 1);
    expect(broken.data).toBeUndefined();
    expect(broken.errors[0].line).toBeGreaterThanOrEqual(3);
  });

  it('finds the line of a nested field, or of its nearest parent', () => {
    const parsed = parseYaml('title: T\npublished:\n  date: "2017"\n  evidence:\n    - quote: q\n      note: n\n', 1);
    expect(parsed.lineOf(['published', 'evidence', 0, 'note'])).toBe(7);
    // The value of `published` (its map) starts on the line after the key.
    expect(parsed.lineOf(['published', 'missing'])).toBe(4);
  });

  it('refuses what js-yaml refuses even where `yaml` would read it', () => {
    const custom = parseYaml('title: !custom x\n');
    expect(custom.data).toBeUndefined();
    expect(custom.errors[0].message).toMatch(/tag/);
  });
});
