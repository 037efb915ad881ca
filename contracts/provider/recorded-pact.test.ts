/**
 * A pact drawn from real traffic: the client's own integration run (test/client/client-vs-simulator.test.ts,
 * run as it is, with MDE_SIM_RECORD_PACT) recorded by the simulator and written as a Pact V4 file, then
 * verified against a fresh simulator, compared with the OpenAPI document, and verified through the live
 * mode rehearsed against the simulator over HTTPS (`node contracts/live.ts`, as `npm run contracts:live`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenant } from '../../mock/core/demo-tenant.ts';
import { startServer } from '../../mock/server/server.ts';
import { verifyAgainstSimulator } from '../simulator-verification.ts';
import { compareWithSpec, formatFindings } from '../spec-comparison.ts';

const run = promisify(execFile);
const demo = demoTenant();
const soar = demo.apps[0]!;
const reader = demo.apps[1]!;
const allowListed = '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9';

describe("a pact recorded from the client's own integration run", () => {
  let dir: string;
  let pactFile: string;
  // biome-ignore lint/suspicious/noExplicitAny: pact JSON
  let pact: any;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mde-sim-recorded-'));
    pactFile = join(dir, 'mde-sim-client-recorded.json');
    await run(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', 'test/client/client-vs-simulator.test.ts'],
      {
        env: { ...process.env, MDE_SIM_RECORD_PACT: pactFile },
        timeout: 60_000,
      },
    );
    pact = JSON.parse(await readFile(pactFile, 'utf8'));
  }, 90_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('holds what the client sent and was answered, with the states it met, and no secret', async () => {
    const text = await readFile(pactFile, 'utf8');
    expect(text).not.toContain(soar.clientSecret!);
    expect(pact.interactions.length).toBeGreaterThanOrEqual(10);
    const states = new Set(
      // biome-ignore lint/suspicious/noExplicitAny: pact JSON
      pact.interactions.flatMap((i: any) => i.providerStates.map((s: { name: string }) => s.name)),
    );
    for (const name of [
      'machine {machineId} exists and is restricted',
      'an UnrestrictCodeExecution action is pending on machine {machineId}',
      'machine {machineId} does not exist',
      'the caller presents an invalid token',
      'the caller lacks Machine.RestrictExecution',
      'machine action {actionId} exists',
    ]) {
      expect(states).toContain(name);
    }
    // What the run's injected faults answered is not the service's contract: left out, with the reason.
    expect(pact.metadata['mde-sim'].skipped).toContainEqual({
      request: expect.stringMatching(/^GET \/api\/machines\//),
      reason: expect.stringMatching(/injected fault/),
    });
  });

  it('verifies against a fresh simulator and is compatible with the spec', async () => {
    const server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: join(dir, 'fresh'),
      simulator: { clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' }, seed: 'recorded' },
    });
    try {
      const results = await verifyAgainstSimulator({ pactFiles: [pactFile], server });
      const failed = results.filter((r) => r.outcome !== 'verified');
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(results).toHaveLength(pact.interactions.length);
    } finally {
      await server.close();
    }
    const errors = (await compareWithSpec([pactFile])).filter((f) => f.type === 'error');
    expect(errors, formatFindings(errors)).toEqual([]);
  });

  it('verifies through the live mode, rehearsed against the simulator over HTTPS', async () => {
    const server = await startServer({
      port: 0,
      httpsPort: 0,
      stateDir: join(dir, 'live'),
      simulator: { seed: 'recorded-live' },
    });
    try {
      // The tenant's history: an earlier action on the allow-listed machine, for "machine action … exists".
      const token = await server.simulator.control.mintToken({ tenantId: demo.id, clientId: soar.clientId });
      await server.simulator.handle({
        method: 'POST',
        origin: server.url,
        path: `/api/machines/${allowListed}/restrictCodeExecution`,
        query: '',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Comment: 'earlier action' }),
      });
      const env = {
        PATH: process.env.PATH ?? '',
        SCARF_ANALYTICS: 'false',
        PACT_DO_NOT_TRACK: 'true',
        MDE_BASE_URL: server.httpsUrl!,
        MDE_AUTHORITY_HOST: server.httpsUrl!,
        MDE_CA_FILE: server.caCertPath!,
        MDE_TENANT_ID: demo.id,
        MDE_CLIENT_ID: soar.clientId,
        MDE_CLIENT_SECRET: soar.clientSecret!,
        MDE_LIVE_MACHINE_IDS: allowListed,
        MDE_LIVE_NO_ROLE_CLIENT_ID: reader.clientId,
        MDE_LIVE_NO_ROLE_CLIENT_SECRET: reader.clientSecret!,
        MDE_LIVE_ALLOW_ACTIONS: '1',
      };
      const { stdout } = await run(process.execPath, ['contracts/live.ts', pactFile], {
        env,
        timeout: 60_000,
      });
      const report = stdout.slice(stdout.indexOf('Live verification report'));
      expect(report, stdout).toMatch(/\d+ verified, 1 skipped, 0 failed/);
      expect(report).toMatch(/SKIPPED .*the caller has exhausted its rate limit" is not set up live/);
    } finally {
      await server.close();
    }
  });
});
