/**
 * `mde-sim serve` as a newcomer runs it: a subprocess that prints `mde-sim ready {json}`, a tour, and a
 * paste-ready token + curl command that really removes an app restriction.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let child: ChildProcess;
let output = '';
let ready: {
  url: string;
  httpsUrl: string;
  caCertPath: string;
  proxyUrl: string;
  dashboardUrl: string;
  tenants: string[];
};
let stateDir: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-serve-'));
  child = spawn(
    process.execPath,
    [
      'mock/server/cli.ts',
      'serve',
      '--port',
      '0',
      '--https-port',
      '0',
      '--proxy-port',
      '0',
      '--public-host',
      'sim.example.test',
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
    expect(ready.proxyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`HTTPS_PROXY=${ready.proxyUrl}`);
    const cert = new X509Certificate(readFileSync(join(stateDir, 'tls', 'server.crt')));
    expect(cert.checkHost('sim.example.test')).toBe('sim.example.test');
    expect(cert.checkHost('api.securitycenter.microsoft.com')).toBe('api.securitycenter.microsoft.com');
    expect(ready.tenants).toEqual(['d2c0b5e4-7a1f-4c3e-9b8d-1f6a2e4c7b90']);
    expect(output).toContain('1e5bc9d7e413ddd7902c2932e418702b84d0cc07');
  });

  it('serves the live page of the tenant at the dashboardUrl it prints', async () => {
    expect(ready.dashboardUrl).toBe(`${ready.url}/`);
    expect(output).toContain(
      `Live page of the tenant (fleet, actions, quotas, journal): ${ready.dashboardUrl}`,
    );
    const page = await fetch(ready.dashboardUrl);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>mde-sim · live tenant</title>');
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

describe('mde-sim serve --config', () => {
  it('reads settings from a JSON config file (flags still win)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mde-sim-config-'));
    const configPath = join(dir, 'mde-sim.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        port: 5999,
        httpsPort: null,
        stateDir: dir,
        duplicatePolicy: 'return-pending',
        logLevel: 'warn',
        record: true,
        publicOrigin: 'https://api.security.microsoft.com',
      }),
    );
    const server = spawn(
      process.execPath,
      ['mock/server/cli.ts', 'serve', '--config', configPath, '--port', '0'],
      {
        cwd: new URL('../..', import.meta.url).pathname,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let text = '';
      const readyLine = await new Promise<{ url: string; httpsUrl: string | null }>((resolve, reject) => {
        server.stdout!.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const line = /^mde-sim ready (\{.*\})$/m.exec(text);
          if (line) resolve(JSON.parse(line[1]!));
        });
        server.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(readyLine.url).not.toContain(':5999'); // the --port flag won over the file
      expect(readyLine.httpsUrl).toBeNull();
      const tokenRes = await fetch(`${readyLine.url}/_sim/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: ready.tenants[0] }),
      });
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const call = () =>
        fetch(
          `${readyLine.url}/api/machines/f70f9fe6b29cd9511652434919c6530618f06606/restrictCodeExecution`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ Comment: 'config' }),
          },
        ).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { id: string; '@odata.context': string },
        }));
      const first = await call();
      const second = await call();
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(first.body.id); // duplicatePolicy from the file
      expect(first.body['@odata.context']).toBe(
        'https://api.security.microsoft.com/api/$metadata#MachineActions/$entity',
      ); // publicOrigin from the file
      const recording = await fetch(`${readyLine.url}/_sim/journal/recording`).then((r) => r.json());
      expect(recording).toEqual({ enabled: true }); // record from the file
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('refuses to start on a damaged ca.crt with one line naming it and the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mde-sim-damaged-'));
    cpSync(join(stateDir, 'tls'), join(dir, 'tls'), { recursive: true });
    writeFileSync(join(dir, 'tls', 'ca.crt'), '-----BEGIN CERTIFICATE-----\nnot a certificate\n');
    const result = await run(
      process.execPath,
      ['mock/server/cli.ts', 'serve', '--port', '0', '--https-port', '0', '--state-dir', dir],
      { cwd: new URL('../..', import.meta.url).pathname },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toBe(
      `mde-sim: ${join(dir, 'tls', 'ca.crt')} is not a readable CA certificate. Delete ${join(dir, 'tls')} to make a new CA; clients must then trust the new ca.crt.\n`,
    );
  });

  it('exits with a clear message for a config file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mde-sim-config-'));
    const configPath = join(dir, 'broken.json');
    writeFileSync(configPath, '{ port: ');
    const result = await run(process.execPath, ['mock/server/cli.ts', 'serve', '--config', configPath], {
      cwd: new URL('../..', import.meta.url).pathname,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain(`config file ${configPath} is not valid JSON`);
  });

  it.each([
    [
      'a seed file whose tenant has no domain (was a TypeError about toLowerCase)',
      ['--seed-file', 'seeds.json'],
      'seeds.json',
      JSON.stringify([
        { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', displayName: 'X', apps: [], users: [], machines: [] },
      ]),
      "seeds.json: $[0]: 'domain' is required",
    ],
    [
      'a seed file that is not an array',
      ['--seed-file', 'seeds.json'],
      'seeds.json',
      '{"tenants":[]}',
      'seeds.json: $ must be a JSON array of tenant seeds',
    ],
    [
      'a config file with a typo',
      ['--config', 'config.json'],
      'config.json',
      '{"rateLimit":false}',
      "config.json: config: unknown property 'rateLimit' (did you mean 'rateLimits'?)",
    ],
  ])(
    'exits 1 naming the file, the JSON path and the reason for %s',
    async (_what, args, name, content, message) => {
      const dir = mkdtempSync(join(tmpdir(), 'mde-sim-inputs-'));
      writeFileSync(join(dir, name), content);
      const result = await run(
        process.execPath,
        [
          'mock/server/cli.ts',
          'serve',
          '--port',
          '0',
          '--no-https',
          ...args.map((a) => (a === name ? join(dir, a) : a)),
        ],
        { cwd: new URL('../..', import.meta.url).pathname },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(result).toMatchObject({ code: 1 });
      expect((result as { stderr: string }).stderr).toContain(message);
      expect((result as { stderr: string }).stderr).toContain(dir);
    },
  );

  it('refuses --host 0.0.0.0 without --allow-remote, before listening', async () => {
    const result = await run(
      process.execPath,
      ['mock/server/cli.ts', 'serve', '--host', '0.0.0.0', '--port', '0', '--no-https'],
      { cwd: new URL('../..', import.meta.url).pathname },
    ).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain('Pass --allow-remote');
    expect((result as { stdout: string }).stdout).not.toContain('mde-sim ready');
  });
});
