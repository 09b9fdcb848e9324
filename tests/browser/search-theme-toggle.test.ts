import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/session.ts';

const env = useBuiltSite();

const background = () => getComputedStyle(document.body).backgroundColor;

describe('theme control', () => {
  it('switches to dark and back to the system choice, and remembers it', async () => {
    const context = await env.browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${env.url}/sources/`);
    const light = await page.evaluate(background);
    await page.selectOption('[data-theme-select]', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await page.evaluate(background);
    expect(dark).not.toBe(light);
    await page.goto(`${env.url}/claims/`);
    expect(await page.evaluate(background)).toBe(dark);
    expect(await page.inputValue('[data-theme-select]')).toBe('dark');
    await page.selectOption('[data-theme-select]', 'auto');
    expect(await page.evaluate(background)).toBe(light);
    await context.close();
  });

  it('follows the system in dark mode unless light is chosen', async () => {
    const context = await env.browser.newContext({ colorScheme: 'dark', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${env.url}/`);
    const dark = await page.evaluate(background);
    await page.selectOption('[data-theme-select]', 'light');
    expect(await page.evaluate(background)).not.toBe(dark);
    await context.close();
  });

  it('is hidden without JavaScript, when it could not work', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.url}/`);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await context.close();
  });
});
