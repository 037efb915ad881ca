/**
 * `npm run bench`: the simulator's speed and footprint against targets, each as a ratio to a baseline
 * measured in the same run on this machine, never as an absolute figure from elsewhere.
 *
 * 1. Throughput: `mde-sim serve` (the `npm start` path, config file raising the quotas so the limiter counts
 *    without refusing) with every call creating a new action, against bare node:http answering the
 *    recorded 201, paired rounds at 10 and 50 connections (autocannon; server and load generator pinned to
 *    separate cores where `taskset` exists). Ratio of requests/s, p99 ratio, RSS ready and after load.
 * 2. Start → ready line: the source entry (`node mock/server/cli.ts`) and the built bin when `dist/` exists,
 *    with an existing state directory, HTTP and HTTPS on; RSS at ready.
 * 3. Growth: unrestrict and a `$top=10` list at 1k and 1M stored actions (one machine, 10k machines).
 * 4. The client through the MSW handlers in-process vs through a real HTTP server.
 * 5. Where the time goes: the same path in-process (bench/core-loop.ts), and a bare server doing that much
 *    busy work per request, so the throughput gap reads as work per request, not as a guess.
 * 6. Sustained load: RSS sampled through a longer run, to show retention bounding it.
 * The table goes to stdout and to bench/RESULTS.md. Environment: BENCH_DURATION_S (default 8),
 * BENCH_WARMUP_S (3), BENCH_ROUNDS (2), BENCH_SUSTAIN_S (90), BENCH_SKIP (comma list of
 * throughput,startup,growth,msw,explain,sustained).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import autocannon from 'autocannon';
import { DEMO_TENANT_ID } from '../mock/core/demo-tenant.ts';
import { LOAD_BODY, LOAD_SETTINGS, MACHINE } from './load-settings.ts';
import {
  cpuMicros,
  onEveryCore,
  PINNED,
  pinLoadGenerator,
  preparedStateDir,
  type RunningProcess,
  rssMiB,
  rssParts,
  startBaseline,
  startPlainNode,
  startSimulator,
} from './processes.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SUSTAIN_S = Number(process.env.BENCH_SUSTAIN_S ?? 90);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const SOURCE_ENTRY = 'mock/server/cli.ts';
const BUILT_ENTRY = 'dist/mock/server/cli.js';

const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

const CORES = availableParallelism(); // before pinning, which narrows it to one
pinLoadGenerator();
say(`# mde-sim benchmark`);
say();
say(
  `${new Date().toISOString()} · ${cpus()[0]?.model ?? 'cpu'} × ${CORES} · Node ${process.version}` +
    `${PINNED ? ' · server and load generator pinned to separate cores' : ''}`,
);

async function mintToken(url: string): Promise<string> {
  const res = await fetch(`${url}/_sim/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: DEMO_TENANT_ID }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** One load run; CPU per request is the server's user and system time over the run (from /proc). */
async function load(server: RunningProcess, token: string, connections: number, seconds: number) {
  const pid = server.child.pid!;
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({
    url: `${server.url}/api/machines/${MACHINE}/unrestrictCodeExecution`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: LOAD_BODY,
    connections,
    duration: seconds,
  });
  const cpuAfter = cpuMicros(pid);
  const requests = Math.max(1, result.requests.total);
  return {
    rps: result.requests.average,
    // autocannon's histogram counts whole milliseconds (a sub-ms answer is 0), so its mean is no use here;
    // with one request outstanding per connection, the mean time per request is connections ÷ throughput.
    p99: result.latency.p99,
    meanMs: (connections * 1000) / Math.max(1, result.requests.average),
    non2xx: result.non2xx,
    userUs: (cpuAfter.user - cpuBefore.user) / requests,
    systemUs: (cpuAfter.system - cpuBefore.system) / requests,
  };
}

/** The measured run after a warm-up (JIT, lazy validators, retention filling up) on the same server. */
async function warmedLoad(server: RunningProcess, token: string, connections: number) {
  await load(server, token, connections, WARMUP_S);
  return load(server, token, connections, DURATION_S);
}

const cpuCell = (run: { userUs: number; systemUs: number }) =>
  `${run.userUs.toFixed(0)} + ${run.systemUs.toFixed(0)}`;

/** mde-sim's 10-connection figures from the throughput rows, for the explanation section. */
let simAt10: Awaited<ReturnType<typeof load>> | undefined;
/** Both servers' 50-connection figures, for the p99 explanation. */
let at50: { base: Awaited<ReturnType<typeof load>>; sim: Awaited<ReturnType<typeof load>> } | undefined;

