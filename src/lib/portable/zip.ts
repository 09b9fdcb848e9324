/*
 * The bag as one zip, with fflate (a small, well-kept zip library with no dependencies): its Zip
 * container, fed entries that Node's own zlib has deflated, through fflate's ZipInputFile interface
 * (made for other compressors). At 1,000 sources (40 MB) zlib deflates in about half the time of
 * fflate's JavaScript deflate, and yazl, which also uses zlib, took three times longer again for
 * 6,000 small entries (docs/portable.md). Entries go in path order under one top folder
 * (RFC 8493 §4), each dated to the edition, so the same edition gives the same bytes. Files already
 * compressed are stored.
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

export function zipBag(top: string, files: BagFile[], edition: string): Uint8Array {
  const mtime = editionTime(edition);
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const stored = STORED.test(f.path);
    const entry: ZipInputFile = { filename: `${top}/${f.path}`, size: f.bytes.length, crc: crc32(f.bytes), compression: stored ? STORE : DEFLATE, mtime, os: UNIX, attrs: READABLE };
    zip.add(entry);
    entry.ondata!(null, stored ? f.bytes : deflateRawSync(f.bytes, { level: 6 }), true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
}

/** Every entry of a zip by its name. */
export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
