import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Verified } from './verify.ts';

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
}

const KEY = Symbol.for('dossier.preflight-handoff');
type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

/** Every file's path, size and modification time under the content folder, sorted. */
export function fingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else parts.push(`${p}\t${s.size}\t${s.mtimeMs}`);
    }
  };
  walk(dir);
  return parts.join('\n');
}

export function storeHandoff(dir: string, verified: Verified, print = fingerprint(dir)): void {
  (globalThis as WithHandoff)[KEY] = { dir, fingerprint: print, verified };
}

/** The preflight's result for this folder if no file has changed since; otherwise undefined. */
export function takeHandoff(dir: string): Handoff | undefined {
  const h = (globalThis as WithHandoff)[KEY];
  if (!h || h.dir !== dir) return undefined;
  return h.fingerprint === fingerprint(dir) ? h : undefined;
}

export function clearHandoff(): void {
  delete (globalThis as WithHandoff)[KEY];
}
