/**
 * What every throughput measurement of the benchmark runs: unrestrict on one demo machine, every call a new
 * action (no lifecycle delay, so the previous one has Succeeded), the limiter counting with quotas raised
 * far above the load. Shared by the server's config file (bench/run.ts) and the in-process loop
 * (bench/core-loop.ts), so both measure the same path.
 */
export const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

/** The unrestrict body every call sends. */
export const LOAD_BODY = '{"Comment":"benchmark"}';

export const LOAD_SETTINGS = {
  lifecycle: { pickupDelayMs: 0, executionMs: 0 },
  rateLimits: {
    limits: {
      unrestrictCodeExecution: [
        { limit: 10_000_000, windowSeconds: 60 },
        { limit: 100_000_000, windowSeconds: 3600 },
      ],
    },
  },
};
