import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBuildLock } from '../helpers/build-lock.ts';
import { engineState } from '../helpers/engine-state.ts';
import { leaks } from '../helpers/leaks.ts';
import { launch } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { removeFully } from '../../src/lib/discard.ts';

/**
 * The second dossier, examples/harbour-fire, built as an author builds it (the npm scripts' entry
 * points, --content only, so the site goes to its own dist/), read, searched and printed in Chromium;
 * nothing of the first dossier may show anywhere in it, and the engine folder is unchanged.
 */
const EXAMPLE = resolve('examples/harbour-fire');
const DIST = join(EXAMPLE, 'dist');

const run = (args: string[]) => withBuildLock(() => spawnSync(process.execPath, args, {
  encoding: 'utf8',
  env: { ...process.env, DOSSIER_CONTENT: '', DOSSIER_OUT_DIR: '', INIT_CWD: '', DOSSIER_CACHE_DIR: `${work}/cache`, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
}));

const work = mkdtempSync(join(tmpdir(), 'example-dossier-'));
let engineBefore: string;
let build: ReturnType<typeof run>;
let pdf: ReturnType<typeof run>;
let browser: Browser;
let site: Served;

beforeAll(async () => {
  engineBefore = engineState();
  removeFully(DIST);
  removeFully(join(EXAMPLE, '.dossier'));
  build = run(['scripts/astro.ts', 'build', '--content', 'examples/harbour-fire']);
  // npm run pdf prints /print/ of that build, then builds once more so that the pages link to it.
  pdf = run(['scripts/pdf.ts', '--content', 'examples/harbour-fire']);
  site = await serve(DIST);
  browser = await launch();
}, 1_800_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  removeFully(work);
});

