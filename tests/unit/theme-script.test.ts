import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { themeScript } from '../../src/lib/theme/toggle.ts';

/** Runs /theme.js against a saved value (or a storage that throws) and returns data-theme. */
function run(saved: string | null | Error): string | undefined {
  const attrs: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (saved instanceof Error) throw saved;
      return key === 'dossier-theme' ? saved : null;
    },
  };
  const document = { documentElement: { setAttribute: (name: string, value: string) => (attrs[name] = value) } };
  runInNewContext(themeScript(), { localStorage, document });
  return attrs['data-theme'];
}

describe('/theme.js, run in <head> before the first paint', () => {
  it('applies a saved light or dark choice', () => {
    expect(run('dark')).toBe('dark');
    expect(run('light')).toBe('light');
  });
  it('ignores no choice, an unknown value, and a storage that refuses access', () => {
    expect(run(null)).toBeUndefined();
    expect(run('auto')).toBeUndefined();
    expect(run('"><script>')).toBeUndefined();
    expect(run(new Error('SecurityError'))).toBeUndefined();
  });
});
