/**
 * The project's client making unrestrict calls (10 in flight) through the MSW handlers in-process (as an
 * undici dispatcher, and through socket-level interception, both `mde-sim/msw/node`) and through a real
 * HTTP server in the same process, with the same simulator settings (every call a new action, quotas off).
 * Prints one JSON line.
 */
import { DefenderClient, StaticTokenCredential } from '../client/index.ts';
import { DEMO_TENANT_ID } from '../mock/core/demo-tenant.ts';
import { createMdeHandlers } from '../mock/msw/index.ts';
import { createMswDispatcher, setupSocketLevelServer } from '../mock/msw/node.ts';
import { startServer } from '../mock/server/server.ts';
import { preparedStateDir } from './processes.ts';

const CALLS = Number(process.env.BENCH_CLIENT_CALLS ?? 3000);
const IN_FLIGHT = 10;
const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const options = {
  clock: { mode: 'frozen' as const, startAt: Date.now() },
  lifecycle: { pickupDelayMs: 0, executionMs: 0 },
  rateLimits: false,
};

async function drive(client: DefenderClient, advance: () => void): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CALLS) {
        next += 1;
        advance();
        await client.unrestrictCodeExecution(MACHINE, 'bench').catch((error: { code?: string }) => {
          // Ten in flight on one machine: a call may meet the previous one still Pending.
          if (error.code !== 'MDE_ERR_ACTION_IN_PROGRESS') throw error;
        });
      }
    }),
  );
  return CALLS / ((performance.now() - started) / 1000);
}

// Through MSW handlers as the client's dispatcher, on the real host name.
const mde = await createMdeHandlers(options);
const dispatcherToken = await mde.control.mintToken({ tenantId: DEMO_TENANT_ID });
const viaDispatcher = new DefenderClient({
  credential: new StaticTokenCredential(dispatcherToken),
  endpoint: 'https://api.security.microsoft.com',
  dispatcher: createMswDispatcher(mde.handlers),
});
await drive(viaDispatcher, () => mde.clock.advance(1)); // warm-up
const dispatcherPerSecond = await drive(viaDispatcher, () => mde.clock.advance(1));
await viaDispatcher.close();

// Through MSW at the socket, on the real host name.
const interceptor = setupSocketLevelServer(...mde.handlers);
interceptor.listen({ onUnhandledFrame: 'error' });
const mswToken = await mde.control.mintToken({ tenantId: DEMO_TENANT_ID });
const viaMsw = new DefenderClient({
  credential: new StaticTokenCredential(mswToken),
  endpoint: 'https://api.security.microsoft.com',
});
await drive(viaMsw, () => mde.clock.advance(1)); // warm-up
const mswPerSecond = await drive(viaMsw, () => mde.clock.advance(1));
await viaMsw.close();
interceptor.close();

// Through a real HTTP server on loopback.
const server = await startServer({
  port: 0,
  httpsPort: null,
  stateDir: preparedStateDir(),
  simulator: options,
});
const httpToken = await server.simulator.control.mintToken({ tenantId: DEMO_TENANT_ID });
const viaHttp = new DefenderClient({
  credential: new StaticTokenCredential(httpToken),
  endpoint: server.url,
});
await drive(viaHttp, () => server.simulator.clock.advance(1));
const httpPerSecond = await drive(viaHttp, () => server.simulator.clock.advance(1));
await viaHttp.close();
await server.close();

process.stdout.write(`${JSON.stringify({ dispatcherPerSecond, mswPerSecond, httpPerSecond })}\n`);
