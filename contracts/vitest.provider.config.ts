import { defineConfig } from 'vitest/config';

// Provider side of the contracts: the pacts in contracts/pacts/ (written by the consumer config, run first)
// verified against the simulator, compared with the OpenAPI document, the live-mode rehearsal and the
// `mde-sim verify` command. Pact's verifier is native and uses both cores: one file at a time.
export default defineConfig({
  test: {
    include: ['contracts/provider/**/*.test.ts'],
    fileParallelism: false,
    env: { SCARF_ANALYTICS: 'false', PACT_DO_NOT_TRACK: 'true' },
    // Pact's verifier proxy uses http-proxy 1.18, which calls util._extend (DEP0060, deprecated since Node 22).
    execArgv: ['--disable-warning=DEP0060'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
