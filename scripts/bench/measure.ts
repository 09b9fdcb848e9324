// Wall time and peak memory of a command. Peak RSS is sampled over the whole process tree
// (every 0.2 s, like the peers' tree-rss.sh) and for the largest single process, because a
// build hands work to child processes (Pagefind) while Node still holds its heap.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

export interface Measured {
  ok: boolean;
  code: number | null;
  wall_s: number;
  peak_rss_mb: number;
  peak_tree_rss_mb: number;
  /** The command of the process that held the largest sampled RSS: which part of a build to look at. */
  peak_process: string;
  /** Each command's largest sampled RSS, in MB: the build's own beside Pagefind's indexer. */
  peak_by_process: Record<string, number>;
}

/** "node …/astro.mjs build" → "node astro.mjs"; "/usr/lib/chromium/chromium --type=renderer …" → "chromium renderer". */
export function processName(args: string): string {
  const words = args.trim().split(/\s+/);
  const base = (w = '') => w.split('/').pop() ?? w;
  const first = base(words[0]);
  if (first === 'node') return `node ${base(words.slice(1).find((w) => !w.startsWith('-')))}`.trim();
  const type = words.find((w) => w.startsWith('--type='));
  return type ? `${first} ${type.slice(7)}` : first;
}

function sample(root: number): { tree: number; single: number; name: string; each: Map<string, number> } {
  let out = '';
  try {
    out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch {
    return { tree: 0, single: 0, name: '', each: new Map() };
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const args = new Map<number, string>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid, kb, ...rest] = line.trim().split(/\s+/);
    parent.set(Number(pid), Number(ppid));
    rss.set(Number(pid), Number(kb));
    args.set(Number(pid), rest.join(' '));
  }
  let tree = 0;
  let single = 0;
  let name = '';
  const each = new Map<string, number>();
  for (const pid of parent.keys()) {
    let q: number | undefined = pid;
    while (q !== undefined && q !== root && q > 1) q = parent.get(q);
    if (q === root) {
      const kb = rss.get(pid)!;
      const command = processName(args.get(pid)!);
      tree += kb;
      if (kb > single) [single, name] = [kb, command];
      each.set(command, Math.max(each.get(command) ?? 0, kb));
    }
  }
  return { tree, single, name, each };
}

export function measure(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<Measured> {
  return new Promise((resolve) => {
    const log = createWriteStream(opts.log);
    const t0 = performance.now();
    // GNU time's %M is the exact peak of the largest single process; sampling can miss a spike.
    const timeFile = join(opts.cwd, '.bench-time.txt');
    rmSync(timeFile, { force: true });
    const [c, a] = existsSync(TIME) ? [TIME, ['-f', '%e %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
    const child = spawn(c, a, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let tree = 0;
    let single = 0;
    let name = '';
    const each = new Map<string, number>();
    const timer = setInterval(() => {
      const s = sample(child.pid!);
      tree = Math.max(tree, s.tree);
      if (s.single > single) [single, name] = [s.single, s.name];
      for (const [command, kb] of s.each) each.set(command, Math.max(each.get(command) ?? 0, kb));
    }, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      log.end();
      const mb = (kb: number) => Math.round(kb / 1024);
      const timed = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ')[1]) : NaN;
      if (Number.isFinite(timed)) single = Math.max(single, timed);
      resolve({ ok: code === 0, code, wall_s: Math.round((performance.now() - t0) / 10) / 100, peak_rss_mb: mb(single), peak_tree_rss_mb: mb(tree), peak_process: name,
        // The processes that came near the peak (at least a tenth of it), largest first.
        peak_by_process: Object.fromEntries([...each].filter(([, kb]) => kb * 10 >= single).sort((a, b) => b[1] - a[1]).map(([command, kb]) => [command, mb(kb)])) });
    });
  });
}
