import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentBuildId } from '../../src/lib/print/build-id.ts';
import { fingerprint } from '../../src/lib/content/handoff.ts';

describe('a dossier folder that holds its own build', () => {
  it('keeps its build id and fingerprint when dist/, its staging copies, a replaced one being removed, .dossier/ or .git/ change, but not when content does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-walk-'));
    cpSync('templates/dossier', dir, { recursive: true });
    const [id, print] = [contentBuildId(dir), fingerprint(dir)];
    for (const folder of ['dist', 'dist.staging', 'dist.old', 'dist.removing-0badf00d', 'dossier-portable.removing-0badf00d', '.dossier', '.git']) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'file'), 'built');
    }
    expect(contentBuildId(dir)).toBe(id);
    expect(fingerprint(dir)).toBe(print);
    writeFileSync(join(dir, 'pages', 'extra.mdx'), '---\ntitle: x\n---\n');
    expect(contentBuildId(dir)).not.toBe(id);
    expect(fingerprint(dir)).not.toBe(print);
  });
});
