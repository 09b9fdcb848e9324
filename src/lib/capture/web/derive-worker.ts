// Derives the text of web captures for readWebCaptures() (read.ts), which waits for it synchronously
// (derive-sync.ts): the WARC reader is asynchronous, the content reader is not. Every outcome,
// a crash included, is posted back and signalled, so the waiting thread is never left hanging.
import { workerData, type MessagePort } from 'node:worker_threads';

const { requests, port, signal, full } = workerData as { requests: { path: string; url?: string }[]; port: MessagePort; signal: Int32Array; full?: boolean };
try {
  const { deriveWebCapture } = await import('./derive.ts');
  const results = [];
  for (const r of requests) {
    const d = await deriveWebCapture(r.path, r.url);
    // The build needs the text, its hash and the provenance; the importer (full) the page's facts too.
    results.push(!d.ok || full ? d : { ok: true, sha256: d.sha256, bytes: d.bytes, provenance: d.provenance, extractor: d.extractor, text: d.text, textSha256: d.textSha256 });
  }
  port.postMessage({ results });
} catch (e) {
  port.postMessage({ error: (e as Error).stack ?? String(e) });
} finally {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}
