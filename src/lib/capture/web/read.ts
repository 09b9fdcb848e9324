import { relative } from 'node:path';
import { cacheDirFor } from '../../content/location.ts';
import type { Problem } from '../../problems.ts';
import type { RawCapture, RawEntry } from '../../content/read.ts';
import { readWebCache, writeWebCache } from './cache.ts';
import { deriveSync } from './derive-sync.ts';
import { hashFileSync, webCaptureFiles } from './files.ts';
import { extractorVersion } from './version.ts';

/**
 * The web captures of a content folder, each with its text derived afresh from the archive by this
 * build's extractor (or taken from the cache that extractor filled for the same bytes and page).
 * The verifier then checks the source's body against that text exactly as against a .txt capture.
 * A capture that cannot be read becomes a problem naming the file; its source's text is not checked again.
 */
export function readWebCaptures(dir: string, root: string, sources: RawEntry[], problems: Problem[]): RawCapture[] {
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
  const found = files.map((f) => ({ ...f, url: pageOf.get(f.id), ...hashFileSync(f.path) }));
  const cached = found.map((f) => readWebCache(cacheDir, f.sha256, f.url, extractor));
  const misses = found.filter((_, i) => !cached[i]);
  const derived = deriveSync(misses.map((f) => ({ path: f.path, url: f.url })));
  return found.map((f, i) => {
    const file = relative(root, f.path);
    let d = cached[i];
    if (!d) {
      const r = derived[misses.indexOf(f)];
      if (!r.ok) {
        problems.push({ file, message: r.message, fix: r.fix });
        return { id: f.id, file, bytes: f.bytes, sha256: f.sha256, text: '', web: { ext: f.ext, extractor, textSha256: '', error: r.message } };
      }
      writeWebCache(cacheDir, f.url, r);
      d = r;
    }
    return { id: f.id, file, bytes: f.bytes, sha256: f.sha256, text: d.text, web: { ...d.provenance, ext: f.ext, extractor: d.extractor, textSha256: d.textSha256 } };
  });
}
