/**
 * Starts a simulator process (the clone's CLI, an installed package's bin or the standalone executable) and
 * waits for its `mde-sim ready {json}` line and the end of its banner, as a script driving it would.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/** The keys of the `mde-sim ready {json}` line. */
export interface ReadyLine {
  url: string;
  httpsUrl: string | null;
  caCertPath: string | null;
  controlUrl: string;
  tenants: string[];
}

export interface StartedSimulator {
  child: ChildProcess;
  ready: ReadyLine;
  /** Everything the process printed on stdout up to the end of its banner. */
  output: string;
  /** Milliseconds from spawn to the ready line. */
  startMs: number;
  stop(): Promise<void>;
}

/** Spawns `command args` and resolves once the ready line and the banner's last line are out. */
export function startUntilReady(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<StartedSimulator> {
  const started = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  // A detached child leads its own process group: stop() ends the whole group (npm, a shell and the server).
  const kill = () =>
    options.detached === true && child.pid ? process.kill(-child.pid, 'SIGTERM') : child.kill('SIGTERM');
  let output = '';
  let errors = '';
  let startMs = 0;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      kill();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`no ready line after ${options.timeoutMs ?? 30_000} ms:\n${output}\n${errors}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^mde-sim ready (\{.*\})$/m.exec(output);
      if (line && startMs === 0) startMs = performance.now() - started;
      if (line && output.includes('Stop: Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, ready: JSON.parse(line[1] as string) as ReadyLine, output, startMs, stop });
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before its ready line:\n${output}\n${errors}`));
    });
  });
}
