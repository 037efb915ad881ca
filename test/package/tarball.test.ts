/**
 * The package as a new user gets it: `npm pack` (which builds dist through `prepare`), installed with
 * Node 24 from npm into a throwaway project, then every documented way in: the `mde-sim` and `mde` bins,
 * every `exports` entry imported, and a consumer file using every entry type-checked. The machine's own
 * Node (20 here) must get the bins' one-line version message. npm works from its cache (`--prefer-offline`):
 * every package below is one this project installs too.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredNodeVersion, satisfiesVersion } from '../../client/required-node.ts';
import { startUntilReady } from '../helpers/ready-line.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'mde-sim-consumer-'));
const consumer = join(work, 'consumer');

/**
 * The environment of a user's shell: no npm-script variables, and none of this clone's node_modules/.bin on
 * the PATH, so `node` is the machine's own and `npx` finds only what the consumer installed.
 */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env)
    .filter(([key]) => !key.startsWith('npm_') && !key.startsWith('VITEST') && key !== 'NODE_OPTIONS')
    .map(([key, value]) =>
      key === 'PATH'
        ? [
            key,
            (value ?? '')
              .split(delimiter)
              .filter((dir) => !dir.includes('node_modules'))
              .join(delimiter),
          ]
        : [key, value],
    ),
);
userEnv.SCARF_ANALYTICS = 'false';
userEnv.PACT_DO_NOT_TRACK = 'true';

