/**
 * npm run build | dev | preview | start [-- --content <folder>] [--out <folder>]: Astro, pointed at
 * one dossier. The flags are checked here (scripts/lib/args.ts) because Astro ignores those it does
 * not know; Astro then runs under the project's pinned Node (process.execPath), as before.
 * `start` builds and then serves that build.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { commandTarget, refuse, UsageError, type CommandSpec } from './lib/args.ts';
import { keepOutOfGit } from './lib/git-ignore.ts';

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');
const serving = { switches: ['--host', '--open'], valued: ['--port'] };
const SPECS: Record<string, CommandSpec> = {
  build: { name: 'build', writes: 'out' },
  // The dev server builds nothing to disk: --out has no meaning there.
  dev: { name: 'dev', writes: 'nothing', ...serving },
  preview: { name: 'preview', writes: 'out', ...serving },
  start: { name: 'start', writes: 'out', ...serving },
};

const [command, ...argv] = process.argv.slice(2);
const spec = SPECS[command];
if (!spec) refuse('astro', new UsageError(`"${command ?? ''}" is not a command here; use one of ${Object.keys(SPECS).join(', ')}.`));
const target = commandTarget(spec, argv);

function astro(sub: string, args: string[]): number {
  const run = spawnSync(process.execPath, [ASTRO, sub, ...args], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1' } });
  return run.status ?? 1;
}

let status = 0;
if (command === 'build' || command === 'start') {
  status = astro('build', []);
  if (status === 0) keepOutOfGit(target.out);
}
if (status === 0 && command !== 'build') status = astro(command === 'start' ? 'preview' : command, target.rest);
process.exit(status);
