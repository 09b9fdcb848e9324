/*
 * Pagefind's Component UI numbers each search, and draws a search's results only if no newer one
 * was numbered since. But it numbers a search only once Pagefind has loaded, and Pagefind sets
 * itself on the instance before it has loaded its filters: a search typed in that window is
 * numbered at once, ahead of an older one still waiting for the load, and the older one's results
 * (a prefix's, "ge") are then drawn under the newer one's summary ("15 results for Geneva") and
 * stay. A reader on a slow line meets it, and so does the header search when its own workers
 * cannot start and it falls back to Pagefind's (client.ts). Here every search is counted as it is
 * asked, and one that waited for the load runs only if it is still the newest.
 */

/** The part of a Component UI instance this uses: its own search step, and its load. */
export interface SearchSteps {
  __search__(term: string, filters: Record<string, string[]>): Promise<void>;
  __dispatch__(event: string, ...args: unknown[]): void;
  triggerLoad(): Promise<void>;
}

/** Makes the instance run its searches in the order they were asked, dropping any overtaken while Pagefind loaded. */
export function searchInOrder(instance: SearchSteps): void {
  const run = instance.__search__.bind(instance);
  let latest = 0;
  instance.__search__ = async (term, filters) => {
    const mine = ++latest;
    // As the UI's own step does first, so that the reader sees the search is under way.
    instance.__dispatch__('loading');
    await instance.triggerLoad();
    if (mine === latest) await run(term, filters);
  };
}
