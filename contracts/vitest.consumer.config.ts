import { defineConfig } from 'vitest/config';

// Consumer contract tests: the real client against pact's mock server; they (re)write contracts/pacts/.
// Run before the provider config. One file at a time: both files write the same pact file.
export default defineConfig({
  test: {
    include: ['contracts/consumer/**/*.test.ts'],
    globalSetup: ['contracts/consumer/pact-file-lifecycle.ts'],
    fileParallelism: false,
    env: { SCARF_ANALYTICS: 'false', PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 20_000,
  },
});
