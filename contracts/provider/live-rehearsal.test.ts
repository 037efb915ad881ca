/**
 * Rehearsal of the live mode: `node contracts/live.ts`, exactly as `npm run contracts:live` runs it, against
 * the simulator over HTTPS standing in for the real service and for Entra ID (tokens from msal-node).
 * The simulator's clock runs at real time here: msal and the service judge token lifetimes by it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTenant } from '../../mock/core/demo-tenant.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';

const run = promisify(execFile);
const demo = demoTenant();
const soar = demo.apps[0]!;
const reader = demo.apps[1]!;
/** Restricted and online; not the pacts' example machine, so the substitution is exercised. */
const allowListed = '49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9';
const pactExampleMachine = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

async function live(env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['contracts/live.ts'], {
      env: { PATH: process.env.PATH ?? '', SCARF_ANALYTICS: 'false', PACT_DO_NOT_TRACK: 'true', ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

/** The report's verdict line for an interaction. */
function verdict(stdout: string, description: string): string {
  const report = stdout.slice(stdout.indexOf('Live verification report'));
  const line = report.split('\n').find((l) => l.includes(` ${description}`));
  return line?.trim() ?? `(no line for "${description}")`;
}

describe('npm run contracts:live, rehearsed against the simulator over HTTPS', () => {
  let server: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      httpsPort: 0,
      stateDir: await mkdtemp(join(tmpdir(), 'mde-sim-live-')),
      simulator: { seed: 'live-rehearsal' },
    });
    env = {
      MDE_BASE_URL: server.httpsUrl!,
      MDE_AUTHORITY_HOST: server.httpsUrl!,
      MDE_CA_FILE: server.caCertPath!,
      MDE_TENANT_ID: demo.id,
      MDE_CLIENT_ID: soar.clientId,
      MDE_CLIENT_SECRET: soar.clientSecret!,
      MDE_LIVE_MACHINE_IDS: allowListed,
    };
    // The tenant's history: one earlier action on the allow-listed machine, for "machine action … exists".
    const token = await server.simulator.control.mintToken({ tenantId: demo.id, clientId: soar.clientId });
    const created = await server.simulator.handle({
      method: 'POST',
      origin: server.url,
      path: `/api/machines/${allowListed}/restrictCodeExecution`,
      query: '',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Comment: 'earlier action' }),
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => server?.close());

  it('verifies every interaction it can set up safely and skips the quota one, saying why', async () => {
    const { code, stdout } = await live({
      ...env,
      MDE_LIVE_NO_ROLE_CLIENT_ID: reader.clientId,
      MDE_LIVE_NO_ROLE_CLIENT_SECRET: reader.clientSecret!,
      MDE_LIVE_ALLOW_ACTIONS: '1',
    });
    expect(code, stdout).toBe(0);
    for (const description of [
      'a request for a machine action',
      'a request for a machine action by a key that is not a GUID',
      'a request for a machine action that does not exist',
      'a request to remove the app restriction from an app without Machine.RestrictExecution',
      'a request to remove the app restriction of a machine that does not exist',
      'a request to remove the app restriction of a restricted machine',
      'a request to remove the app restriction while an unrestrict is pending',
      'a request to remove the app restriction with an invalid token',
    ]) {
      expect(verdict(stdout, description), stdout).toMatch(/^VERIFIED /);
    }
    expect(verdict(stdout, 'a request to remove the app restriction once the quota is exhausted')).toMatch(
      /^SKIPPED .*state "the caller has exhausted its rate limit" is not set up live: exhausting the real quota/,
    );
    expect(stdout).toContain('10 verified, 11 skipped, 0 failed');

    // The guardrails, seen from the service: nothing reached the pacts' example machine, and the actions
    // the run created on the allow-listed machine were all cancelled.
    const journal = server.simulator.control.journal({ tenantId: demo.id, limit: 1000 });
    expect(journal.some((entry) => entry.path.includes(pactExampleMachine))).toBe(false);
    const unrestricts = server.simulator.control
      .actions(demo.id)
      .filter((a) => a.machineId === allowListed && a.type === 'UnrestrictCodeExecution');
    expect(unrestricts.length).toBeGreaterThanOrEqual(2);
    expect(unrestricts.map((a) => a.status)).toEqual(unrestricts.map(() => 'Cancelled'));
  });

  it('without the opt-ins, skips what would act on a machine or needs a second app, and says which variable to set', async () => {
    const { code, stdout } = await live(env);
    expect(code, stdout).toBe(0);
    expect(verdict(stdout, 'a request to remove the app restriction of a restricted machine')).toMatch(
      /^SKIPPED .*creates a real machine action: set MDE_LIVE_ALLOW_ACTIONS=1/,
    );
    expect(verdict(stdout, 'a request to remove the app restriction while an unrestrict is pending')).toMatch(
      /^SKIPPED .*MDE_LIVE_ALLOW_ACTIONS=1/,
    );
    expect(
      verdict(
        stdout,
        'a request to remove the app restriction from an app without Machine.RestrictExecution',
      ),
    ).toMatch(/^SKIPPED .*MDE_LIVE_NO_ROLE_CLIENT_ID/);
    expect(verdict(stdout, 'a request for a machine action that does not exist')).toMatch(/^VERIFIED /);
    expect(stdout).toContain('7 verified, 14 skipped, 0 failed');
  });

  it('refuses to run without an allow-list, and skips cleanly without credentials', async () => {
    const refused = await live({ ...env, MDE_LIVE_MACHINE_IDS: '' });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/live verification refused: MDE_LIVE_MACHINE_IDS is empty/);
    const skipped = await live({});
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^live verification skipped: set MDE_TENANT_ID, MDE_CLIENT_ID/);
  });
});
