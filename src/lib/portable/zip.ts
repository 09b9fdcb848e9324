/*
 * The bag as one zip, with fflate (a small, well-kept zip library with no dependencies): its Zip
 * container, fed entries that Node's own zlib has deflated, through fflate's ZipInputFile interface
 * (made for other compressors). At 1,000 sources (40 MB) zlib deflates in about half the time of
 * fflate's JavaScript deflate, and yazl, which also uses zlib, took three times longer again for
 * 6,000 small entries (docs/portable.md). Entries go in path order under one top folder
 * (RFC 8493 §4), each dated to the edition, so the same edition gives the same bytes. Files already
 * compressed are stored. The deflate is zlib's synchronous one: its asynchronous one, in the
 * thread pool, took six times as long for 10,000 small pages (each call's set-up costs more than
 * deflating a page). A build makes each entry as it writes the file (zipEntry) and puts the zip
 * together afterwards (ZipWriter), so the bag is never held in memory whole.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync, Zip, type ZipInputFile } from 'fflate';
import type { BagFile } from './bagit.ts';

// Web captures too: a .warc.gz is gzip already, and a .wacz is a zip.
const STORED = /\.(png|jpe?g|gif|webp|pdf|zip|woff2?|gz|wacz)$/i;
const DEFLATE = 8;
const STORE = 0;
// Made on Unix, as a regular file readable by all (rw-r--r--): unzip gives the files those rights.
const UNIX = 3;
const READABLE = 0o100644 << 16;

/** Noon UTC of the edition's day (a partial date takes the first day): a fixed, valid DOS timestamp. */
export function editionTime(edition: string): Date {
  const [y, m = '01', d = '01'] = edition.split('-');
  const date = new Date(`${y}-${m}-${d}T12:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 ? new Date('1980-01-01T12:00:00Z') : date;
}

/** One entry's bytes as the zip holds them. */
export interface ZipEntryData { size: number; crc: number; compression: typeof STORE | typeof DEFLATE; data: Uint8Array }

/** An entry made ready for the zip: deflated, or stored if it is compressed already. */
export function zipEntry(path: string, bytes: Uint8Array): ZipEntryData {
  const stored = STORED.test(path);
  return { size: bytes.length, crc: crc32(bytes), compression: stored ? STORE : DEFLATE, data: stored ? bytes : deflateRawSync(bytes, { level: 6 }) };
}

/** A zip written entry by entry to `sink`, which gets its bytes in order. */
export class ZipWriter {
  private readonly zip: Zip;
  private readonly top: string;
  private readonly mtime: Date;
  private failed: Error | null = null;

  constructor(top: string, edition: string, sink: (chunk: Uint8Array) => void) {
    this.top = top;
    this.mtime = editionTime(edition);
    this.zip = new Zip((err, chunk) => {
      if (err) this.failed = err;
      else sink(chunk);
    });
  }

  put(path: string, entry: ZipEntryData): void {
    const file: ZipInputFile = { filename: `${this.top}/${path}`, size: entry.size, crc: entry.crc, compression: entry.compression, mtime: this.mtime, os: UNIX, attrs: READABLE };
    this.zip.add(file);
    file.ondata!(null, entry.data, true);
    if (this.failed) throw this.failed;
  }

  end(): void {
    this.zip.end();
    if (this.failed) throw this.failed;
  }
}

/** A bag in memory as one zip (the tests'; a build writes its bag through zipEntry and ZipWriter). */
export function zipBag(top: string, files: BagFile[], edition: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter(top, edition, (chunk) => chunks.push(chunk));
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) writer.put(f.path, zipEntry(f.path, f.bytes));
  writer.end();
  return Buffer.concat(chunks);
}

/** Every entry of a zip by its name. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
