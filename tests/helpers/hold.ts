import type { Page } from 'playwright-core';

/**
 * Holds the page's requests to `pattern` as a slow line would: `asked` resolves at the first one,
 * and `release()` lets every held one through and stops holding.
 */
export async function hold(page: Page, pattern: RegExp): Promise<{ asked: Promise<void>; release: () => Promise<void> }> {
  const held: (() => Promise<void>)[] = [];
  let seen!: () => void;
  const asked = new Promise<void>((resolve) => (seen = resolve));
  await page.route(pattern, (route) => {
    seen();
    held.push(() => route.continue());
  });
  return {
    asked,
    release: async () => {
      await Promise.all(held.map((go) => go()));
      await page.unroute(pattern);
    },
  };
}
