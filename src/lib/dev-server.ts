/*
 * Whether this process is `astro dev`, for the few things a page does differently there. A global
 * set by src/integrations/dev-reload.ts when `astro dev` starts its server, read at render time.
 * Not import.meta.env.DEV, which is true in any build run with NODE_ENV=test (as under Vitest).
 */
const KEY = Symbol.for('dossier.dev-server');
type WithFlag = typeof globalThis & { [KEY]?: boolean };

export function markDevServer(): void {
  (globalThis as WithFlag)[KEY] = true;
}

export function inDevServer(): boolean {
  return (globalThis as WithFlag)[KEY] === true;
}
