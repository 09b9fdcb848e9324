import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withBuildLockAsync } from '../helpers/build-lock.ts';
import { expectEngineUnchanged } from '../helpers/engine-state.ts';

/**
 * docs/tutorial.md, run as a reader would: every ```sh block marked `<!-- test: … -->` is run with
 * bash in the engine's folder, in order, with HOME set to a fresh folder (the tutorial's dossier is
 * ~/my-dossier), and every file block marked write/append/edit is applied. Markers:
 *   prints "re"…     exit 0, and the output (stdout and stderr) matches each pattern
 *   fails "re"…      a non-zero exit, and the output matches each pattern
 *   lacks "re"       (with prints) the output does not match
 *   serves PATH "re" the command serves the site (`--port N` is added); PATH answers and matches
 *   write FILE / append FILE   the ```yaml block below is written to, or appended to, FILE
 *   edit FILE        the ```diff block below: each "-" line of FILE becomes the "+" line after it
 */
interface Step { marker: string; lang: string; body: string; line: number }

const DOC = 'docs/tutorial.md';

export function steps(markdown: string): Step[] {
  const out: Step[] = [];
  const re = /<!-- test: (.+?) -->\n\s*```(\w+)\n([\s\S]*?)\n\s*```/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    // Blocks inside a list are indented: take the indentation of the fence off every line.
    const indent = /\n(\s*)```\w+\n/.exec(m[0])?.[1] ?? '';
    const body = m[3].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
    out.push({ marker: m[1], lang: m[2], body, line: markdown.slice(0, m.index).split('\n').length });
  }
  return out;
}

const quoted = (s: string) => [...s.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1].replace(/\\"/g, '"').replace(/\\\\/g, '\\'));

let home: string;
const env = () => ({ ...process.env, HOME: home, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', DOSSIER_CACHE_DIR: join(home, '.astro-cache'), DOSSIER_CONTENT: '', DOSSIER_OUT_DIR: '', INIT_CWD: '', npm_config_update_notifier: 'false' });
const expand = (p: string) => p.replace(/^~(?=\/)/, home);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function serveStep(command: string, path: string, pattern: RegExp): Promise<string> {
  const port = await freePort();
  const child = spawn('bash', ['-c', `${command} --port ${port}`], { env: env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });
  try {
    // The build comes first; the server answers once it is up. Each try waits for the one before;
    // the count only bounds a hang, and the message then shows what the command printed.
    let last = '';
    for (let i = 0; i < 2400; i++) {
      if (exited) throw new Error(`the command ended before serving:\n${output}`);
      try {
        const res = await fetch(`http://localhost:${port}${path}`, { signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (res.ok && pattern.test(text)) return output;
        // `start` serves only once the build is done: a page without the text will not gain it.
        if (res.ok) throw new Error(`${path} is served without ${pattern}:\n${text.slice(0, 2000)}`);
        last = `${res.status}, ${text.length} bytes`;
      } catch (e) {
        if ((e as Error).message.includes('is served without')) throw e;
        last = String((e as Error).cause ?? e); // not listening yet
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${path} was never served with ${pattern} (last: ${last}):\n${output}`);
  } finally {
    // The whole process group this test started: npm, the wrapper and Astro's server.
    if (!exited) {
      process.kill(-child.pid!, 'SIGTERM');
      const gone = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 10_000))]);
      if (!gone) process.kill(-child.pid!, 'SIGKILL');
    }
  }
}

function applyFileStep(kind: string, file: string, step: Step): void {
  const path = expand(file);
  if (kind === 'write') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${step.body}\n`);
  } else if (kind === 'append') {
    const before = readFileSync(path, 'utf8');
    appendFileSync(path, `${before.endsWith('\n') ? '' : '\n'}${step.body}\n`);
  } else if (kind === 'edit') {
    let text = readFileSync(path, 'utf8');
    const lines = step.body.split('\n');
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i].startsWith('-') && lines[i + 1]?.startsWith('+'), `${DOC}:${step.line}: a diff of "-" then "+" lines`).toBe(true);
      const [from, to] = [lines[i].slice(1), lines[i + 1].slice(1)];
      expect(text.split('\n'), `${DOC}:${step.line}: ${file} has the line to change`).toContain(from);
      text = text.split('\n').map((l) => (l === from ? to : l)).join('\n');
    }
    writeFileSync(path, text);
  } else throw new Error(`${DOC}:${step.line}: unknown marker "${kind}"`);
}

const doc = readFileSync(DOC, 'utf8');
const all = steps(doc);

expectEngineUnchanged('the tutorial builds a dossier outside the engine');
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'tutorial-home-'));
});

describe('docs/tutorial.md', () => {
  it('marks its commands for this test, and every ```sh block is marked', () => {
    const shBlocks = (doc.match(/```sh\n/g) ?? []).length;
    expect(all.filter((s) => s.lang === 'sh')).toHaveLength(shBlocks);
    expect(shBlocks).toBeGreaterThanOrEqual(10);
    expect(all.some((s) => s.marker.startsWith('fails'))).toBe(true);
  });

  it('runs from npm run new to a published build, each step with the outcome it describes', async () => {
    for (const step of all) {
      const [kind, ...rest] = step.marker.split(' ');
      const where = `${DOC}:${step.line} (${step.marker})`;
      process.stderr.write(`tutorial: ${where}\n`);
      if (step.lang !== 'sh') {
        applyFileStep(kind, rest.join(' '), step);
        continue;
      }
      const patterns = quoted(step.marker).map((p) => new RegExp(p));
      if (kind === 'serves') {
        const path = rest[0].startsWith('/') ? rest[0] : '/';
        const output = await withBuildLockAsync(() => serveStep(step.body, path, patterns[0]));
        expect(output, where).toMatch(/dossier: reading .*my-dossier/);
        continue;
      }
      const run = await withBuildLockAsync(async () => spawnSync('bash', ['-c', step.body], { cwd: process.cwd(), env: env(), encoding: 'utf8' }));
      const output = `${run.stdout}${run.stderr}`;
      if (kind === 'fails') expect(run.status, `${where}\n${output}`).not.toBe(0);
      else if (kind === 'prints') expect(run.status, `${where}\n${output}`).toBe(0);
      else throw new Error(`${where}: unknown marker`);
      const lacks = step.marker.includes(' lacks ') ? quoted(step.marker.split(' lacks ')[1]).map((p) => new RegExp(p)) : [];
      for (const p of patterns.slice(0, patterns.length - lacks.length)) expect(output, where).toMatch(p);
      for (const p of lacks) expect(output, where).not.toMatch(p);
      expect(output, where).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace anywhere
    }
    expect(existsSync(join(home, 'my-dossier', 'dist', 'dossier.pdf'))).toBe(true);
  }, 1_800_000);
});
