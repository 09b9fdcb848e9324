import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../src/lib/hash.ts';
import * as hash from '../../src/lib/hash.ts';
import { fileDigest, forgetDigests, readRemembered, rememberDigest } from '../../src/lib/file-digests.ts';
import { removeFully } from '../../src/lib/discard.ts';

// Counts how often a file is read to be hashed, so that the test sees when a remembered hash is used.
vi.mock('../../src/lib/hash.ts', async (actual) => {
  const real = await actual<typeof import('../../src/lib/hash.ts')>();
  return { ...real, hashFileInto: vi.fn(real.hashFileInto) };
});

const dir = mkdtempSync(join(tmpdir(), 'file-digests-'));
afterAll(() => removeFully(dir));
beforeEach(() => {
  forgetDigests();
  vi.mocked(hash.hashFileInto).mockClear();
});

describe('the build\'s file digests', () => {
  it('reads a file whole, and gives its size and SHA-256 without reading it again', () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, '<p>Geneva</p>');
    expect(readRemembered(file).toString()).toBe('<p>Geneva</p>');
    expect(fileDigest(file)).toEqual({ size: 13, hash: sha256('<p>Geneva</p>') });
    expect(hash.hashFileInto).not.toHaveBeenCalled();
  });

  it('reads a file written again since, even at the same size', () => {
    const file = join(dir, 'index.html');
    writeFileSync(file, '<a>SIZE</a>');
    readRemembered(file);
    writeFileSync(file, '<a>2 MB</a>');
    expect(fileDigest(file)).toEqual({ size: 11, hash: sha256('<a>2 MB</a>') });
    expect(hash.hashFileInto).toHaveBeenCalledOnce();
  });

  it('reads a file it never saw', () => {
    const file = join(dir, 'sw.js');
    writeFileSync(file, 'self.x = 1;');
    expect(fileDigest(file)).toEqual({ size: 11, hash: sha256('self.x = 1;') });
    expect(hash.hashFileInto).toHaveBeenCalledOnce();
  });

  it('takes a hash made as the file was written, and forgets every hash at the end of a build', () => {
    const file = join(dir, 'dossier-portable.zip');
    writeFileSync(file, 'PK');
    rememberDigest(file, sha256(readFileSync(file)));
    expect(fileDigest(file).hash).toBe(sha256('PK'));
    expect(hash.hashFileInto).not.toHaveBeenCalled();
    forgetDigests();
    expect(fileDigest(file).hash).toBe(sha256('PK'));
    expect(hash.hashFileInto).toHaveBeenCalledOnce();
  });
});
