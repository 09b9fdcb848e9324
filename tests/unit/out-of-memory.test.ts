import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HeapLimitWatch, outOfMemoryMessage } from '../../scripts/lib/out-of-memory.ts';

/** A real Node child's stderr, fed to a HeapLimitWatch in the chunks it arrives in. */
async function watched(args: string[]): Promise<{ passed: string; outOfMemory: boolean }> {
  let passed = '';
  const watch = new HeapLimitWatch((text) => { passed += text; });
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (chunk: Buffer) => watch.write(chunk));
  await once(child, 'close');
  watch.end();
  return { passed, outOfMemory: watch.outOfMemory };
}

describe("a child's stderr, watched for Node's out-of-memory report", () => {
  it('a process that runs out of heap: what it said before passes, the report is held back', { timeout: 60_000 }, async () => {
    const { passed, outOfMemory } = await watched(['--max-old-space-size=16', '-e', "console.error('rendering pages'); const a = []; for (;;) a.push('x'.repeat(64) + Math.random());"]);
    expect(outOfMemory).toBe(true);
    expect(passed).toBe('rendering pages\n');
  });

  it('a process that does not: everything passes through unchanged, whatever the chunks', { timeout: 60_000 }, async () => {
    const script = "for (let i = 0; i < 2000; i++) process.stderr.write('line ' + i + ' of warnings\\n'); process.stderr.write('no newline at the end');";
    const { passed, outOfMemory } = await watched(['-e', script]);
    expect(outOfMemory).toBe(false);
    expect(passed).toBe(`${Array.from({ length: 2000 }, (_, i) => `line ${i} of warnings\n`).join('')}no newline at the end`);
  });

  it('a marker split between two chunks is still found', () => {
    let passed = '';
    const watch = new HeapLimitWatch((text) => { passed += text; });
    watch.write('[build] rendering\n\n<--- Last few');
    watch.write(' GCs --->\n\n[1:0x1] 300 ms: Mark-Compact\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0x931db0 node::Abort()\n');
    watch.end();
    expect(watch.outOfMemory).toBe(true);
    expect(passed).toBe('[build] rendering\n');
  });
});

describe('what the author reads', () => {
  it('names the command, the limit and a larger one within the machine', () => {
    const text = outOfMemoryMessage('npm run build', 4144, 24 * 1024, true);
    expect(text).toContain('npm run build ran out of memory');
    expect(text).toContain('about 4,144 MB');
    expect(text).toContain('The last good output is kept.');
    expect(text).toContain('Fix: run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=8192 npm run build (this machine has 24 GB)');
  });

  it('says so when the machine has no more to give', () => {
    const text = outOfMemoryMessage('npm run dev', 6000, 8 * 1024, false);
    expect(text).not.toContain('last good output');
    expect(text).toContain('Fix: this machine has no more memory to give it (8 GB)');
  });
});
