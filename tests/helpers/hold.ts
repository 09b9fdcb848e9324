import type { Locator, Page } from 'playwright-core';

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

/** Pagefind's script and its filters held back, as on a slow line; set up before the page loads. */
export async function slowPagefind(page: Page): Promise<{ script: Held; filters: Held }> {
  return { script: await hold(page, /\/pagefind\/pagefind\.js/), filters: await hold(page, /\/pagefind\/filter\//) };
}
type Held = Awaited<ReturnType<typeof hold>>;

/**
 * Types `start` once Pagefind's script is asked for, so that its search waits for the script;
 * then lets the script through, and types `rest` while the filters are held: Pagefind has set
 * itself on the UI's instance by then but has not finished loading, the window in which a
 * newer search used to be numbered ahead of the older one (src/lib/search/in-order.ts).
 */
export async function typeWhilePagefindLoads(page: Page, input: Locator, slow: { script: Held; filters: Held }, start: string, rest: string): Promise<void> {
  await slow.script.asked;
  await input.pressSequentially(start);
  // Long enough for the input's debounce to send the search, which now waits for Pagefind.
  await page.waitForTimeout(1_000);
  await slow.script.release();
  await slow.filters.asked;
  await input.pressSequentially(rest, { delay: 30 });
  await page.waitForTimeout(1_000);
  await slow.filters.release();
}
