import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageConnected, pageSettled, startDevServer, type DevServer } from '../../scripts/lib/dev-server.ts';
import { MINI } from '../helpers/fixtures.ts';
import { launch } from '../helpers/browser.ts';
import { withBuildLockAsync } from '../helpers/build-lock.ts';
import { removeFully } from '../../src/lib/discard.ts';

/*
 * `npm run dev` on a dossier outside the project: saves show on the open page, a save that
 * breaks verification shows the verifier's message in the error overlay, the next good save
 * clears it. The dev server writes Astro's content modules at the project root, as a build does,
 * so it runs under the build lock.
 */
const work = mkdtempSync(join(tmpdir(), 'dossier-dev-'));
const content = join(work, 'dossier');
cpSync(MINI, content, { recursive: true });
const SOURCE = join(content, 'sources', 'wire-2020-03-02.md');
const CLAIM = join(content, 'claims', 'river-rising.yaml');
const PAGE = join(content, 'pages', 'method.mdx');
const EVENTS = join(content, 'events.yaml');
const CAPTURE = join(content, 'captures', 'wire-2020-03-02.txt');
const DOSSIER = join(content, 'dossier.yaml');

let server: DevServer;
let browser: Browser;
let page: Page;
let unlock: () => void;

const connected = (p: Page) => pageConnected(p);
const settled = (p: Page) => pageSettled(p);
const consoleLines: string[] = [];
/**
 * A wait that, when it runs out, says what the dev server and the page printed meanwhile: a save
 * that never shows is otherwise a bare timeout (one full run in CI had two, not seen again alone).
 */
const until = async <T>(wait: Promise<T>): Promise<T> => {
  try {
    return await wait;
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- astro dev, its last lines ---\n${server.log().slice(-3000)}\n--- the page's console, its last lines ---\n${consoleLines.slice(-30).join('\n')}`);
  }
};
const open = async (path: string, again = true): Promise<void> => {
  const ready = connected(page);
  try {
    // Not 'load': a dependency Vite is still optimising can hold a subresource for long on a busy
    // machine (seen in CI); what the test needs is the page's client connected, awaited below.
    await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  } catch (e) {
    ready.catch(() => {});
    // A reload the server sent for the previous test's save (Astro's own, for an MDX page, comes
    // late) can abort this navigation: go there once more.
    if (!again || !String(e).includes('ERR_ABORTED')) return until(Promise.reject(e));
    return open(path, false);
  }
  await until(ready);
};
const bodyHas = (words: string) => until(page.waitForFunction((w) => document.body?.innerText.includes(w), words, { timeout: 60_000 }));
const overlayText = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
const edit = (file: string, from: string | RegExp, to: string) => {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  expect(after, `the edit of ${file} changes it`).not.toBe(before);
  writeFileSync(file, after);
};

beforeAll(async () => {
  await new Promise<void>((locked) => {
    void withBuildLockAsync(() => new Promise<void>((release) => {
      unlock = release;
      locked();
    }));
  });
  server = await startDevServer(content, { cache: join(work, 'cache') });
  browser = await launch();
  page = await browser.newPage();
  page.on('console', (m) => consoleLines.push(m.text()));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  unlock?.();
  removeFully(work);
});

