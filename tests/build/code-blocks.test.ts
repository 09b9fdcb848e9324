import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { withBuildLock } from '../helpers/build-lock.ts';

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a code block in an analysis page', () => {
  it('is plain <pre><code>, with no style attribute for the Content Security Policy to block', { timeout: 240_000 }, () => {
    const content = miniCopy();
    const out = `${content}-dist`;
    made.push(content, out, `${out}-cache`);
    appendFileSync(join(content, 'pages/method.mdx'), '\nCheck a capture against its recorded hash:\n\n```sh\nsha256sum captures/wire-2020-03-02.txt\n```\n');
    const env = { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT_DIR: out, DOSSIER_CACHE_DIR: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1' };
    const r = withBuildLock(() => spawnSync(process.execPath, [ASTRO, 'build'], { env, encoding: 'utf8' }));
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'method/index.html'), 'utf8');
    const block = html.match(/<pre\b[^>]*>[\s\S]*?<\/pre>/)?.[0] ?? '';
    expect(block).toContain('sha256sum captures/wire-2020-03-02.txt');
    expect(block).toMatch(/^<pre><code class="language-sh">/);
    expect(html).not.toMatch(/<[a-z][\w-]*\b[^>]*\sstyle=/i);
  });
});