if (!SKIP.has('throughput')) {
  say();
  say(
    `## Throughput (every call a new action, limiter counting; ${DURATION_S} s after ${WARMUP_S} s warm-up, ${ROUNDS} paired rounds)`,
  );
  say();
  say(
    '| connections | baseline req/s | mde-sim req/s | ratio (target ≥ 0.5) | p99 baseline / mde-sim ms (whole ms) | p99 ratio (target ≤ 3; a baseline under 1 ms counts as 1) | mean time per request baseline / mde-sim ms (connections ÷ req/s) | server CPU µs per request (user + system) baseline / mde-sim | RSS ready → after, MiB |',
  );
  say('|---|---|---|---|---|---|---|---|---|');
  for (const connections of [10, 50]) {
    const rounds: {
      ratio: number;
      p99Ratio: number;
      runs: { base: Awaited<ReturnType<typeof load>>; sim: Awaited<ReturnType<typeof load>> };
      base: number;
      sim: number;
      p99b: number;
      p99s: number;
      latency: string;
      cpu: string;
      rss: string;
    }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await startBaseline();
      const b = await warmedLoad(baseline, '', connections);
      await baseline.stop();
      const sim = await startSimulator(SOURCE_ENTRY, preparedStateDir(), LOAD_SETTINGS);
      const rssReady = rssMiB(sim.child.pid!);
      const token = await mintToken(sim.url);
      const s = await warmedLoad(sim, token, connections);
      const rssAfter = rssMiB(sim.child.pid!);
      await sim.stop();
      if (s.non2xx > 0)
        throw new Error(`mde-sim answered ${s.non2xx} non-2xx: the benchmark measured the wrong path`);
      rounds.push({
        runs: { base: b, sim: s },
        ratio: s.rps / b.rps,
        p99Ratio: s.p99 / Math.max(1, b.p99),
        base: b.rps,
        sim: s.rps,
        p99b: b.p99,
        p99s: s.p99,
        latency: `${b.meanMs.toFixed(2)} / ${s.meanMs.toFixed(2)}`,
        cpu: `${cpuCell(b)} / ${cpuCell(s)}`,
        rss: `${rssReady.toFixed(0)} → ${rssAfter.toFixed(0)}`,
      });
    }
    const mid = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
    // The explanation section reads the round this row shows.
    if (connections === 10) simAt10 = mid.runs.sim;
    if (connections === 50) at50 = mid.runs;
    say(
      `| ${connections} | ${mid.base.toFixed(0)} | ${mid.sim.toFixed(0)} | ${median(rounds.map((r) => r.ratio)).toFixed(2)} (${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}) ${verdict(median(rounds.map((r) => r.ratio)) >= 0.5)} | ${mid.p99b} / ${mid.p99s} | ${median(rounds.map((r) => r.p99Ratio)).toFixed(1)} ${verdict(median(rounds.map((r) => r.p99Ratio)) <= 3)} | ${mid.latency} | ${mid.cpu} | ${mid.rss} |`,
    );
  }
}

if (!SKIP.has('startup')) {
  say();
  say('## Start → ready line (existing state directory, HTTP and HTTPS on; median of 5)');
  say();
  say(
    '| entry | ms (target ≤ 300 for the built bin) | RSS at ready, MiB (target ≤ 90) | of which mapped from files (node binary) / allocated, MiB |',
  );
  say('|---|---|---|---|');
  const entries = [[`node ${SOURCE_ENTRY} (clone, npm start)`, SOURCE_ENTRY]];
  if (existsSync(BUILT_ENTRY)) entries.unshift([`node ${BUILT_ENTRY} (built bin)`, BUILT_ENTRY]);
  for (const [name, entry] of entries) {
    const stateDir = preparedStateDir();
    const times: number[] = [];
    const rss: number[] = [];
    const parts: { anon: number; file: number }[] = [];
    for (let i = 0; i < 6; i++) {
      const sim = await startSimulator(entry!, stateDir, {}, false);
      if (i > 0) times.push(sim.readyMs); // the first start makes the CA and keys
      rss.push(rssMiB(sim.child.pid!));
      parts.push(rssParts(sim.child.pid!));
      await sim.stop();
    }
    const isBuilt = entry === BUILT_ENTRY;
    say(
      `| ${name} | ${median(times).toFixed(0)}${isBuilt ? ` ${verdict(median(times) <= 300)}` : ''} | ${median(rss).toFixed(0)} ${verdict(median(rss) <= 90)} | ${median(parts.map((p) => p.file)).toFixed(0)} / ${median(parts.map((p) => p.anon)).toFixed(0)} |`,
    );
  }
  // For scale: a bare node:http server in plain JavaScript (same Node binary) right after it listens.
  const bare = await startPlainNode();
  const bareParts = rssParts(bare.child.pid!);
  say(
    `| bare node:http, plain JavaScript (for scale) | ${bare.readyMs.toFixed(0)} | ${rssMiB(bare.child.pid!).toFixed(0)} | ${bareParts.file.toFixed(0)} / ${bareParts.anon.toFixed(0)} |`,
  );
  await bare.stop();
  if (!existsSync(BUILT_ENTRY)) say('(no dist/: run `npm run build` to measure the built bin)');
}

