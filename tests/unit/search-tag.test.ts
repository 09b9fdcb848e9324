import { describe, expect, it } from 'vitest';
import { applyTag, metaCacheTag, SEARCH_TAG_PLACEHOLDER } from '../../src/lib/search/tag.ts';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('metaCacheTag', () => {
  it('is the same for the same files in any order', () => {
    const a = [file('pagefind-entry.json', '{"a":1}'), file('index/en_1.pf_index', 'x')];
    expect(metaCacheTag(a)).toBe(metaCacheTag([...a].reverse()));
  });

  it('changes when any file or name changes', () => {
    const base = metaCacheTag([file('a', '1'), file('b', '2')]);
    expect(metaCacheTag([file('a', '1'), file('b', '3')])).not.toBe(base);
    expect(metaCacheTag([file('a', '1'), file('c', '2')])).not.toBe(base);
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    expect(metaCacheTag([file('ab', 'c')])).not.toBe(metaCacheTag([file('a', 'bc')]));
  });

  it('replaces every placeholder, and leaves pages without one alone', () => {
    const html = `<pagefind-config meta-cache-tag="${SEARCH_TAG_PLACEHOLDER}"></pagefind-config><x data-t="${SEARCH_TAG_PLACEHOLDER}">`;
    expect(applyTag(html, 'abc')).toBe('<pagefind-config meta-cache-tag="abc"></pagefind-config><x data-t="abc">');
    expect(applyTag('<p>no search here</p>', 'abc')).toBeUndefined();
  });
});
