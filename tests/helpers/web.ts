import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The committed web-capture fixtures, made by tests/fixtures/web/make.ts with wget and js-wacz. */
export const WEB = 'tests/fixtures/web';
export const web = (name: string) => join(WEB, name);

/** The records of a WARC, read with plain string handling (not the code under test): headers by name. */
export function rawRecords(file: string): { headers: Record<string, string>; body: Buffer }[] {
  const data = file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file);
  const out: { headers: Record<string, string>; body: Buffer }[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const headers: Record<string, string> = {};
    for (const line of data.subarray(at, end).toString('latin1').split('\r\n').slice(1)) {
      const i = line.indexOf(':');
      headers[line.slice(0, i)] = line.slice(i + 1).trim();
    }
    const length = Number(headers['Content-Length']);
    out.push({ headers, body: data.subarray(end + 4, end + 4 + length) });
    at = end + 4 + length + 4;
  }
  return out;
}

/** The article paragraphs of a fixture page, read with a regular expression from the served HTML. */
export function pageParagraphs(html: string, container: RegExp): string[] {
  const part = container.exec(html)?.[1] ?? '';
  return [...part.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim());
}

/**
 * A WARC of `mb` megabytes, made at test time: the harbour capture's records followed by one large
 * resource record (a video, say) of zero bytes, written in pieces so the test itself never holds it.
 */
export function makeLargeWarc(path: string, mb: number): void {
  const base = gunzipSync(readFileSync(web('harbour.warc.gz')));
  const size = mb * 1024 * 1024;
  const fd = openSync(path, 'w');
  writeSync(fd, base);
  writeSync(fd, `WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://127.0.0.1:8417/media/briefing.mp4\r\nWARC-Date: 2017-11-14T09:31:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000200>\r\nContent-Type: video/mp4\r\nContent-Length: ${size}\r\n\r\n`);
  const chunk = Buffer.alloc(1 << 20);
  for (let n = 0; n < mb; n++) writeSync(fd, chunk);
  writeSync(fd, '\r\n\r\n');
  closeSync(fd);
}

/** Run the import command; returns its exit code and output. */
export function runImport(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its bytes, to prove a refused import wrote nothing. */
export function snapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else m.set(p, readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return m;
}