function sh(
  command: string,
  args: readonly string[],
  cwd = consumer,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: userEnv, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

/** The machine's own `node` when it is older than the package needs (the guard's audience), else undefined. */
function machineNode(): { path: string; version: string } | undefined {
  for (const dir of (userEnv.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    return satisfiesVersion(version, requiredNodeVersion) ? undefined : { path: candidate, version };
  }
  return undefined;
}
const oldNode = machineNode();

const consumerTs = `
import { readFileSync } from 'node:fs';
import express from 'express';
import { setupServer } from 'msw/node';
import { createSimulator, DEMO_TENANT_ID, type TenantSeed } from 'mde-sim';
import { type DefenderApiError, DefenderClient, StaticTokenCredential } from 'mde-sim/client';
import { providerStates } from 'mde-sim/contracts';
import { mdeSimMiddleware } from 'mde-sim/express';
import { createMdeHandlers } from 'mde-sim/msw';
import { setupSocketLevelServer } from 'mde-sim/msw/node';
import type { MachineAction } from 'mde-sim/openapi';
import { startServer } from 'mde-sim/server';

const sim = await createSimulator({ clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' } });
const server = await startServer({ port: 0, httpsPort: null, simulator: sim });
const token: string = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });
const client = new DefenderClient({ credential: new StaticTokenCredential(token), endpoint: server.url });
const action: MachineAction = await client.unrestrictCodeExecution('1e5bc9d7e413ddd7902c2932e418702b84d0cc07', 'x');
const failure: DefenderApiError | undefined = undefined;
const app = express();
app.use('/mde', mdeSimMiddleware(sim));
const mde = await createMdeHandlers();
setupServer(...mde.handlers);
setupSocketLevelServer(...mde.handlers).listen({ onUnhandledFrame: 'error' });
const state: string = providerStates.machineRestricted.name;
const seeds: TenantSeed[] = JSON.parse(readFileSync('seeds.json', 'utf8'));
console.log(action.id, failure, state, seeds.length);
await server.close();
`;

const importEveryEntry = `
const pkg = JSON.parse(await (await import('node:fs/promises')).readFile('node_modules/mde-sim/package.json', 'utf8'));
const loaded = {};
for (const [entry, target] of Object.entries(pkg.exports)) {
  const name = 'mde-sim' + entry.slice(1);
  if (typeof target === 'object') loaded[name] = Object.keys(await import(name)).length;
  else loaded[name] = (await import('node:fs')).existsSync(new URL(import.meta.resolve(name)));
}
console.log(JSON.stringify(loaded));
`;

beforeAll(async () => {
  const packed = await sh('npm', ['pack', '--silent', '--pack-destination', work], root);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = join(work, packed.stdout.trim().split('\n').pop() as string);
  execFileSync('mkdir', [consumer]);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  const dev = (name: string) => `${name}@${pkg.devDependencies[name]}`;
  const installed = await sh('npm', [
    'install',
    '--save-dev',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    tarball,
    'node@24',
    dev('@pact-foundation/pact'),
    dev('@pactflow/openapi-pact-comparator'),
    dev('msw'),
    dev('express'),
    dev('@types/express'),
    dev('@types/node'),
    dev('typescript'),
  ]);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

// npm, tsc and pact are slow on a busy 2-core machine: each step gets a minute.
describe('the packed package installed in a new project with node@24', { timeout: 60_000 }, () => {
  it('ships the built bins, the spec, the README, the licence and the example pact, and no sources or maps', () => {
    const shipped = join(consumer, 'node_modules', 'mde-sim');
    for (const file of [
      'dist/mock/server/cli.js',
      'dist/client/cli.js',
      'dist/contracts/provider-states.js',
      'openapi/defender-machine-actions.yaml',
      'README.md',
      'LICENSE',
      'contracts/fixtures/acme-soar-passing.json',
    ]) {
      expect(existsSync(join(shipped, file)), file).toBe(true);
    }
    expect(existsSync(join(shipped, 'mock/core/simulator.ts'))).toBe(false);
    expect(existsSync(join(shipped, 'dist/mock/core/simulator.js.map'))).toBe(false);
    expect(existsSync(join(shipped, 'dist/exe'))).toBe(false);
  });

  it('npx mde-sim serve --port 0 --https-port 0 reaches the ready line, with absolute paths', async () => {
    // Detached: stop() then ends npx's whole process group, the server included.
    const sim = await startUntilReady('npx', ['mde-sim', 'serve', '--port', '0', '--https-port', '0'], {
      cwd: consumer,
      env: userEnv,
      detached: true,
    });
    try {
      expect(sim.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.ready.caCertPath).toBe(join(consumer, '.mde-sim', 'tls', 'ca.crt'));
      expect(existsSync(sim.ready.caCertPath as string)).toBe(true);
    } finally {
      await sim.stop();
    }
  });

  it('npx mde-sim verify checks a pact against a fresh simulator and the spec', async () => {
    const run = await sh('npx', [
      'mde-sim',
      'verify',
      'node_modules/mde-sim/contracts/fixtures/acme-soar-passing.json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 verified, 0 skipped, 0 failed');
    expect(run.stderr).not.toContain('DeprecationWarning');
  });

  it('npx mde --help describes the client CLI', async () => {
    const run = await sh('npx', ['mde', '--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('unrestrict [options] <machineId>');
  });

  it('imports every exports entry', async () => {
    const run = await sh('npx', ['node', '--input-type=module', '-e', importEveryEntry]);
    expect(run.code, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stdout) as Record<string, number | boolean>;
    expect(Object.keys(loaded).sort()).toEqual(
      Object.keys(pkg.exports)
        .map((entry) => `mde-sim${entry.slice(1)}`)
        .sort(),
    );
    for (const [name, value] of Object.entries(loaded)) expect(value, name).toBeTruthy();
  });

  it('type-checks a consumer file that uses every entry (express users add @types/express)', async () => {
    writeFileSync(join(consumer, 'consumer.ts'), consumerTs);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2023',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    const run = await sh('npx', ['tsc', '-p', '.']);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it.runIf(oldNode !== undefined)(
    oldNode === undefined
      ? `the bins refuse an old Node with one line (skipped: the machine's node is ${requiredNodeVersion} or newer)`
      : `the bins refuse the machine's Node ${oldNode.version} with one line and exit 2`,
    async () => {
      for (const bin of ['mde-sim', 'mde']) {
        const run = await sh(oldNode!.path, [join('node_modules', '.bin', bin), '--help']);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(
          `${bin}: Node.js ${oldNode!.version} found, ${requiredNodeVersion} or newer needed. ` +
            `Add Node 24 to your project with "npm i -D node@24" and run "npx ${bin}" again, ` +
            'or use the standalone executable (no Node needed; see the README).\n',
        );
      }
    },
  );
});
