import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { miniCopy } from '../helpers/fixtures.ts';
import { ASTRO, buildDossier, buildEnv } from '../helpers/build.ts';
import { withBuildLockAsync } from '../helpers/build-lock.ts';
import { launch } from '../helpers/browser.ts';
import { serve } from '../helpers/serve.ts';
import { madeFolders } from '../helpers/scratch.ts';

const made = madeFolders();

describe('publishing never loses the last good site', () => {
  it('a build killed part-way leaves the previous site in place, and the next build publishes', { timeout: 240_000 }, async () => {
    const content = miniCopy();
    const out = `${content}-dist`;
    made.push(content, out, `${out}-cache`, `${out}.staging`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'the last good site');

    const killedEarly = await withBuildLockAsync(async () => {
      const child = spawn(process.execPath, [ASTRO, 'build'], { env: buildEnv(content, out), stdio: 'ignore' });
      const exited = new Promise((r) => child.on('exit', r));
      // Kill it as soon as it has started writing the new site.
      for (let i = 0; i < 6000 && !existsSync(join(`${out}.staging`, '_astro')) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 10));
      const running = child.exitCode === null;
      child.kill('SIGKILL');
      await exited;
      return running;
    });
    expect(killedEarly).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');

    const again = buildDossier(content, out);
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Mini dossier');
    expect(existsSync(`${out}.staging`)).toBe(false);
    expect(existsSync(`${out}.old`)).toBe(false);
  });

  it('renders a hostile value as text, never as markup, in pages, JSON-LD and search excerpts', { timeout: 240_000 }, async () => {
    const content = miniCopy();
    const out = `${content}-dist`;
    made.push(content, out, `${out}-cache`);
    const hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">';
    const file = join(content, 'sources/wire-2020-03-02.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('summary: The wire reports the ministry\'s statement.', `summary: '${hostile}'`));
    const claim = join(content, 'claims/river-rising.yaml');
    writeFileSync(claim, readFileSync(claim, 'utf8').replace('summary: The river is rising fast and nobody is helping.', `summary: '${hostile}'`));
    const r = buildDossier(content, out);
    expect(r.status, r.stderr).toBe(0);
    const shownAsText: string[] = [];
    for (const page of ['index.html', 'sources/index.html', 'claims/index.html', 'claims/river-rising/index.html', 'sources/wire-2020-03-02/index.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      // Inside a quoted attribute value "<script>" is inert text; what matters is the markup around it.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(markup, page).not.toContain('<script>window.pwned');
      expect(markup, page).not.toContain('<img src=x');
      if (html.includes('&lt;script&gt;window.pwned=1&lt;/script&gt;')) shownAsText.push(page);
    }
    // The value is visible, as text, wherever it is displayed (lists, claim pages).
    expect(shownAsText.length).toBeGreaterThanOrEqual(3);
    // JSON-LD holds it as data: no "</script>" can close the block early.
    const ld = readFileSync(join(out, 'claims/river-rising/index.html'), 'utf8').match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1];
    expect(JSON.stringify(JSON.parse(ld))).toContain('<script>window.pwned=1</script>');

    // In Chromium: the search excerpt shows the value as text, and nothing of it runs.
    const site = await serve(out);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}/search/?q=pwned`);
      const excerpt = page.locator('pagefind-results[instance=page] .search-result-excerpt').first();
      await excerpt.waitFor({ timeout: 30_000 });
      const texts = await page.locator('pagefind-results[instance=page] .search-result').allInnerTexts();
      expect(texts.join('\n')).toContain('window.pwned=1');
      expect(await page.locator('pagefind-results img, pagefind-results script:not([type="text/pagefind-template"])').count()).toBe(0);
      await page.goto(`${site.url}/claims/river-rising/`);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
