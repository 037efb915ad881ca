/**
 * Benchmark: requests per second and memory of the simulator's full faithful path, as a ratio of a bare
 * node:http server answering a canned 201, both measured in this same run on this machine (autocannon,
 * each server in its own process). Goal: ratio >= 0.6. Run with `npm run bench`.
 *
 * Rounds alternate baseline and simulator and the median ratio is reported, so a burst of other load on
 * the machine skews one round, not the result. Where `taskset` exists the server is pinned to one core
 * and this process (the load generator) to the other.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 4);
const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const PIN = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
if (PIN) spawnSync('taskset', ['-pc', '0', String(process.pid)]);

interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  nextLine(): Promise<string>;
}

async function start(mode: string): Promise<Started> {
  const script = new URL('./bench-server.ts', import.meta.url).pathname;
  const [command, args] = PIN
    ? ['taskset', ['-c', '1', process.execPath, script, mode]]
    : [process.execPath, [script, mode]];
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
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
  await autocannon({ ...options, duration: WARMUP_S }); // warm-up: JIT, token cache, pools
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

type Result = Awaited<ReturnType<typeof measure>>;
const rounds: { baseline: Result; simulator: Result; ratio: number }[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const baseline = await measure('baseline');
  const simulator = await measure('simulator');
  rounds.push({ baseline, simulator, ratio: simulator.rps / baseline.rps });
}
const row = (name: string, r: Result) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   RSS ${r.rssMb.toFixed(0).padStart(4)} MiB   non-2xx ${r.non2xx}`;
console.log(
  `autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run after ${WARMUP_S} s warm-up, ${ROUNDS} rounds${PIN ? ', server and load generator pinned to separate cores' : ''}`,
);
rounds.forEach((round, i) => {
  console.log(`round ${i + 1}`);
  console.log(`  ${row('baseline (node:http, canned 201)', round.baseline)}`);
  console.log(
    `  ${row('mde-sim full path (unrestrict 201)', round.simulator)}   ratio ${round.ratio.toFixed(2)}`,
  );
});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = median(rounds.map((r) => r.ratio));
const memory = median(rounds.map((r) => r.simulator.rssMb / r.baseline.rssMb));
console.log(
  `median throughput ratio ${ratio.toFixed(2)} (goal >= 0.60)   median memory ratio ${memory.toFixed(2)}`,
);
if (rounds.some((r) => r.simulator.non2xx > 0)) {
  console.error('the simulator answered non-2xx during the run: the benchmark measured the wrong path');
  process.exitCode = 1;
}
