import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { cellAlignToClass } from '../../src/lib/render/cell-align.ts';

const render = (md: string) => markdownToHtml(md, { hastPlugins: [cellAlignToClass], features: { gfm: true } }).html;

describe('table column alignment', () => {
  it('becomes a class on every cell of the column, not a style attribute', () => {
    const html = render('| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n');
    expect(html).not.toContain('style=');
    expect(html.match(/<t[hd](?=[\s>])[^>]*>/g)).toEqual([
      '<th class="align-left">', '<th class="align-center">', '<th class="align-right">', '<th>',
      '<td class="align-left">', '<td class="align-center">', '<td class="align-right">', '<td>',
    ]);
  });

  it('leaves other elements, and cells without alignment, as they are', () => {
    expect(render('Some *text*.\n')).toBe(markdownToHtml('Some *text*.\n').html);
    const plain = '| a |\n|---|\n| 1 |\n';
    expect(render(plain)).toBe(markdownToHtml(plain, { features: { gfm: true } }).html);
  });
});
