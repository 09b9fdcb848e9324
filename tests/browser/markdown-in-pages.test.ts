import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { buildDossier } from '../helpers/build.ts';
import { launch } from '../helpers/browser.ts';
import { serve } from '../helpers/serve.ts';
import { madeFolders } from '../helpers/scratch.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const made = madeFolders();

// A code block with a line far wider than a phone, and a table with aligned columns.
const MARKDOWN = `
Check the captures against their recorded hashes:

\`\`\`sh
sha256sum captures/wire-2020-03-02.txt captures/paper-2020-03-03.txt captures/wire-2020-03-02.txt captures/paper-2020-03-03.txt
\`\`\`

| Outlet | Date | Words |
|:--|:-:|--:|
| Wire | 2 March | 120 |
`;

describe('Markdown in an analysis page', () => {
  const content = miniCopy();
  const out = `${content}-dist`;
  made.push(content, out, `${out}-cache`);
  appendFileSync(join(content, 'pages/method.mdx'), MARKDOWN);

  it('is written with no style attribute, which the Content Security Policy would block', { timeout: 240_000 }, () => {
    const r = buildDossier(content, out);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'method/index.html'), 'utf8');
    expect(html).not.toMatch(/<[a-z][\w-]*\b[^>]*\sstyle=/i);

    // A code block is plain, in the site's palette: no highlighter's colours.
    const block = html.match(/<pre\b[^>]*>[\s\S]*?<\/pre>/)?.[0] ?? '';
    expect(block).toMatch(/^<pre><code class="language-sh">sha256sum captures\/wire-2020-03-02.txt/);

    // A table keeps its column alignment, as classes the stylesheet aligns.
    const cells = [...html.matchAll(/<t[hd]\b[^>]*>(Outlet|Date|Words|Wire|2 March|120)<\/t[hd]>/g)].map((m) => m[0]);
    expect(cells).toEqual([
      '<th class="align-left">Outlet</th>', '<th class="align-center">Date</th>', '<th class="align-right">Words</th>',
      '<td class="align-left">Wire</td>', '<td class="align-center">2 March</td>', '<td class="align-right">120</td>',
    ]);
  });

  it('reads on a phone in Chromium: aligned, not scrolled sideways, no policy violation, no axe violation', { timeout: 120_000 }, async () => {
    const site = await serve(out);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const refused: string[] = [];
      page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
      await page.goto(`${site.url}/method/`, { waitUntil: 'load' });
      expect(await page.locator('th.align-right').evaluate((e) => getComputedStyle(e).textAlign)).toBe('right');
      expect(await page.locator('td.align-center').evaluate((e) => getComputedStyle(e).textAlign)).toBe('center');
      const pre = await page.locator('pre').evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(pre.scroll).toBeLessThanOrEqual(pre.client);
      // Evaluated over the DevTools protocol: an injected <script> would be refused by the page's policy.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v: { id: string; nodes: { html: string }[] }) => `${v.id}: ${v.nodes[0]?.html.slice(0, 80)}`);
      });
      expect(violations).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
