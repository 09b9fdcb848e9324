/**
 * Node's own report of a process that reached its heap limit is a list of garbage collections
 * and a native stack trace, which tells an author nothing they can act on. This passes a child's
 * stderr through until that report begins, keeps the report back, and says whether it came, so
 * that the caller can say plainly what happened and what to do instead.
 */
const REPORT_START = /<--- Last few GCs --->|FATAL ERROR: .*JavaScript heap out of memory/;

export class HeapLimitWatch {
  /** Whether the child reported that it ran out of heap. */
  outOfMemory = false;
  private pending = '';
  private readonly pass: (text: string) => void;

  /** `pass` receives the stderr that comes before any report. */
  constructor(pass: (text: string) => void) {
    this.pass = pass;
  }

  /** A chunk of the child's stderr: passed on a whole line at a time, up to the report. */
  write(chunk: Buffer | string): void {
    if (this.outOfMemory) return;
    this.pending += chunk.toString();
    const start = REPORT_START.exec(this.pending);
    if (start) {
      this.outOfMemory = true;
      const before = this.pending.slice(0, start.index).replace(/\n+$/, '\n');
      if (before.trim()) this.pass(before);
      this.pending = '';
      return;
    }
    // The marker may be split across chunks: hold back the last, unfinished line, and the blank
    // lines before it, which are the report's own when one follows.
    const whole = this.pending.slice(0, this.pending.lastIndexOf('\n') + 1);
    const cut = whole.replace(/\n\n+$/, '\n').length;
    if (cut) {
      this.pass(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
  }

  /** The child closed its stderr: whatever is left was not a report. */
  end(): void {
    if (!this.outOfMemory && this.pending) this.pass(this.pending);
    this.pending = '';
  }
}

/**
 * What an author reads when `command` (as they typed it) ran out of heap: the limit it had, and
 * a larger one to run it with (twice as much, within three quarters of the machine's memory).
 */
export function outOfMemoryMessage(command: string, heapLimitMb: number, totalMemoryMb: number, keptOutput: boolean): string {
  const room = Math.floor((totalMemoryMb * 0.75) / 1024) * 1024;
  const larger = Math.min(Math.max(Math.floor((heapLimitMb * 2) / 1024) * 1024, 4096), room);
  const gb = Math.round(totalMemoryMb / 1024);
  // Less than half as much again would not carry a build much further.
  const fix = room >= heapLimitMb * 1.5
    ? `run it again with a larger heap, NODE_OPTIONS=--max-old-space-size=${larger} ${command} (this machine has ${gb} GB); or build fewer sources.`
    : `this machine has no more memory to give it (${gb} GB): build fewer sources, or build on a machine with more memory.`;
  return `dossier: ${command} ran out of memory: Node reached its heap limit of about ${heapLimitMb.toLocaleString('en')} MB and stopped.${keptOutput ? ' The last good output is kept.' : ''}\nFix: ${fix}\n`;
}
