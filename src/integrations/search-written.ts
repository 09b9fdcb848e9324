/*
 * When the search index is written. The search integration starts Pagefind and returns, so that
 * the portable edition reads the pages while Pagefind indexes them (src/integrations/pagefind.ts);
 * whatever reads `pagefind/` or publishes the output waits for this first.
 */

let written: Promise<void> = Promise.resolve();

/** Called by the search integration with Pagefind's work; a failure there ends the build with its message. */
export function searchIndexWriting(work: Promise<void>): void {
  written = work;
}

/** Resolves once this build's index is written; at once when no build indexed. */
export function searchIndexWritten(): Promise<void> {
  return written;
}
