import type { Page } from 'playwright-core';
import { settled } from './browser.ts';

/**
 * The result links' addresses on /search/, in order, once the summary reports the search is done
 * and the list has stopped changing: each result fills in as its data arrives, so reading at once
 * can miss one that ranks above a faster neighbour. `address` turns a link's full href into what
 * the test compares.
 */
export async function settledResults(page: Page, address: (href: string) => string): Promise<string[]> {
  await page.locator('pagefind-summary[instance=page]').filter({ hasText: /result/i }).waitFor();
  const links = page.locator('pagefind-results[instance=page] .search-result-link');
  await links.first().waitFor();
  const read = async () => (await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).map(address);
  return settled(read, (ms) => page.waitForTimeout(ms));
}
