import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import yauzl from 'yauzl';
import type { WebFormat } from '../../schemas/web.ts';
import { webFormatOf } from './files.ts';
import { sha256 as sha256Of } from '../../hash.ts';

/**
 * Reading a web archive without loading a large one whole: above WHOLE_BELOW_BYTES the file is
 * streamed (for its SHA-256 and, if gzipped, to prove every gzip member is complete), and warcio
 * streams its records; only the HTML payload of the chosen page is kept in memory, up to MAX_PAGE_BYTES.
 */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;
/** Archives up to this size are read whole (fast); larger ones are streamed. */
export const WHOLE_BELOW_BYTES = 16 * 1024 * 1024;

/** An HTML response found in an archive. */
export interface ArchivedPage {
  url?: string;
  captured?: string;
  status?: number;
  payloadDigest?: string;
  contentType?: string;
}

export interface ArchiveRead {
  format: WebFormat;
  sha256: string;
  bytes: number;
  /** The archiving tool, from the warcinfo record's "software" (and, for a WACZ, the packer). */
  tool?: string;
  /** Every HTML page in the archive, in record order. */
  pages: ArchivedPage[];
  /** The chosen page and its payload (the HTTP body as archived, transfer and content encodings removed). */
  page: ArchivedPage;
  html: Uint8Array;
}

export type Refusal = { ok: false; message: string; fix: string };
export type ArchiveResult = ({ ok: true } & ArchiveRead) | Refusal;

const refuse = (message: string, fix: string): Refusal => ({ ok: false, message, fix });
const RECAPTURE = 'The file is damaged (an interrupted download or copy?): fetch or capture it again, and check it against the SHA-256 you were given.';

