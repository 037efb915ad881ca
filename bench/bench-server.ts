/**
 * A server for the benchmark, in its own process so the load generator does not share its core:
 * `baseline` is bare node:http answering a canned 201 MachineAction; `simulator` is the full faithful
 * path (routing, token verification, throttle bookkeeping, validation, the operation, the journal).
 * Prints `{"port":N,"token":"..."}` once listening, and its memory usage for each line read on stdin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_TENANT_ID } from '../mock/core/demo-tenant.ts';
import { createSimulator } from '../mock/core/simulator.ts';
import { createRequestListener } from '../mock/server/node-adapter.ts';
import { spec } from '../openapi/spec.gen.ts';

const mode = process.argv[2];
let listener: Parameters<typeof createServer>[1];
let token = '';

if (mode === 'baseline') {
  // The recorded 201 (payload 01, the spec's UnrestrictPending2026 example): same size and shape as ours.
  const body = JSON.stringify(spec.components.examples.UnrestrictPending2026.value);
  listener = (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, {
        'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
        'odata-version': '4.0',
      });
      res.end(body);
    });
  };
} else {
  // The faithful path with quotas off (a load test would otherwise measure 429s) and duplicates answered
  // with the pending action, so every call walks the whole pipeline to a 201.
  const simulator = await createSimulator({
    rateLimits: false,
    duplicatePolicy: 'return-pending',
    journalCapacity: Number(process.env.JC ?? 1000),
  });
  token = await simulator.control.mintToken({ tenantId: DEMO_TENANT_ID });
  listener = createRequestListener(simulator);
}

const server = createServer({ keepAliveTimeout: 10_000 }, listener);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, token })}\n`);
});
process.stdin.on('data', () => {
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heapUsed })}\n`);
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
