import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/session.ts';

const env = useBuiltSite();

describe('Cite this source', () => {
  it('without JavaScript shows selectable citation text and no copy buttons', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.url}/sources/dw-2017-11-14/`);
    const apa = page.locator('#cite-dw-2017-11-14-apa');
    await expect.poll(() => apa.isVisible()).toBe(true);
    expect(await page.locator('.cite-copy').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length)).toBe(0);
    const selected = await apa.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected).toBe((await apa.textContent())!.trim());
    expect(selected.length).toBeGreaterThan(20);
    await context.close();
  });

  it('with JavaScript a copy button puts that style\'s text on the clipboard', async () => {
    const context = await env.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    const page = await context.newPage();
    await page.goto(`${env.url}/sources/dw-2017-11-14/`);
    await page.getByRole('button', { name: 'Copy Chicago' }).click();
    // Located by its target, not its label, because the label changes on success.
    const button = page.locator('button[data-copy="cite-dw-2017-11-14-chicago"]');
    await expect.poll(() => button.textContent(), { timeout: 1500 }).not.toBe('Copy Chicago');
    expect(await button.textContent()).toBe('Copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe((await page.locator('#cite-dw-2017-11-14-chicago').textContent())!.trim());
    expect(clip).toContain('Deutsche Welle');
    await context.close();
  });
});