/** Stream a file once: its SHA-256, and for a gzip file whether it decompresses to its end. */
async function hashFile(path: string, gzip: boolean): Promise<{ sha256: string; error?: string }> {
  const hash = createHash('sha256');
  const stream = createReadStream(path);
  stream.on('data', (c) => hash.update(c));
  try {
    if (gzip) await pipeline(stream, createGunzip(), async function* (src) { for await (const _ of src) { /* drain: only completeness matters */ } });
    else for await (const _ of stream) { /* drain */ }
  } catch (e) {
    return { sha256: '', error: (e as Error).message };
  }
  return { sha256: hash.digest('hex') };
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Recompute a WARC-Payload-Digest ("sha1:<base32>", "sha256:<hex or base32>") over the payload as archived. */
export function digestMatches(recorded: string, payload: Uint8Array): boolean | undefined {
  const [algo, value] = recorded.split(':', 2);
  const name = { sha1: 'sha1', 'sha-1': 'sha1', sha256: 'sha256', 'sha-256': 'sha256', sha512: 'sha512', md5: 'md5' }[algo.toLowerCase()];
  if (!name || !value) return undefined;
  const d = createHash(name).update(payload).digest();
  return value.toUpperCase() === base32(d) || value.toLowerCase() === d.toString('hex') || value === d.toString('base64');
}

const isHtml = (r: WARCRecord) => {
  const type = r.httpHeaders?.headers.get('content-type') ?? '';
  const status = Number(r.httpHeaders?.statusCode);
  return r.warcType === 'response' && status >= 200 && status < 300 && /^\s*(?:text\/html|application\/xhtml\+xml)/i.test(type);
};

interface Scan {
  tool?: string;
  pages: ArchivedPage[];
  chosen?: { page: ArchivedPage; html: Uint8Array };
  problem?: Refusal;
  sawWarc: boolean;
}

/** Walk the records of one WARC stream, keeping the payload of the page `url` (or the first page). */
async function scanWarc(source: Readable | Iterable<Uint8Array>, url: string | undefined, scan: Scan, file: string): Promise<void> {
  const parser = new WARCParser(source);
  for await (const record of parser) {
    if (!scan.sawWarc && !record.warcHeaders.statusline.startsWith('WARC/')) {
      scan.problem = refuse('is not a WARC file (its first record does not start with "WARC/")', 'Import a .warc, .warc.gz or .wacz made by a web archiving tool (wget --warc-file, ArchiveWeb.page, Browsertrix, the Wayback Machine).');
      return;
    }
    scan.sawWarc = true;
    if (record.warcType === 'warcinfo' && !scan.tool) {
      const info = new TextDecoder().decode(await record.readFully());
      scan.tool = /^software:\s*(.+?)\s*$/m.exec(info)?.[1];
      continue;
    }
    if (!isHtml(record)) {
      await record.skipFully();
      continue;
    }
    const page: ArchivedPage = {
      url: record.warcTargetURI ?? undefined,
      captured: record.warcDate ?? undefined,
      status: Number(record.httpHeaders?.statusCode),
      payloadDigest: record.warcPayloadDigest ?? undefined,
      contentType: record.httpHeaders?.headers.get('content-type') ?? undefined,
    };
    scan.pages.push(page);
    if (scan.chosen || (url !== undefined && page.url !== url)) {
      await record.skipFully();
      continue;
    }
    const length = record.warcContentLength;
    if (length > MAX_PAGE_BYTES) {
      scan.problem = refuse(`holds an HTML page of ${length.toLocaleString('en')} bytes (${page.url}); pages above ${MAX_PAGE_BYTES / 1024 / 1024} MB are refused`, 'Capture the article page alone; a page that large is not an article.');
      return;
    }
    const raw = await record.readFully(false);
    if (page.payloadDigest) {
      const ok = digestMatches(page.payloadDigest, raw);
      if (ok === false) {
        scan.problem = refuse(`has a record whose payload does not match its WARC-Payload-Digest (${page.payloadDigest}) for ${page.url}: the archived page was changed after capture`, `Do not use this file as evidence: get the original archive again from whoever made it${file ? ` and compare its SHA-256` : ''}; never edit an archive by hand.`);
        return;
      }
    }
    scan.chosen = { page, html: await record.readFully(true) };
  }
}

/** Read a WARC, WACZ or saved HTML page; `url` picks one page of an archive holding several. Never throws. */
export async function readArchive(path: string, url?: string): Promise<ArchiveResult> {
  const kind = webFormatOf(path);
  if (!kind) return refuse('is not a web capture (.warc.gz, .warc, .wacz, .html)', 'Name the file for its format.');
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`, 'Check the path and the file permissions.');
  }
  if (size === 0) return refuse('is empty', RECAPTURE);
  if (kind.format === 'html') {
    if (size > MAX_PAGE_BYTES) return refuse(`is an HTML page of ${size.toLocaleString('en')} bytes; pages above ${MAX_PAGE_BYTES / 1024 / 1024} MB are refused`, 'Save the article page alone.');
    const html = readFileSync(path);
    const page: ArchivedPage = {};
    return { ok: true, format: 'html', sha256: sha256Of(html), bytes: size, pages: [page], page, html };
  }
  const gzip = kind.ext === 'warc.gz';
  let sha256: string;
  // What warcio reads: Node's zlib inflates (several times faster than warcio's own pako), and a
  // small archive is read whole; a large one is streamed, hashed and checked in a pass of its own.
  let source: Iterable<Uint8Array> | Readable;
  if (size <= WHOLE_BELOW_BYTES) {
    const bytes = readFileSync(path);
    sha256 = sha256Of(bytes);
    try {
      source = [gzip ? gunzipSync(bytes) : bytes];
    } catch (e) {
      return refuse(`is truncated or corrupt: its gzip data does not decompress to the end (${(e as Error).message})`, RECAPTURE);
    }
  } else {
    const hashed = await hashFile(path, gzip);
    if (hashed.error) return refuse(`is truncated or corrupt: its gzip data does not decompress to the end (${hashed.error})`, RECAPTURE);
    sha256 = hashed.sha256;
    source = gzip ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  }

  const scan: Scan = { pages: [], sawWarc: false };
  try {
    if (kind.format === 'warc') await scanWarc(source, url, scan, path);
    else {
      const problem = await scanWacz(path, url, scan);
      if (problem) return problem;
    }
  } catch (e) {
    return refuse(`is not a readable ${kind.format.toUpperCase()} file (${(e as Error).message.split('\n')[0]})`, RECAPTURE);
  }
  if (scan.problem) return scan.problem;
  if (!scan.sawWarc) return refuse('holds no WARC records', RECAPTURE);
  if (scan.pages.length === 0) return refuse('holds no HTML page (no WARC response record with a 2xx status and a text/html body)', 'Capture the article page itself (its HTML), not only its images, scripts or data files.');
  if (!scan.chosen) {
    return refuse(`holds no page at --url ${url}; its pages are:\n${scan.pages.map((p) => `    ${p.url}`).join('\n')}`, 'Give one of the addresses above to --url, exactly as listed.');
  }
  if (url === undefined && scan.pages.length > 1) {
    return refuse(`holds ${scan.pages.length} HTML pages:\n${scan.pages.map((p) => `    ${p.url}`).join('\n')}`, 'Choose the article with --url <address> (one of the addresses above), one import per page.');
  }
  return { ok: true, format: kind.format, sha256, bytes: size, tool: scan.tool, pages: scan.pages, page: scan.chosen.page, html: scan.chosen.html };
}

/** A WACZ is a zip: check each WARC in archive/ against datapackage.json's SHA-256, then scan it. */
async function scanWacz(path: string, url: string | undefined, scan: Scan): Promise<Refusal | undefined> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) entries.set(entry.fileName, entry);
    const pkgEntry = entries.get('datapackage.json');
    if (!pkgEntry) return refuse('is not a WACZ: it has no datapackage.json', 'Import a WACZ made by ArchiveWeb.page, Browsertrix or js-wacz, or the .warc.gz inside it.');
    const pkg = JSON.parse(await text(await zip.openReadStreamPromise(pkgEntry))) as { resources?: { path?: string; hash?: string }[]; software?: string };
    const warcs = [...entries.keys()].filter((n) => /^archive\/[^/]+\.warc(?:\.gz)?$/.test(n)).sort();
    if (warcs.length === 0) return refuse('is a WACZ with no WARC in its archive/ folder', RECAPTURE);
    for (const name of warcs) {
      const listed = pkg.resources?.find((r) => r.path === name)?.hash;
      const hash = createHash('sha256');
      const gunzip = name.endsWith('.gz');
      try {
        const s = await zip.openReadStreamPromise(entries.get(name)!);
        s.on('data', (c) => hash.update(c));
        if (gunzip) await pipeline(s, createGunzip(), async function* (src) { for await (const _ of src) { /* drain */ } });
        else for await (const _ of s) { /* drain */ }
      } catch (e) {
        return refuse(`is a WACZ whose ${name} is truncated or corrupt (${(e as Error).message})`, RECAPTURE);
      }
      const sum = `sha256:${hash.digest('hex')}`;
      if (listed && listed !== sum && listed !== (await doubledHash(zip, entries.get(name)!))) return refuse(`is a WACZ whose ${name} does not match the SHA-256 in its datapackage.json (${listed}; the file has ${sum})`, 'Do not use this file as evidence: the archive was changed after it was packed. Get the original WACZ again.');
      const entry = await zip.openReadStreamPromise(entries.get(name)!);
      await scanWarc(gunzip ? entry.pipe(createGunzip()) : entry, url, scan, basename(path));
      if (scan.problem) return scan.problem;
    }
    if (pkg.software && scan.tool) scan.tool = `${scan.tool}; packed as WACZ by ${pkg.software}`;
    return undefined;
  } finally {
    zip.close();
  }
}

/**
 * js-wacz 0.1.6 (also inside Scoop) records for each WARC the SHA-256 of its bytes fed twice
 * (harvard-lil/js-wacz#127): that value still pins these exact bytes, so it is accepted as a match.
 */
async function doubledHash(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const hash = createHash('sha256');
  for (let i = 0; i < 2; i++) for await (const c of await zip.openReadStreamPromise(entry)) hash.update(c as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

async function text(s: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
