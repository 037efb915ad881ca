/**
 * `mde-sim serve` as a newcomer runs it: a subprocess that prints `mde-sim ready {json}`, a tour, and a
 * paste-ready token + curl command that really removes an app restriction.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let child: ChildProcess;
let output = '';
let ready: { url: string; httpsUrl: string; caCertPath: string; tenants: string[] };

beforeAll(async () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-serve-'));
  child = spawn(
    process.execPath,
    [
      'mock/server/cli.ts',
      'serve',
      '--port',
      '0',
      '--https-port',
      '0',
      '--state-dir',
      stateDir,
      '--log-level',
      'warn',
    ],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^mde-sim ready (\{.*\})$/m.exec(output);
      if (line && output.includes('Stop: Ctrl+C')) {
        ready = JSON.parse(line[1]!);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`mde-sim exited early with ${code}: ${output}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('mde-sim serve', () => {
  it('prints a machine-readable ready line with its URLs and the CA path', () => {
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.caCertPath).toMatch(/tls\/ca\.crt$/);
    expect(ready.tenants).toEqual(['d2c0b5e4-7a1f-4c3e-9b8d-1f6a2e4c7b90']);
    expect(output).toContain('1e5bc9d7e413ddd7902c2932e418702b84d0cc07');
  });

  it('prints a token + curl command that removes an app restriction for real', async () => {
    const start = output.indexOf('  TOKEN=$(');
    const script = output
      .slice(start, output.indexOf('\n\n', start))
      .split('\n')
      .map((l) => l.trim())
      .join('\n');
    const { stdout } = await run('bash', ['-c', script], {
      env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH}` },
    });
    const action = JSON.parse(stdout);
    expect(action).toMatchObject({
      type: 'UnrestrictCodeExecution',
      status: 'Pending',
      requestor: 'SOAR Playbook Automation',
    });
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
