/**
 * The throughput row's path without a server: `simulator.handle` called in a loop by 10 concurrent callers
 * with the same request, settings and quotas as bench/run.ts's load (every call a new action, the limiter
 * counting, default retention), so the figure is the core's own cost per call at tight-loop speed, with the
 * share of that time spent in garbage collection. Prints one JSON line.
 *
 * Usage: node bench/core-loop.ts [calls per round]
 */
import { DEMO_TENANT_ID } from '../mock/core/demo-tenant.ts';
import { createSimulator } from '../mock/core/simulator.ts';
import { gcSettled, gcWithin } from './gc-pauses.ts';
import { LOAD_BODY, LOAD_SETTINGS, MACHINE } from './load-settings.ts';

const CALLS = Number(process.argv[2] ?? 100_000);
const CALLERS = 10;

const sim = await createSimulator(LOAD_SETTINGS);
const token = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });
// A fresh request object per call, shaped as the node adapter makes it.
const request = () => ({
  method: 'POST',
  origin: 'http://127.0.0.1:8080',
  path: `/api/machines/${MACHINE}/unrestrictCodeExecution`,
  query: '',
  headers: {
    host: '127.0.0.1:8080',
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-length': String(LOAD_BODY.length),
    connection: 'keep-alive',
  } as Record<string, string | undefined>,
  body: LOAD_BODY,
  remote: '127.0.0.1:50000',
});

async function round(): Promise<{ usPerCall: number; gcShare: number }> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = 0; i < CALLS / CALLERS; i++) {
        const response = await sim.handle(request());
        if (response.status !== 201) throw new Error(`expected 201, got ${response.status}`);
      }
    }),
  );
  const elapsed = performance.now() - started;
  await gcSettled();
  return { usPerCall: (elapsed * 1000) / CALLS, gcShare: gcWithin(started, started + elapsed) / elapsed };
}

await round(); // warm-up: JIT, lazy validators, retention reaching its bound
const rounds = [await round(), await round(), await round()];
const mid = rounds.sort((a, b) => a.usPerCall - b.usPerCall)[1]!;
console.log(JSON.stringify(mid));
process.exit(0);
