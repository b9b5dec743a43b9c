import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'packages/store/seed/*.test.ts',
    ],
    pool: 'threads',
    // Generous limits: CI machines have two cores shared by many test files, and a seeded
    // database (migrations, seed, search index) takes seconds to make there. Speed is measured by
    // the benchmarks, never by these.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
