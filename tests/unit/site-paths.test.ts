import { describe, expect, it } from 'vitest';
import { linkedPath } from '../../src/lib/content/site-paths.ts';

describe('the site path a link points at', () => {
  it('resolves links within the site against the page, and adds the trailing slash pages have', () => {
    expect(linkedPath('/claims/a/', '/method/')).toBe('/claims/a/');
    expect(linkedPath('/claims/a', '/method/')).toBe('/claims/a/');
    expect(linkedPath('../sources/b/#passage', '/method/')).toBe('/sources/b/');
    expect(linkedPath('timeline/?q=x', '/method/')).toBe('/method/timeline/');
    expect(linkedPath('/captures/b.txt', '/method/')).toBe('/captures/b.txt');
    expect(linkedPath('/sources/%C3%A9t%C3%A9/', '/method/')).toBe('/sources/été/');
  });

  it('leaves alone links that leave the site or stay on the page', () => {
    for (const href of ['https://example.org/', '//example.org/x', 'mailto:a@example.org', '#top', '', '  ']) expect(linkedPath(href, '/method/'), href).toBeUndefined();
  });
});
