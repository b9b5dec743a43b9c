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
    // expect.poll is how the browser tests wait for what a page shows (a language applied, a
    // count loaded). Its default of 1 s once failed there under load: a language's messages
    // took longer to arrive. A state that never comes still fails, after 30 s.
    expect: { poll: { timeout: 30_000 } },
  },
});
