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

/*
 * How many saves the dev server has verified. Each page carries the count it was rendered at
 * (Base.astro), and tells the server when its client connects (src/lib/dev/client.ts): a save
 * verified while the page was loading reached no client of it, so the server sends that page
 * the update again (src/integrations/dev-reload.ts).
 */
const SAVES = Symbol.for('dossier.dev-saves');
type WithSaves = typeof globalThis & { [SAVES]?: number };

export function countDevSave(): void {
  const g = globalThis as WithSaves;
  g[SAVES] = (g[SAVES] ?? 0) + 1;
}

export function devSaves(): number {
  return (globalThis as WithSaves)[SAVES] ?? 0;
}
