/**
 * Growth: unrestrict and a `$top=10` list of one machine's actions with 1k and 1M stored actions (all on one
 * machine, and spread over 10k machines), in-process through `simulator.handle`, so the figure is the core's
 * own cost. The stored actions arrive through `simulator.restore()` (the state-file path), which is how a
 * long run's backlog exists. Prints one JSON line per case: calls/s (median of five rounds), the longest
 * single call (the time it blocks the event loop), how much of it was garbage collection, and the longest
 * any call took by its own work.
 *
 * Usage: node bench/growth.ts <actions> <machines>
 */
import { DEMO_TENANT_ID, demoTenant } from '../mock/core/demo-tenant.ts';
import { createSimulator, type PersistedState } from '../mock/core/simulator.ts';
import { formatTimestamp } from '../mock/core/timestamps.ts';
import { gcSettled, gcWithin } from './gc-pauses.ts';

const ACTIONS = Number(process.argv[2] ?? 1000);
const MACHINES = Number(process.argv[3] ?? 1);
const START_MS = Date.parse('2026-11-01T00:00:00Z');

const machineId = (i: number) => i.toString(16).padStart(40, 'b');
const seed = demoTenant();
seed.machines = Array.from({ length: MACHINES }, (_, i) => ({
  id: machineId(i),
  computerDnsName: `host-${i}`,
}));

const actions = Array.from({ length: ACTIONS }, (_, i) => {
  const at = START_MS + i * 10;
  const machine = i % MACHINES;
  return {
    action: {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      type: 'UnrestrictCodeExecution' as const,
      title: null,
      requestor: 'Defender for Endpoint API',
      requestorComment: 'history',
      status: 'Succeeded' as const,
      machineId: machineId(machine),
      computerDnsName: `host-${machine}`,
      creationDateTimeUtc: formatTimestamp(at),
      lastUpdateDateTimeUtc: formatTimestamp(at + 5),
      cancellationRequestor: null,
      cancellationComment: null,
      cancellationDateTimeUtc: null,
      errorHResult: 0,
      scope: null,
      externalId: null,
      requestSource: 'PublicApi',
      relatedFileInfo: null,
      commands: [],
      troubleshootInfo: null,
    },
    createdAtMs: at,
    finishedAtMs: at + 5,
  };
});
const snapshot: PersistedState = {
  format: 'mde-sim-state',
  version: 1,
  savedAt: new Date(START_MS).toISOString(),
  clock: { mode: 'frozen', nowMs: START_MS + ACTIONS * 10 + 1000 },
  state: { seeds: [seed], tenants: [{ seed, actions }], rateLimits: {}, faults: [] },
};

const sim = await createSimulator({
  rateLimits: false,
  retention: false,
  lifecycle: { pickupDelayMs: 0, executionMs: 0 },
  clock: { mode: 'frozen', startAt: START_MS },
});
const restoreStarted = performance.now();
sim.restore(snapshot);
const restoreMs = performance.now() - restoreStarted;
const token = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });

async function timed(
  calls: number,
  request: (i: number) => Parameters<typeof sim.handle>[0],
  expected: number,
) {
  // Warm-up first (lazy validator compilation, JIT), so the figures compare steady states at 1k and 1M.
  for (let i = 0; i < 300; i++) {
    await sim.handle(request(calls + i));
    sim.clock.advance(1);
  }
  // Five rounds: the speed is their median (one round of 2,000 calls lasts ~40 ms, so a single collection
  // of the large heap could halve it); the longest call is the longest of all rounds, pauses included.
  let longest = 0;
  const slow: { start: number; took: number }[] = [];
  const speeds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      const response = await sim.handle(request(i));
      const took = performance.now() - t;
      longest = Math.max(longest, took);
      if (took > 2) slow.push({ start: t, took });
      if (response.status !== expected)
        throw new Error(`expected ${expected}, got ${response.status}: ${response.body}`);
      sim.clock.advance(1); // the next call sees the previous action Succeeded (lifecycle 0)
    }
    speeds.push(calls / ((performance.now() - started) / 1000));
  }
  await gcSettled();
  // The longest a call blocked the loop by its own work: any call, less the collections inside it.
  const ownMs = Math.max(
    Math.min(longest, 2),
    ...slow.map(({ start, took }) => took - gcWithin(start, start + took)),
  );
  const worst = slow.reduce((a, b) => (b.took > a.took ? b : a), { start: 0, took: 0 });
  return {
    perSecond: speeds.sort((a, b) => a - b)[2]!,
    longestMs: longest,
    longestGcMs: gcWithin(worst.start, worst.start + worst.took),
    longestOwnMs: ownMs,
  };
}

const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const origin = 'https://api.security.microsoft.com';
const unrestrict = await timed(
  2000,
  (i) => ({
    method: 'POST',
    origin,
    path: `/api/machines/${machineId(i % MACHINES)}/unrestrictCodeExecution`,
    query: '',
    headers,
    body: '{"Comment":"growth"}',
  }),
  201,
);
const list = await timed(
  2000,
  () => ({
    method: 'GET',
    origin,
    path: '/api/machineactions',
    query: `$filter=machineId eq '${machineId(0)}'&$top=10`,
    headers,
    body: undefined,
  }),
  200,
);
process.stdout.write(
  `${JSON.stringify({ actions: ACTIONS, machines: MACHINES, restoreMs, unrestrict, list, rssMiB: process.memoryUsage().rss / 2 ** 20 })}\n`,
);