// Each step waits up to a minute for the dev server, which a busy machine can need; the test's ceiling covers the steps.
describe('npm run dev on a dossier outside the project', () => {
  it('shows a saved summary, event title and capture with its text on the open source page', { timeout: 240_000 }, async () => {
    await open('/sources/wire-2020-03-02/');
    const description = () => page.getAttribute('meta[name="description"]', 'content');
    expect(await description()).toBe("The wire reports the ministry's statement.");

    // Each save updates the open page in place (its <main> and its metadata), with no reload: the
    // page keeps its scroll position. The next save waits until the update has landed.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    let ready = settled(page);
    edit(SOURCE, /^summary: .*$/m, 'summary: Floodwater reached the old granary by noon.');
    await until(page.waitForFunction(() => document.querySelector('meta[name="description"]')?.getAttribute('content')?.includes('old granary'), undefined, { timeout: 60_000 }));
    await ready;

    ready = settled(page);
    edit(EVENTS, "title: The ministry's statement", 'title: The ministry warns of the flood');
    await bodyHas('The ministry warns of the flood');
    await ready;
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // A new paragraph in the capture, its hash, and the same paragraph in the source's text.
    const added = 'Boats were seen on the high street by evening.';
    writeFileSync(CAPTURE, `${readFileSync(CAPTURE, 'utf8')}\n\n${added}`);
    const hash = createHash('sha256').update(readFileSync(CAPTURE)).digest('hex');
    edit(SOURCE, /sha256: \w+/, `sha256: ${hash}`);
    writeFileSync(SOURCE, `${readFileSync(SOURCE, 'utf8').trimEnd()}\n\n${added}\n`);
    await bodyHas(added);
    expect(await description()).toBe('Floodwater reached the old granary by noon.');

    // A change around <main> (the dossier's title, in the header) is shown by a reload instead.
    edit(DOSSIER, /^title: Mini dossier$/m, 'title: Mini flood dossier');
    await until(page.waitForFunction(() => document.querySelector('header')?.textContent?.includes('Mini flood dossier'), undefined, { timeout: 60_000 }));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
  });

  it('shows a saved MDX page body', { timeout: 240_000 }, async () => {
    await open('/method/');
    edit(PAGE, 'Captures are kept byte for byte.', 'Captures are kept byte for byte, and checked at every save.');
    await bodyHas('and checked at every save.');
  });

  it('shows the verifier’s message in the overlay for a misquote, and a good save clears it', { timeout: 240_000 }, async () => {
    await open('/sources/wire-2020-03-02/');
    const good = readFileSync(CLAIM, 'utf8');
    edit(CLAIM, 'the river is rising fast … nobody is helping', 'the river is rising slowly … nobody is helping');
    // Waited for by its words: Vite may show (and clear) an overlay of its own meanwhile, such as
    // a reload for dependencies it optimised on this fresh cache's first pages.
    // Read in the same wait: a late reload of Astro's own shows the same overlay on a new page.
    const text = String(await (await until(page.waitForFunction(() => {
      const shown = document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '';
      return shown.includes('river-rising.yaml') && shown;
    }, undefined, { timeout: 60_000 }))).jsonValue());
    expect(text).toContain('The dossier does not verify');
    expect(text).toContain('claims/river-rising.yaml:7');
    expect(text).toContain('appearances.0.quote');
    expect(text).toContain('quote "the river is rising slowly … nobody is helping" is not in source "wire-2020-03-02"');
    expect(text).toContain('Fix: Copy the words verbatim from the source');
    // The server did not crash: a reload meanwhile shows the same message in place of the page.
    // The next save is made once the reloaded page's client is connected again: a reload sent
    // before then reaches no page (seen on a busy machine), as it would reach no closed tab.
    const reconnected = connected(page);
    // A reload of Astro's own for the previous test's MDX save can come late and cut this one short: that one then does.
    await page.reload({ waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(async (e: Error) => {
      if (!String(e).includes('ERR_ABORTED')) throw e;
      await page.waitForLoadState('domcontentloaded', { timeout: 60_000 });
    });
    await until(page.waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent?.includes('river-rising.yaml'), undefined, { timeout: 60_000 }));
    expect(await overlayText()).toContain('Fix: Copy the words verbatim from the source');
    await reconnected;

    writeFileSync(CLAIM, good);
    await until(page.waitForFunction(() => !document.querySelector('vite-error-overlay') && document.body?.innerText.includes('Boats were seen on the high street'), undefined, { timeout: 60_000 }));
    expect(server.log()).toContain('re-verified');
  });
});
