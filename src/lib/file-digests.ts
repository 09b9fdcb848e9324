/*
 * The SHA-256 of the build's files, kept for the build's life. The portable edition reads every
 * file of the site; it hashes each in passing (`readRemembered`), and the offline worker's
 * manifest, which needs every file's hash for its version, takes those (`fileDigest`) instead of
 * reading and hashing the whole site again: 4 s at 10,000 sources and 74 s at 100,000, after
 * everything else, on one core. A file is known by its inode, size and modification time in
 * nanoseconds, so one written again since (the pages that get the zip's size and hash) is read again.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import { hashFileInto, sha256, sha256Stream } from './hash.ts';

const known = new Map<string, { key: string; hash: string }>();
const keyOf = (s: BigIntStats) => `${s.ino}:${s.size}:${s.mtimeNs}`;

/** Reads a file whole, and remembers its hash for `fileDigest`. */
export function readRemembered(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    const bytes = Buffer.allocUnsafe(Number(stat.size));
    for (let read = 0; read < bytes.length; ) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) throw new Error(`${file} shrank while it was read`);
      read += n;
    }
    known.set(file, { key: keyOf(stat), hash: sha256(bytes) });
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Remembers a file's hash, made as it was written (the zip copied into the site). */
export function rememberDigest(file: string, hash: string): void {
  known.set(file, { key: keyOf(statSync(file, { bigint: true })), hash });
}

/** A file's size and SHA-256: remembered if the file is as it was read, else read now (in pieces). */
export function fileDigest(file: string): { size: number; hash: string } {
  const stat = statSync(file, { bigint: true });
  const seen = known.get(file);
  if (seen?.key === keyOf(stat)) return { size: Number(stat.size), hash: seen.hash };
  const hash = sha256Stream();
  const size = hashFileInto(hash, file);
  return { size, hash: hash.digest('hex') };
}

/** Forgets every remembered hash (the end of a build). */
export function forgetDigests(): void {
  known.clear();
}
