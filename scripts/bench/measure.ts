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
}

function sample(root: number): { tree: number; single: number } {
  let out = '';
  try {
    out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  } catch {
    return { tree: 0, single: 0 };
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid, kb] = line.trim().split(/\s+/).map(Number);
    parent.set(pid, ppid);
    rss.set(pid, kb);
  }
  let tree = 0;
  let single = 0;
  for (const pid of parent.keys()) {
    let q: number | undefined = pid;
    while (q !== undefined && q !== root && q > 1) q = parent.get(q);
    if (q === root) {
      tree += rss.get(pid)!;
      single = Math.max(single, rss.get(pid)!);
    }
  }
  return { tree, single };
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
    const timer = setInterval(() => {
      const s = sample(child.pid!);
      tree = Math.max(tree, s.tree);
      single = Math.max(single, s.single);
    }, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      log.end();
      const mb = (kb: number) => Math.round(kb / 1024);
      const timed = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ')[1]) : NaN;
      if (Number.isFinite(timed)) single = Math.max(single, timed);
      resolve({ ok: code === 0, code, wall_s: Math.round((performance.now() - t0) / 10) / 100, peak_rss_mb: mb(single), peak_tree_rss_mb: mb(tree) });
    });
  });
}
