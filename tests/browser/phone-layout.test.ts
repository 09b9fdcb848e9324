import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/session.ts';
import { htmlPages } from '../helpers/site.ts';

const env = useBuiltSite();

// The narrowest phones in use are 320 px wide. Wide tables scroll inside their own frame; the page never does.
describe('phone layout', () => {
  it('no page of the site scrolls sideways at 320 px', { timeout: 240_000 }, async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    const pages = htmlPages().map((p) => p.replace(/index\.html$/, ''));
    for (const path of pages) {
      await page.goto(env.url + path, { waitUntil: 'load' });
      const r = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Name what reaches past the viewport, so a failure says where to look: the outermost such
        // element outside a scrolling frame, or a positioned one that its frame does not contain.
        const escapes = (el: Element) => !el.closest('.table-wrap, .site-nav') || ['absolute', 'fixed'].includes(getComputedStyle(el).position);
        const culprits = Array.from(document.body.querySelectorAll('*'))
          .filter((el) => el.getBoundingClientRect().right > width + 1 && escapes(el))
          .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1 && escapes(el.parentElement)))
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
        return { scroll: document.documentElement.scrollWidth, width, culprits };
      });
      if (r.scroll > r.width) wide.push(`${path}: ${r.scroll} px wide in a ${r.width} px viewport (${r.culprits.join(', ') || 'inside a scrolling frame'})`);
    }
    await context.close();
    expect(pages.length).toBeGreaterThan(20);
    expect(wide).toEqual([]);
  });
});
