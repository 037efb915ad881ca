/**
 * The `mde` CLI end to end, as a subprocess (`node client/cli.ts ...`) against the running simulator: msal-node
 * in the child gets its token from the simulator's HTTPS issuer (CA from MDE_CA_FILE) and the API is called over
 * plain HTTP. The simulator's clock is frozen at the real time, since msal in the child uses the wall clock.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCodes } from '../../client/exit-codes.ts';
import { MACHINE, READER_APP, TENANT } from '../helpers/sim-server.ts';
import { READER_SECRET, type SimFixture, SOAR_APP, SOAR_SECRET, startSimFixture } from './sim-fixture.ts';

const CLI = fileURLToPath(new URL('../../client/cli.ts', import.meta.url));
const UNKNOWN_MACHINE = 'ffffffffffffffffffffffffffffffffffffffff';

let sim: SimFixture;
beforeAll(async () => {
  sim = await startSimFixture();
  sim.reset();
});
afterAll(() => sim?.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function mde(
  args: string[],
  app: { clientId: string; secret: string } = { clientId: SOAR_APP, secret: SOAR_SECRET },
) {
  return new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        timeout: 15_000,
        env: {
          PATH: process.env.PATH ?? '',
          MDE_TENANT_ID: TENANT,
          MDE_CLIENT_ID: app.clientId,
          MDE_CLIENT_SECRET: app.secret,
          MDE_BASE_URL: sim.server.url,
          MDE_AUTHORITY_HOST: sim.server.httpsUrl!,
          MDE_CA_FILE: sim.server.caCertPath!,
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const jsonError = (run: Run) => JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}').error;

describe('mde CLI as a subprocess against the simulator', () => {
  it('unrestricts (exit 0, the JSON MachineAction); again → 4; Reporter → 6; unknown machine → 7', async () => {
    const first = await mde(['unrestrict', MACHINE, '--comment', 'Cleaned and validated', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(ExitCodes.ok);
    const action = JSON.parse(first.stdout);
    expect(action).toMatchObject({
      type: 'UnrestrictCodeExecution',
      status: 'Pending',
      machineId: MACHINE,
      requestor: 'SOAR Playbook Automation',
      requestorComment: 'Cleaned and validated',
    });
    expect(sim.server.simulator.control.actions(TENANT).map((a) => a.id)).toEqual([action.id]);

    const [again, forbidden, unknown] = await Promise.all([
      mde(['unrestrict', MACHINE, '--comment', 'again', '--json']),
      mde(['unrestrict', MACHINE, '--comment', 'reporter', '--json'], {
        clientId: READER_APP,
        secret: READER_SECRET,
      }),
      mde(['unrestrict', UNKNOWN_MACHINE, '--comment', 'who?', '--json']),
    ]);
    expect(again.code).toBe(ExitCodes.actionInProgress);
    expect(jsonError(again)).toMatchObject({
      code: 'MDE_ERR_ACTION_IN_PROGRESS',
      status: 400,
      mdeCode: 'ActiveRequestAlreadyExists',
      exitCode: 4,
    });
    expect(forbidden.code).toBe(ExitCodes.forbidden);
    expect(jsonError(forbidden)).toMatchObject({ code: 'MDE_ERR_FORBIDDEN', status: 403, exitCode: 6 });
    expect(unknown.code).toBe(ExitCodes.notFound);
    expect(jsonError(unknown)).toMatchObject({ code: 'MDE_ERR_NOT_FOUND', status: 404, exitCode: 7 });
    for (const run of [again, forbidden, unknown]) expect(run.stdout).toBe('');
    // Only the first run created an action.
    expect(sim.server.simulator.control.actions(TENANT)).toHaveLength(1);
  });
});