/** Runs an in-process measurement on every core (not on the load generator's core it would inherit). */
function child(script: string, ...args: string[]): Record<string, unknown> {
  const [command, argv] = onEveryCore([process.execPath, new URL(script, import.meta.url).pathname, ...args]);
  const out = execFileSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

if (!SKIP.has('growth')) {
  say();
  say('## Growth (in-process; target: at 1M ≥ 0.9 × the speed at 1k, no call blocking the loop > 20 ms)');
  say();
  say(
    'Longest: the longest call (the verdict), with the garbage collection inside it in brackets: a collection of the 1–2 GB heap blocks whichever call is running; "own" is the longest any call took by its own work.',
  );
  say();
  say(
    '| stored actions | machines | unrestrict/s | longest ms | $top=10 list/s | longest ms | vs 1k (unrestrict, list) |',
  );
  say('|---|---|---|---|---|---|---|');
  for (const machines of [1, 10_000]) {
    type Timing = { perSecond: number; longestMs: number; longestGcMs: number; longestOwnMs: number };
    type Case = { unrestrict: Timing; list: Timing };
    const longestCell = (t: Timing) =>
      `${t.longestMs.toFixed(1)}${t.longestGcMs >= 0.5 ? ` (GC ${t.longestGcMs.toFixed(1)}; own ${t.longestOwnMs.toFixed(1)})` : ''}`;
    const small = child('./growth.ts', '1000', String(machines)) as unknown as Case;
    const large = child('./growth.ts', '1000000', String(machines)) as unknown as Case;
    for (const [n, c] of [
      ['1k', small],
      ['1M', large],
    ] as const) {
      const vs =
        n === '1M'
          ? `${(c.unrestrict.perSecond / small.unrestrict.perSecond).toFixed(2)}, ${(c.list.perSecond / small.list.perSecond).toFixed(2)} ${verdict(c.unrestrict.perSecond / small.unrestrict.perSecond >= 0.9 && c.list.perSecond / small.list.perSecond >= 0.9 && Math.max(c.unrestrict.longestMs, c.list.longestMs) <= 20)}`
          : '';
      say(
        `| ${n} | ${machines} | ${c.unrestrict.perSecond.toFixed(0)} | ${longestCell(c.unrestrict)} | ${c.list.perSecond.toFixed(1)} | ${longestCell(c.list)} | ${vs} |`,
      );
    }
  }
}

if (!SKIP.has('msw')) {
  say();
  say('## The client in-process through MSW vs through a real HTTP server (target: MSW ≥ HTTP)');
  say();
  const { dispatcherPerSecond, mswPerSecond, httpPerSecond } = child('./msw-vs-http.ts') as {
    dispatcherPerSecond: number;
    mswPerSecond: number;
    httpPerSecond: number;
  };
  say('| path | unrestrict calls/s | vs HTTP |');
  say('|---|---|---|');
  say(
    `| MSW handlers as the client's undici dispatcher (\`createMswDispatcher\`) | ${dispatcherPerSecond.toFixed(0)} | ${(dispatcherPerSecond / httpPerSecond).toFixed(2)} ${verdict(dispatcherPerSecond >= httpPerSecond)} |`,
  );
  say(
    `| MSW handlers at the socket (\`setupSocketLevelServer\`) | ${mswPerSecond.toFixed(0)} | ${(mswPerSecond / httpPerSecond).toFixed(2)} |`,
  );
  say(`| real HTTP server on 127.0.0.1 | ${httpPerSecond.toFixed(0)} | 1.00 |`);
}

if (!SKIP.has('explain')) {
  say();
  say('## Where the time goes (10 connections; explains the throughput and p99 rows)');
  say();
  const core = child('./core-loop.ts') as { usPerCall: number; gcShare: number };
  const burn = Math.round(core.usPerCall);
  const bare = await startBaseline();
  const b = await warmedLoad(bare, '', 10);
  await bare.stop();
  const busy = await startBaseline(burn);
  const w = await warmedLoad(busy, '', 10);
  await busy.stop();
  say('| server | req/s | vs bare | mean time per request ms | server CPU µs per request (user + system) |');
  say('|---|---|---|---|---|');
  say(`| bare node:http | ${b.rps.toFixed(0)} | 1.00 | ${b.meanMs.toFixed(2)} | ${cpuCell(b)} |`);
  say(
    `| bare node:http + ${burn} µs of busy work per request (the simulator core's cost per call in a loop, below) | ${w.rps.toFixed(0)} | ${(w.rps / b.rps).toFixed(2)} | ${w.meanMs.toFixed(2)} | ${cpuCell(w)} |`,
  );
  if (simAt10) {
    say(
      `| mde-sim (throughput row, 10 connections) | ${simAt10.rps.toFixed(0)} | ${(simAt10.rps / b.rps).toFixed(2)} | ${simAt10.meanMs.toFixed(2)} | ${cpuCell(simAt10)} |`,
    );
  }
  say();
  say(
    `The core alone (\`simulator.handle\` in a loop, 10 callers, same settings; bench/core-loop.ts): ${core.usPerCall.toFixed(1)} µs per new action, ${(core.gcShare * 100).toFixed(0)}% of it in garbage collection.`,
  );
  say();
  say(
    `Reading: a bare server doing nothing but the core's tight-loop work per request reaches ${(w.rps / b.rps).toFixed(2)}×, so a ratio of 0.5 needs the whole request (adapter, core, Node's HTTP) to cost no more than the core does alone in a loop.` +
      (simAt10
        ? ` mde-sim spends ${(simAt10.userUs + simAt10.systemUs).toFixed(0)} µs of CPU per request against ${(w.userUs + w.systemUs).toFixed(0)} for that server: the core runs slower among the network work than in a loop, and system time per request grows as the load generator's core idles (README, "Where the throughput goes", has the profile and the bisection).`
        : ''),
  );
  if (at50) {
    const { base, sim } = at50;
    say();
    const simTail = sim.p99 / sim.meanMs;
    const baseTail = base.p99 / base.meanMs;
    say(
      `p99 at 50 connections: mean time per request ${sim.meanMs.toFixed(2)} ms for mde-sim against ${base.meanMs.toFixed(2)} ms (${(sim.meanMs / base.meanMs).toFixed(1)}×); p99 over mean is ${simTail.toFixed(1)} for mde-sim and ${baseTail.toFixed(1)} for the baseline, ` +
        (simTail <= baseTail * 1.2
          ? 'so its tail is no longer than the baseline relative to the mean: the p99 gap is requests queueing behind each other at the lower throughput, not pauses.'
          : `so its tail is ${(simTail / baseTail).toFixed(1)}× longer relative to the mean (pauses, such as garbage collection) on top of the queueing at the lower throughput.`),
    );
  }
}

if (!SKIP.has('sustained')) {
  say();
  say(
    `## Sustained load (${SUSTAIN_S} s at 10 connections, every call a new action; target: RSS bounded by retention, flat after the first part)`,
  );
  say();
  const sim = await startSimulator(SOURCE_ENTRY, preparedStateDir(), LOAD_SETTINGS);
  const token = await mintToken(sim.url);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMiB(sim.child.pid!)), (SUSTAIN_S * 1000) / 12);
  const run = await load(sim, token, 10, SUSTAIN_S);
  clearInterval(sampler);
  samples.push(rssMiB(sim.child.pid!));
  await sim.stop();
  const half = samples[Math.floor(samples.length / 2)]!;
  const laterPeak = Math.max(...samples.slice(Math.floor(samples.length / 2)));
  say('| requests | RSS samples through the run, MiB | second half peak vs half-time |');
  say('|---|---|---|');
  say(
    `| ${Math.round(run.rps * SUSTAIN_S)} | ${samples.map((v) => v.toFixed(0)).join(' → ')} | ${(laterPeak / half).toFixed(2)} ${verdict(laterPeak / half <= 1.05)} |`,
  );
}

writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
console.log('\n(written to bench/RESULTS.md)');
