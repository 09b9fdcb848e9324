import { describe, expect, it } from 'vitest';
import { inTurn, SetAside } from '../../src/lib/print/set-aside.ts';

describe('SetAside', () => {
  it('puts each part back where its mark stands, in the order of the document', () => {
    const aside = new SetAside();
    const first = aside.put('<article id="a">“A”</article>');
    const second = aside.put('<article id="b">B</article>');
    const document = `<section><h2>S</h2>${second}<p>between</p>${first}</section>`;
    const parts = aside.parts(document);
    expect(parts.join('')).toBe('<section><h2>S</h2><article id="b">B</article><p>between</p><article id="a">“A”</article></section>');
    expect(parts).toHaveLength(5);
  });

  it('marks with a token of its own, so text that looks like a mark is left alone', () => {
    const one = new SetAside();
    const other = new SetAside();
    const mark = one.put('<p>x</p>');
    expect(other.put('<p>y</p>')).not.toBe(mark);
    expect(other.parts(`${mark}<p>z</p>`).join('')).toBe(`${mark}<p>z</p>`);
  });

  it('holds no part once it has handed them back', () => {
    const aside = new SetAside();
    const mark = aside.put('<p>x</p>');
    expect(aside.parts(mark).join('')).toBe('<p>x</p>');
    expect(() => aside.parts(mark)).toThrow('print: part 0 of the document was handed back already');
  });
});

describe('inTurn', () => {
  it('renders each item only when the one before it is taken', () => {
    const rendered: number[] = [];
    const list = inTurn(['a', 'b', 'c'], (item, i) => {
      rendered.push(i);
      return `${item}${i}`;
    });
    expect(Array.isArray(list)).toBe(false);
    const iterator = list[Symbol.iterator]();
    expect(iterator.next().value).toBe('a0');
    expect(rendered).toEqual([0]);
    expect([...list]).toEqual(['a0', 'b1', 'c2']);
  });
});
