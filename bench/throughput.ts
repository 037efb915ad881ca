/**
 * Benchmark: requests per second and memory of the simulator's full faithful path, as a ratio of a bare
 * node:http server answering a canned 201, both measured in this same run on this machine (autocannon,
 * each server in its own process). Goal: ratio >= 0.6. Run with `npm run bench`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  nextLine(): Promise<string>;
}

async function start(mode: string): Promise<Started> {
  const child = spawn(process.execPath, [new URL('./bench-server.ts', import.meta.url).pathname, mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => String((await lines.next()).value);
  const { port, token } = JSON.parse(await nextLine()) as { port: number; token: string };
  return { child, port, token, nextLine };
}

async function measure(mode: string): Promise<{ rps: number; p99: number; rssMb: number; non2xx: number }> {
  const server = await start(mode);
  const options = {
    url: `http://127.0.0.1:${server.port}/api/machines/${MACHINE}/unrestrictCodeExecution`,
    method: 'POST' as const,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Comment: 'benchmark' }),
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, token cache, pools
  const result = await autocannon({ ...options, duration: DURATION_S });
  server.child.stdin!.write('mem\n');
  const { rss } = JSON.parse(await server.nextLine()) as { rss: number };
  server.child.stdin!.end();
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    rssMb: rss / 2 ** 20,
    non2xx: result.non2xx,
  };
}

const baseline = await measure('baseline');
const simulator = await measure('simulator');
const ratio = simulator.rps / baseline.rps;
const row = (name: string, r: typeof baseline) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   RSS ${r.rssMb.toFixed(0).padStart(4)} MiB   non-2xx ${r.non2xx}`;
console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s each, after 2 s warm-up`);
console.log(row('baseline (node:http, canned 201)', baseline));
console.log(row('mde-sim full path (unrestrict 201)', simulator));
console.log(
  `throughput ratio ${ratio.toFixed(2)} (goal >= 0.60)   memory ratio ${(simulator.rssMb / baseline.rssMb).toFixed(2)}`,
);
if (simulator.non2xx > 0) {
  console.error('the simulator answered non-2xx during the run: the benchmark measured the wrong path');
  process.exitCode = 1;
}
