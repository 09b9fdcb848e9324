import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export interface DevServer {
  url: string;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
  stop: () => Promise<void>;
}

/** A port nobody listens on now, from the system (port 0), on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * `astro dev` of the dossier in `content` on a free loopback port, run by the project's Node as
 * `npm run dev` runs it. Resolves once the server says where it listens; `stop` ends it (and
 * waits for it), so a test or the bench leaves no server behind.
 */
export async function startDevServer(content: string, { root = process.cwd(), cache, env = {} }: { root?: string; cache?: string; env?: Record<string, string> } = {}): Promise<DevServer> {
  const port = await freePort();
  // Under Vitest, NODE_ENV=test and VITEST* would reach Astro and turn off Vite's client (no reload, no overlay).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const child = spawn(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...inherited, DOSSIER_CONTENT: content, ...(cache ? { DOSSIER_CACHE_DIR: cache } : {}), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((done, fail) => {
    const read = (d: Buffer) => {
      out += d;
      // Astro may move to another port if this one was taken meanwhile: take the one it prints.
      const m = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) done(m[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`astro dev exited (code ${code}) before it was ready:\n${out.slice(-3000)}`)));
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { url, log: () => out, stop };
}

/** What an open page of the dev server logs: its Vite client connected (after a load or a reload), or a save swapped in (src/lib/dev/client.ts). */
const CONNECTED = /\[vite\] connected/;
const SETTLED = /\[vite\] connected|\[dossier\] page updated/;

/** Resolves when the page's Vite client has connected, so that it hears the next update or error. */
export const pageConnected = (page: Page, timeout = 60_000) => page.waitForEvent('console', { predicate: (m) => CONNECTED.test(m.text()), timeout });

/** Resolves once a save has landed on the page: it swapped in its new <main>, or reloaded and reconnected. */
export const pageSettled = (page: Page, timeout = 60_000) => page.waitForEvent('console', { predicate: (m) => SETTLED.test(m.text()), timeout });
