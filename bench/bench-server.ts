/**
 * The benchmark's baseline, in its own process so the load generator does not share its core: bare
 * node:http answering the recorded 201 MachineAction (payload 01, the spec's UnrestrictPending2026 example,
 * the same size and shape as the simulator's). Prints `{"port":N}` once listening.
 *
 * BENCH_BURN_US: busy work (µs of CPU) per request before answering, for bench/run.ts's calibration row: a
 * bare server doing as much work per call as the simulator's core does in a tight loop.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spec } from '../openapi/spec.gen.ts';

const body = JSON.stringify(spec.components.examples.UnrestrictPending2026.value);
const burnMs = Number(process.env.BENCH_BURN_US ?? 0) / 1000;
const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
  req.resume();
  req.on('end', () => {
    if (burnMs > 0) {
      const until = performance.now() + burnMs;
      while (performance.now() < until);
    }
    res.writeHead(201, {
      'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
      'odata-version': '4.0',
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
