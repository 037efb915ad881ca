import { defineConfig } from 'vitest/config';

// One config for unit tests (beside the code) and integration tests (test/). Tests bind 127.0.0.1:0 and
// use the simulator's virtual clock: nothing here sleeps on the wall clock.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'contracts/**'],
    // 2 cores on CI: two workers keep the suite well under the 3-minute budget without thrashing.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
