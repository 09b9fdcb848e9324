import { configDefaults, defineConfig } from 'vitest/config';

// One command runs everything: unit, content, build and browser tests. The site is built
// once in a global setup (tests/setup/build-site.ts) and shared by the build and browser tests.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser and build tests share one Chromium-heavy machine of 2 cores.
    maxWorkers: 2,
    reporters: ['default'],
    // Component tests (Astro Container API) need Astro's Vite plugins: their own project.
    projects: [
      { extends: true, test: { name: 'dossier', exclude: [...configDefaults.exclude, 'tests/unit/components-*.test.ts'] } },
      './vitest.components.config.ts',
    ],
  },
});
