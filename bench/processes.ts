/**
 * Starting the servers the benchmark measures, each in its own process (pinned to core 1 where `taskset`
 * exists, the load generator on core 0), and reading their memory from /proc.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const PINNED = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** Pins this process (the load generator) to core 0. */
export function pinLoadGenerator(): void {
  if (PINNED) spawnSync('taskset', ['-pc', '0', String(process.pid)]);
}

/** Every core, read before this process pins itself (children inherit the pin unless told otherwise). */
const ALL_CORES = `0-${availableParallelism() - 1}`;

/** A command line on the given cores when this process pinned itself (taskset), else as it is. */
function onCores(cores: string, args: string[]): [string, string[]] {
  return PINNED ? ['taskset', ['-c', cores, ...args]] : [args[0]!, args.slice(1)];
}

/** A command line that runs on every core, not on the load generator's core it would inherit. */
export function onEveryCore(args: string[]): [string, string[]] {
  return onCores(ALL_CORES, args);
}

/** Spawns on core 1 (`pinned`) or on every core, never on the load generator's inherited core 0 alone. */
function spawnPinned(args: string[], cwd?: string, pinned = true, env?: NodeJS.ProcessEnv): ChildProcess {
  const [command, argv] = onCores(pinned ? '1' : ALL_CORES, args);
  return spawn(command, argv, {
    stdio: ['pipe', 'pipe', 'ignore'],
    ...(cwd === undefined ? {} : { cwd }),
    ...(env === undefined ? {} : { env: { ...process.env, ...env } }),
  });
}

/** A memory line of `/proc/<pid>/status` in MiB (Linux). */
function statusMiB(pid: number, field: 'VmRSS' | 'RssAnon' | 'RssFile'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+) kB/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/** Resident memory of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  return statusMiB(pid, 'VmRSS');
}

/**
 * Resident memory split the way the kernel counts it: `file` is mapped from files (the node binary's code,
 * shared libraries), `anon` is what the process allocated (JS heap, compiled code, buffers).
 */
export function rssParts(pid: number): { anon: number; file: number } {
  return { anon: statusMiB(pid, 'RssAnon'), file: statusMiB(pid, 'RssFile') };
}

/** CPU time a process has used so far, user and system, in µs (Linux /proc; clock ticks of 10 ms). */
export function cpuMicros(pid: number): { user: number; system: number } {
  // Fields after the command's closing parenthesis start at field 3 (state): utime is 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the command may hold ") "

  return { user: Number(fields[11]) * 10_000, system: Number(fields[12]) * 10_000 };
}

export interface RunningProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** ms from spawn to the ready line. */
  readyMs: number;
  stop(): Promise<void>;
}

async function firstLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const match = pattern.exec(line);
    if (match) {
      child.stdout!.resume(); // keep draining the banner
      return match;
    }
  }
  throw new Error(`process ended before printing ${pattern}`);
}

const stop = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Starts a server that prints `{"port":N}` once listening on 127.0.0.1. */
async function startPortPrinter(
  args: string[],
  pinned: boolean,
  env?: NodeJS.ProcessEnv,
): Promise<RunningProcess> {
  const started = performance.now();
  const child = spawnPinned(args, undefined, pinned, env);
  const [, json] = await firstLine(child, /^(\{.*\})$/);
  const { port } = JSON.parse(json!) as { port: number };
  return { child, url: `http://127.0.0.1:${port}`, readyMs: performance.now() - started, stop: stop(child) };
}

/** The bare node:http baseline, optionally doing `burnMicros` of busy work per request (bench-server.ts). */
export function startBaseline(burnMicros = 0): Promise<RunningProcess> {
  return startPortPrinter([process.execPath, new URL('./bench-server.ts', import.meta.url).pathname], true, {
    BENCH_BURN_US: String(burnMicros),
  });
}

/** A state directory with the CA, certificates and signing keys already made (as after a first start). */
export function preparedStateDir(): string {
  return mkdtempSync(join(tmpdir(), 'mde-sim-bench-'));
}

/**
 * `mde-sim serve` as users start it (`entry` is `mock/server/cli.ts` from a clone or the built bin), on free
 * ports, HTTP and HTTPS, with a config file raising the quotas for a load test. Pinned to one core for
 * throughput; unpinned to time a start (Node compiles and collects on helper threads as a user's would).
 */
export async function startSimulator(
  entry: string,
  stateDir: string,
  config: object = {},
  pinned = true,
): Promise<RunningProcess> {
  const configPath = join(stateDir, 'bench-config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const started = performance.now();
  const child = spawnPinned(
    [
      process.execPath,
      entry,
      'serve',
      '--port',
      '0',
      '--https-port',
      '0',
      '--state-dir',
      stateDir,
      '--config',
      configPath,
      '--log-level',
      'warn',
    ],
    new URL('..', import.meta.url).pathname,
    pinned,
  );
  const [, json] = await firstLine(child, /^mde-sim ready (\{.*\})$/);
  const readyMs = performance.now() - started;
  const { url } = JSON.parse(json!) as { url: string };
  return { child, url, readyMs, stop: stop(child) };
}

/**
 * A bare node:http server from a few lines of plain JavaScript (no TypeScript, no imports of the project),
 * for scale beside the start-up rows: what Node itself takes resident, listening, before any application.
 */
export function startPlainNode(): Promise<RunningProcess> {
  const source = `const s = require('node:http').createServer((q, r) => r.end()).listen(0, '127.0.0.1', () =>
    process.stdout.write(JSON.stringify({ port: s.address().port }) + '\\n'));
    process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;
  return startPortPrinter([process.execPath, '-e', source], false);
}
