/**
 * A server for the benchmark, in its own process so the load generator does not share its core:
 * `baseline` is bare node:http answering a canned 201 MachineAction; `simulator` is the full faithful
 * path (routing, token verification, throttle bookkeeping, validation, the operation, the journal).
 * Prints `{"port":N,"token":"..."}` once listening, and its memory on `SIGUSR2`... on request via stdin.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_TENANT_ID } from '../mock/core/demo-tenant.ts';
import { createSimulator } from '../mock/core/simulator.ts';
import { createRequestListener } from '../mock/server/node-adapter.ts';

const mode = process.argv[2];
let listener: Parameters<typeof createServer>[1];
let token = '';

if (mode === 'baseline') {
  const body = JSON.stringify({
    '@odata.context': 'http://127.0.0.1/api/$metadata#MachineActions/$entity',
    id: '8a5c34dc-9ca9-4be4-b3c2-4c70e4bfb69a',
    type: 'UnrestrictCodeExecution',
    title: null,
    requestor: 'SOAR Playbook Automation',
    requestorComment: 'bench',
    status: 'Pending',
    machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
    computerDnsName: 'fin-laptop-017.contoso-demo.local',
    creationDateTimeUtc: '2026-01-30T21:11:22.8419303Z',
    lastUpdateDateTimeUtc: '2026-01-30T21:11:22.8419314Z',
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
  });
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
