/*
 * Whether this process is `astro dev`, for the few things a page does differently there. A global
 * set by src/integrations/dev-reload.ts when the dev server starts, read at render time, rather
 * than import.meta.env.DEV (true in any build run with NODE_ENV=test, as under Vitest) or a
 * Vite `define` (a build in the same project root as a dev-mode Vite, as Vitest's component
 * project starts, came out with it set).
 */
const KEY = Symbol.for('dossier.dev-server');
type WithFlag = typeof globalThis & { [KEY]?: boolean };

export function markDevServer(): void {
  (globalThis as WithFlag)[KEY] = true;
}

export function inDevServer(): boolean {
  return (globalThis as WithFlag)[KEY] === true;
}
