import { getViteConfig } from 'astro/config';

// Component tests render .astro files with the Container API, which needs Astro's Vite
// plugins; the other tests run on plain Vitest. Listed as a project in vitest.config.ts.
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/unit/components-*.test.ts'],
    testTimeout: 60_000,
  },
} as Parameters<typeof getViteConfig>[0]);
