import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes or text, in hex: what captures, bags and caches are named and checked by. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A SHA-256 fed piece by piece, for bytes written as they are made. */
export const sha256Stream = () => createHash('sha256');
