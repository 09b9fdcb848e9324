import { describe, expect, it } from 'vitest';
import { isKnownWarning, onwarn } from '../../src/integrations/known-warnings.ts';

const headInject = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message: 'The semantics of the module level directive "use astro:head-inject" in "src/content/pages/method.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('known bundler warnings', () => {
  it("drops Rolldown's warning about Astro's head-inject directive", () => {
    const passed: unknown[] = [];
    onwarn(headInject, (w) => passed.push(w));
    expect(passed).toEqual([]);
  });

  it('passes on the same code for any other directive, and every other warning', () => {
    const others = [
      { ...headInject, message: headInject.message.replace('astro:head-inject', 'use client') },
      { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' },
      { message: 'a warning with no code that mentions "use astro:head-inject"' },
    ];
    for (const w of others) expect(isKnownWarning(w)).toBe(false);
    const passed: unknown[] = [];
    for (const w of others) onwarn(w, (x) => passed.push(x));
    expect(passed).toEqual(others);
  });
});
