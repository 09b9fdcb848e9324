import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Verified } from './verify.ts';
import { notContent } from './location.ts';

/*
 * The preflight verifier, the content-layer loaders and getDossier() run in one build process
 * but in separate module graphs (the config is loaded apart from the bundled page code), so a
 * plain module variable cannot carry the verified graph between them. A global keyed by the
 * content folder and a fingerprint of its files can: a stale entry (a file edited since, a
 * different folder) simply misses, and the caller reads and verifies again as before.
 */

export interface Handoff {
  dir: string;
  fingerprint: string;
  verified: Verified;
  /**
   * A one-shot run (`astro build`, `astro sync`) checks the fingerprint once, at the first take,
   * and keeps that answer: the run is built from the one snapshot the preflight verified. Before,
   * every loader and every integration walked the folder again (a stat of each of its files, about
   * twenty times a build: 4–8 s at 10,000 sources). `astro dev` checks at every take, since files
   * change under a running server and the loaders must then read them.
   */
  once: boolean;
  /** The answer of that one check, once made. */
  fresh?: boolean;
  /**
   * `astro dev` with the folder watched (src/integrations/dev-reload.ts): the watcher stores a new
   * hand-off at every save, failed verifications included, so a take trusts it without a walk.
   */
  watched?: boolean;
}

const KEY = Symbol.for('dossier.preflight-handoff');
type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

/** Every file's path, size and modification time under the content folder, sorted. */
export function fingerprint(dir: string): string {
  const parts: string[] = [];
  const skip = notContent(dir);
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (skip(p)) continue;
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else parts.push(`${p}\t${s.size}\t${s.mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join('\n');
}

export function storeHandoff(dir: string, verified: Verified, print = fingerprint(dir), { once = false, watched = false } = {}): void {
  (globalThis as WithHandoff)[KEY] = { dir, fingerprint: print, verified, once, watched };
}

/**
 * The preflight's result for this folder if no file has changed since it was read; otherwise
 * undefined. In a one-shot run, "since" is the first take (see `Handoff.once`).
 */
export function takeHandoff(dir: string): Handoff | undefined {
  const h = (globalThis as WithHandoff)[KEY];
  if (!h || h.dir !== dir) return undefined;
  if (h.watched) return h;
  const fresh = h.once && h.fresh !== undefined ? h.fresh : h.fingerprint === fingerprint(dir);
  if (h.once) h.fresh = fresh;
  return fresh ? h : undefined;
}

const PENDING = Symbol.for('dossier.pending-save');
type WithPending = typeof globalThis & { [PENDING]?: () => void };

/**
 * `astro dev`: the watcher saw a dossier file change and verifies it once the editor's save has
 * settled (a few milliseconds later). Astro's own watcher may reload the page first, and a page
 * rendered in between would show the hand-off from before the save, with no update left to come:
 * the save would never show. So the watcher leaves its verification here, and getDossier() runs
 * it first (settlePendingSave).
 */
export function markPendingSave(verifyNow: () => void): void {
  (globalThis as WithPending)[PENDING] = verifyNow;
}

/** The watcher's verification has run: nothing is pending. */
export function clearPendingSave(): void {
  delete (globalThis as WithPending)[PENDING];
}

/** Runs the verification of a save the watcher has seen but not yet verified, if there is one. */
export function settlePendingSave(): void {
  const verifyNow = (globalThis as WithPending)[PENDING];
  if (verifyNow) {
    clearPendingSave();
    verifyNow();
  }
}

export function clearHandoff(): void {
  delete (globalThis as WithHandoff)[KEY];
}
