import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { withBuildLock } from '../helpers/build-lock.ts';

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MARKDOWN = `
Check a capture against its recorded hash:

\`\`\`sh
sha256sum captures/wire-2020-03-02.txt
\`\`\`

| Outlet | Date | Words |
|:--|:-:|--:|
| Wire | 2 March | 120 |
`;

describe('Markdown in an analysis page', () => {
  it('writes no style attribute, which the Content Security Policy would block', { timeout: 240_000 }, () => {
    const content = miniCopy();
    const out = `${content}-dist`;
    made.push(content, out, `${out}-cache`);
    appendFileSync(join(content, 'pages/method.mdx'), MARKDOWN);
    const env = { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT_DIR: out, DOSSIER_CACHE_DIR: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1' };
    const r = withBuildLock(() => spawnSync(process.execPath, [ASTRO, 'build'], { env, encoding: 'utf8' }));
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
});