describe('the example dossier builds on its own', () => {
  it('builds into its own dist/ and says which folder it reads', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toContain(`dossier: reading examples/harbour-fire, writing examples/harbour-fire/dist`);
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(pdf.stderr + pdf.stdout).toMatch(/Wrote examples\/harbour-fire\/dist\/dossier\.pdf/);
  });

  it('leaves the engine folder byte for byte as it was: no tracked file changed, nothing new that git would see', () => {
    expect(engineState()).toBe(engineBefore);
  });

  it('has the features the first dossier does not use: a French source, a month-precision date, a response to two claims', () => {
    const french = readFileSync(join(DIST, 'sources/courrier-du-port-2024-03-13/index.html'), 'utf8');
    // The French text is marked as French (for screen readers, hyphenation and search), on the source page and where a claim quotes it.
    expect(french).toMatch(/<h1 lang="fr">Incendie au quai nord/);
    expect(french).toMatch(/<div class="article" lang="fr">/);
    expect(readFileSync(join(DIST, 'claims/electrical-fault/index.html'), 'utf8')).toMatch(/<p lang="fr">l(&#39;|'|’)incendie a été provoqué/);
    expect(french).toContain('panne électrique');
    const bulletin = readFileSync(join(DIST, 'sources/dockworkers-bulletin-2024-03/index.html'), 'utf8');
    expect(bulletin).toContain('March 2024');
    expect(bulletin).not.toMatch(/\d+ March 2024/);
    // One response, shown with each of the two claims it answers.
    for (const claim of ['electrical-fault', 'no-one-hurt']) {
      const page = readFileSync(join(DIST, `claims/${claim}/index.html`), 'utf8');
      expect(page, claim).toContain('two of its members were treated for smoke');
      expect(page, claim).toContain('href="/responses/#union-disputes-statement"');
    }
    // The French rendering is shown beside the English one, but not word-diffed against it as if it were a variant.
    const fault = readFileSync(join(DIST, 'claims/electrical-fault/index.html'), 'utf8');
    expect(fault).toContain('Le Courrier du Port');
    expect(fault).not.toContain('Word by word');
  });
});

describe('nothing of the first dossier leaks into it', () => {
  /** Every text file of the site, and Pagefind's fragments (gzip) of every page's indexed text. */
  function texts(dir: string): [string, string][] {
    const files = readdirRecursive(dir);
    return files.flatMap((f): [string, string][] => {
      const ext = extname(f);
      if (['.png', '.wasm', '.pdf', '.pf_index', '.pf_meta', '.pagefind'].includes(ext)) return [];
      const bytes = readFileSync(f);
      if (ext === '.pf_fragment') return [[relative(dir, f), gunzipSync(bytes).toString('utf8')]];
      return [[relative(dir, f), bytes.toString('utf8')]];
    });
  }

  it('in any page, feed, JSON, script, stylesheet, header file, image alt text or search fragment', () => {
    const all = texts(DIST);
    expect(all.length).toBeGreaterThan(50);
    expect(all.some(([f]) => f.endsWith('.pf_fragment'))).toBe(true);
    const found = all.flatMap(([f, t]) => leaks(t).map((l) => `${f}: ${l}`));
    expect(found).toEqual([]);
    // The test can fail: the first dossier's own pages are full of these strings.
    expect(leaks(readFileSync('src/content/sources/tass-2017-11-14.md', 'utf8')).length).toBeGreaterThan(5);
  });

  it('titles, feed, manifest of the offline cache, 404 page and search placeholder come from its own content', () => {
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(home).toContain('<title>The Kestrel Harbour warehouse fire');
    expect(home).toMatch(/og:image:alt" content="The Kestrel Harbour warehouse fire/);
    expect(readFileSync(join(DIST, 'feed.xml'), 'utf8')).toContain('<title>The Kestrel Harbour warehouse fire</title>');
    expect(readFileSync(join(DIST, '404.html'), 'utf8')).toContain('The Kestrel Harbour warehouse fire');
    expect(home).toMatch(/placeholder="Search the dossier"/);
  });

  it('in the printed PDF', () => {
    const text = execFileSync('pdftotext', ['-layout', join(DIST, 'dossier.pdf'), '-']).toString('utf8');
    expect(text).toContain('The Kestrel Harbour warehouse fire');
    expect(text).toContain('panne électrique');
    expect(leaks(text)).toEqual([]);
  });
});

describe('reading, searching and printing it in Chromium', { timeout: 300_000 }, () => {
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url + path);
    return { page, errors };
  }

  it('reads the home page, a source with its marked passages, a claim and the responses page', async () => {
    for (const [path, heading, text] of [
      ['/', 'The Kestrel Harbour warehouse fire', 'three captured articles'],
      ['/sources/courrier-du-port-2024-03-13/', 'Incendie au quai nord', 'chambre froide'],
      ['/claims/sprinklers-off/', 'sprinklers', 'had been switched off since the autumn'],
      ['/responses/', 'Responses', 'were working on the night of the fire'],
    ] as const) {
      const { page, errors } = await open(path);
      expect(await page.locator('h1').first().innerText(), path).toContain(heading);
      expect(await page.locator('main').innerText(), path).toContain(text);
      expect(errors, path).toEqual([]);
      await page.context().close();
    }
    const { page } = await open('/sources/coastline-news-2024-03-12/');
    expect(await page.locator('#c-electrical-fault').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the header search finds a word of the example and its page', async () => {
    const { page, errors } = await open('/claims/');
    // The shortcut listener attaches when the page's script has run: press until the dialog opens.
    const isOpen = () => page.evaluate(() => !!document.querySelector<HTMLDialogElement>('pagefind-modal dialog')?.open);
    await expect.poll(async () => (await isOpen()) || (await page.keyboard.press('/'), await isOpen()), { timeout: 30_000, interval: 500 }).toBe(true);
    await page.locator('pagefind-modal pagefind-input input').fill('sprinklers');
    await expect.poll(() => page.locator('pagefind-modal .search-result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^\/claims\/sprinklers-off\/\?highlight=sprinklers/)]));
    // A French word finds the French source.
    await page.goto(`${site.url}/search/?q=incendie`);
    const links = page.locator('pagefind-results[instance=page] .search-result-link');
    await expect.poll(() => links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), { timeout: 30_000 })
      .toContain('/sources/courrier-du-port-2024-03-13/');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints a claim page to PDF, and the quote and its source read back from it', async () => {
    const { page } = await open('/claims/electrical-fault/');
    const file = join(work, 'claim.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('the fire was caused by an electrical fault');
    expect(text).toContain('Le Courrier du Port');
    expect(leaks(text)).toEqual([]);
    await page.context().close();
  });
});

/** Every file under a folder, as full paths. */
function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
