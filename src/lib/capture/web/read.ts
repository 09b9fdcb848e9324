import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { cacheDirFor } from '../../content/location.ts';
import type { Problem } from '../../problems.ts';
import type { RawCapture, RawEntry } from '../../content/read.ts';
import { readWebCache, writeWebCache } from './cache.ts';
import { deriveSync } from './derive-sync.ts';
import { takeEarly } from './early.ts';
import { webCaptureFiles } from './files.ts';
import { extractorVersion } from './version.ts';
import { sha256File } from '../../hash.ts';

/**
 * The web captures of a content folder, each with its text derived afresh from the archive by this
 * build's extractor (or taken from the cache that extractor filled for the same bytes and page).
 * The verifier then checks the source's body against that text exactly as against a .txt capture.
 * A capture that cannot be read becomes a problem naming the file; its source's text is not checked again.
 */
/**
 * What an earlier reading found for each archive, kept by the dev server's verifier
 * (src/lib/content/live.ts): while an archive's size and modification time and its source's page
 * stay the same, a save elsewhere neither hashes it again nor reads its derived text again.
 */
export interface WebMemo {
  entries: Map<string, { stamp: string; capture: RawCapture; problem?: Problem }>;
  /** Archives read (hashed, and derived or taken from the cache) by the last reading. */
  reads: number;
}

export function readWebCaptures(dir: string, root: string, sources: RawEntry[], problems: Problem[], memo?: WebMemo): RawCapture[] {
  if (memo) memo.reads = 0;
  const files = webCaptureFiles(dir);
  if (files.length === 0) return [];
  const extractor = extractorVersion();
  const cacheDir = cacheDirFor(root);
  // The page of a multi-page archive is the one its source names.
  const pageOf = new Map<string, string>();
  for (const s of sources) {
    const d = s.data as { capture?: { id?: unknown }; web?: { url?: unknown } } | undefined;
    if (typeof d?.capture?.id === 'string' && typeof d.web?.url === 'string') pageOf.set(d.capture.id, d.web.url);
  }
  const stampOf = (path: string, url: string | undefined) => {
    const s = statSync(path);
    return `${s.size}\t${s.mtimeMs}\t${url ?? ''}`;
  };
  const listed = files.map((f) => {
    const url = pageOf.get(f.id);
    return { ...f, url, stamp: memo ? stampOf(f.path, url) : '' };
  });
  const kept = listed.map((f) => (memo?.entries.get(f.path)?.stamp === f.stamp ? memo.entries.get(f.path) : undefined));
  if (memo) memo.reads = kept.filter((k) => !k).length;
  const found = listed.map((f, i) => (kept[i] ? { ...f, sha256: '', bytes: 0 } : { ...f, ...sha256File(f.path) }));
  const cached = found.map((f, i) => (kept[i] ? undefined : readWebCache(cacheDir, f.sha256, f.url, extractor)));
  // Derived in this build since Astro read its configuration (early.ts), for archives the cache lacked.
  const earlier = found.map((f, i) => (kept[i] || cached[i] ? undefined : takeEarly(dir, f.path, f.sha256, f.url)));
  const misses = found.filter((_, i) => !kept[i] && !cached[i] && !earlier[i]);
  const derived = deriveSync(misses.map((f) => ({ path: f.path, url: f.url })));
  const present = new Set(files.map((f) => f.path));
  if (memo) for (const path of memo.entries.keys()) if (!present.has(path)) memo.entries.delete(path);
  return found.map((f, i) => {
    const held = kept[i];
    if (held) {
      if (held.problem) problems.push(held.problem);
      return held.capture;
    }
    const file = relative(root, f.path);
    let d = cached[i];
    let capture: RawCapture;
    let problem: Problem | undefined;
    if (!d) {
      const r = earlier[i] ?? derived[misses.indexOf(f)];
      if (!r.ok) {
        problem = { file, message: r.message, fix: r.fix };
        problems.push(problem);
        capture = { id: f.id, file, bytes: f.bytes, sha256: f.sha256, text: '', web: { ext: f.ext, extractor, textSha256: '', error: r.message } };
        memo?.entries.set(f.path, { stamp: f.stamp, capture, problem });
        return capture;
      }
      writeWebCache(cacheDir, f.url, r);
      d = r;
    }
    capture = { id: f.id, file, bytes: f.bytes, sha256: f.sha256, text: d.text, web: { ...d.provenance, ext: f.ext, extractor: d.extractor, textSha256: d.textSha256 } };
    memo?.entries.set(f.path, { stamp: f.stamp, capture });
    return capture;
  });
}
