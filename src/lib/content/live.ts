import type { Problem } from '../problems.ts';
import { fingerprint } from './handoff.ts';
import { readContent, type FileMemo, type RawEntry } from './read.ts';
import type { WebMemo } from '../capture/web/read.ts';
import { verifyRaw, type Verified, type VerifyMemo } from './verify.ts';

/**
 * The verifier of `astro dev`, where a save changes one file of thousands. The hand-off's
 * fingerprint already lists every file's size and modification time; a file whose pair is the
 * same as at the last verification is not read or parsed again, and its entry (and its problems)
 * are reused, and so are its validated data and, for a source, the checks against its own capture
 * (src/lib/graph/build.ts). The checks across files (references, quotes of claims and responses,
 * the MDX pages) run whole every time, since one changed file can break any of them.
 */
export class LiveVerifier {
  private readonly memo = new Map<string, { stamp: string; value: unknown; problems: Problem[] }>();
  private verifyMemo: VerifyMemo = { validated: new WeakMap(), checked: new WeakMap() };
  /** Web captures: an unchanged archive is neither hashed nor its text derived or read again. */
  private readonly webMemo: WebMemo = { entries: new Map(), reads: 0 };
  private settings?: RawEntry;
  /** Files read afresh by the last verification (web archives included), for the log. */
  reread = 0;

  readonly dir: string;
  readonly root: string;

  constructor(dir: string, root = process.cwd()) {
    this.dir = dir;
    this.root = root;
  }

  /** Verify the folder as it is now; `print` is its fingerprint, taken before reading. */
  verify(print = fingerprint(this.dir)): Verified {
    const stamps = stampsOf(print);
    for (const path of this.memo.keys()) if (!stamps.has(path)) this.memo.delete(path);
    this.reread = 0;
    const memo: FileMemo = (path, problems, read) => {
      const stamp = stamps.get(path);
      const kept = this.memo.get(path);
      if (kept && kept.stamp === stamp) {
        problems.push(...kept.problems);
        return kept.value as ReturnType<typeof read>;
      }
      const own: Problem[] = [];
      const value = read(own);
      problems.push(...own);
      this.reread++;
      if (stamp !== undefined) this.memo.set(path, { stamp, value, problems: own });
      return value;
    };
    const raw = readContent(this.dir, this.root, memo, this.webMemo);
    this.reread += this.webMemo.reads;
    // Validation may read the dossier's settings (its vocabulary): a new dossier.yaml validates everything again.
    if (raw.dossier !== this.settings) {
      this.settings = raw.dossier;
      this.verifyMemo = { validated: new WeakMap(), checked: new WeakMap() };
    }
    return verifyRaw(raw, this.verifyMemo);
  }
}

/** path → "size\tmtime", from a fingerprint (one "path\tsize\tmtime" line per file). */
export function stampsOf(print: string): Map<string, string> {
  const stamps = new Map<string, string>();
  for (const line of print.split('\n')) {
    const tab = line.lastIndexOf('\t', line.lastIndexOf('\t') - 1);
    if (tab > 0) stamps.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return stamps;
}

const verifiers = new Map<string, LiveVerifier>();

/** One verifier per folder for the dev server's life: the preflight fills its memo, the watcher reuses it. */
export function liveVerifier(dir: string): LiveVerifier {
  let v = verifiers.get(dir);
  if (!v) verifiers.set(dir, (v = new LiveVerifier(dir)));
  return v;
}
