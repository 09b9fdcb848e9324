/**
 * npm run build | dev | preview | start [-- --content <folder>] [--out <folder>]: Astro, pointed at
 * one dossier. The flags are checked here (scripts/lib/args.ts) because Astro ignores those it does
 * not know; Astro then runs under the project's pinned Node (process.execPath), as before.
 * `start` builds and then serves that build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { commandTarget, refuse, UsageError, type CommandSpec } from './lib/args.ts';
import { keepOutOfGit } from './lib/git-ignore.ts';
import { HeapLimitWatch, outOfMemoryMessage } from './lib/out-of-memory.ts';
import { forgetRecord, inputStamp, outputState, readRecord, recordFile, whyBuild, writeRecord } from './lib/build-stamp.ts';
import { stagingDirOf } from '../src/integrations/atomic-output.ts';
import { cacheDirFor } from '../src/lib/content/location.ts';
import { verifyContent } from '../src/lib/content/verify.ts';
import { reportProblems } from '../src/lib/content/report.ts';

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const serving = { switches: ['--host', '--open'], valued: ['--port'] };
const SPECS: Record<string, CommandSpec> = {
  // --force: build even when nothing changed since the last build (scripts/lib/build-stamp.ts).
  build: { name: 'build', writes: 'out', switches: ['--force'] },
  // The dev server builds nothing to disk: --out has no meaning there.
  dev: { name: 'dev', writes: 'nothing', ...serving },
  preview: { name: 'preview', writes: 'out', ...serving },
  start: { name: 'start', writes: 'out', switches: ['--force', ...serving.switches], valued: serving.valued },
};

const [command, ...argv] = process.argv.slice(2);
const spec = SPECS[command];
if (!spec) refuse('astro', new UsageError(`"${command ?? ''}" is not a command here; use one of ${Object.keys(SPECS).join(', ')}.`));
const target = commandTarget(spec, argv);

/**
 * The build's memory: a 16 MB young generation (V8 otherwise reserves one that grows far larger
 * while pages render) and two malloc arenas (glibc's default is eight per core; elsewhere the
 * variable means nothing). At 1,000 sources the build's peak RSS fell from 921–963 MB to
 * 796–805 MB (docs/performance.md). The environment's own values win.
 */
const BUILD_NODE = ['--max-semi-space-size=16'];
const BUILD_ENV = { MALLOC_ARENA_MAX: '2' };

/**
 * Runs Astro and waits for it. Its stderr is passed through a HeapLimitWatch, so that a build that
 * outgrows Node's heap ends with what to do, not Node's native stack trace. Signals sent to this
 * process go on to Astro, which stops in its own way.
 */
async function astro(sub: string, args: string[]): Promise<number> {
  const build = sub === 'build';
  const env = { ...(build ? BUILD_ENV : {}), ...process.env, ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1' };
  const nodeFlags = build ? BUILD_NODE : [];
  const child = spawn(process.execPath, [...nodeFlags, ASTRO, sub, ...args], { stdio: ['inherit', 'inherit', 'pipe'], env });
  const watch = new HeapLimitWatch((text) => process.stderr.write(text));
  child.stderr.on('data', (chunk: Buffer) => watch.write(chunk));
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  const [code] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  for (const s of signals) process.off(s, forward);
  watch.end();
  if (watch.outOfMemory) {
    process.stderr.write(outOfMemoryMessage(`npm run ${command}`, heapLimitMb(nodeFlags, env), Math.round(totalmem() / 2 ** 20), build));
    return 1;
  }
  return code ?? 1;
}

/** The heap limit a Node started with these flags and this environment has: Astro's, asked of a Node like it. */
function heapLimitMb(flags: string[], env: NodeJS.ProcessEnv): number {
  const asked = spawnSync(process.execPath, [...flags, '-p', 'v8.getHeapStatistics().heap_size_limit'], { env, encoding: 'utf8' });
  return Math.round(Number(asked.stdout) / 2 ** 20);
}

/**
 * A build, or, when no input changed since the last good build and its output is as it was left,
 * the verification alone: the output already is what the build would write (build-stamp.ts).
 */
async function build(force: boolean): Promise<number> {
  const record = recordFile(resolve(cacheDirFor()), target.out);
  const inputs = inputStamp({ root: process.cwd(), content: target.content, out: target.out, env: process.env });
  const last = readRecord(record);
  if (!force && !whyBuild(last, inputs, () => outputState(target.out))) {
    const { dossier, problems } = verifyContent(target.content);
    if (problems.length) {
      reportProblems(problems);
      return 1;
    }
    process.stderr.write(`dossier: verified ${dossier!.sources.size} sources, every quote verbatim; nothing changed since the build of ${last!.builtAt}, so ${target.out} and its portable edition stand as that build wrote them (npm run build -- --force builds anyway)\n`);
    return 0;
  }
  // A build that fails or is cut short leaves the last good output, but no longer vouches for it.
  forgetRecord(record);
  const status = await astro('build', []);
  // Astro removes it at the next build's start; a build that died part-way (at scale, gigabytes) need not keep it until then.
  if (status !== 0) rmSync(stagingDirOf(resolve(target.out)), { recursive: true, force: true });
  if (status === 0) writeRecord(record, { inputs, outputs: outputState(target.out), builtAt: new Date().toISOString() });
  return status;
}

let status = 0;
if (command === 'build' || command === 'start') {
  status = await build(target.rest.includes('--force'));
  if (status === 0) keepOutOfGit(target.out);
}
const serveArgs = target.rest.filter((a) => a !== '--force');
if (status === 0 && command !== 'build') status = await astro(command === 'start' ? 'preview' : command, serveArgs);
process.exit(status);
