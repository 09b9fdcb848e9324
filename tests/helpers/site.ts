import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inject } from 'vitest';

/** The site built once by tests/setup/build-site.ts. */
export const siteDir = (): string => inject('siteDir');

export function readPage(path: string): string {
  const clean = path.replace(/^\//, '');
  const file = clean.endsWith('.html') || /\.\w+$/.test(clean) ? clean : join(clean, 'index.html');
  return readFileSync(join(siteDir(), file), 'utf8');
}

export function allFiles(dir = siteDir()): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

export function htmlPages(): string[] {
  return allFiles().filter((f) => f.endsWith('.html')).map((f) => '/' + relative(siteDir(), f));
}

export function exists(path: string): boolean {
  return existsSync(join(siteDir(), path));
}
