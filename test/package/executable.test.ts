/**
 * The standalone executable (`npm run build:exe`) as a team without Node runs it: copied alone into an empty
 * folder (no node_modules), started with an empty PATH, it serves to the ready line; curl gets a token from
 * its offline Entra ID and a 201 from unrestrictCodeExecution. Its help says what is not inside.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExecutable } from '../../exe/build.ts';
import { DEMO_TENANT_ID } from '../../mock/core/demo-tenant.ts';
import { type StartedSimulator, startUntilReady } from '../helpers/ready-line.ts';
import { MACHINE, SOAR_APP } from '../helpers/sim-server.ts';

const supported = process.platform === 'linux' && process.arch === 'x64';
const curl = ['/usr/bin/curl', '/bin/curl'].find((path) => existsSync(path));
const folder = mkdtempSync(join(tmpdir(), 'mde-sim-exe-'));
const executable = join(folder, 'mde-sim');
/** Nothing but what a machine without Node has: no PATH at all. */
const bareEnv = { PATH: '', HOME: folder };

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(executable, args, { cwd: folder, env: bareEnv, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

let sim: StartedSimulator | undefined;
beforeAll(async () => {
  if (skipReason !== undefined) return;
  const built = await buildExecutable();
  copyFileSync(built.path, executable);
}, 120_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const skipReason = !supported
  ? `it is built for Linux x64, this is ${process.platform} ${process.arch}`
  : curl === undefined
    ? 'no curl in /usr/bin or /bin'
    : undefined;

describe.runIf(skipReason === undefined)(
  skipReason === undefined
    ? 'the standalone executable, alone in a folder, with an empty PATH'
    : `the standalone executable (skipped: ${skipReason})`,
  { timeout: 60_000 },
  () => {
    it('is one file: no node_modules beside it', () => {
      expect(readdirSync(folder)).toEqual(['mde-sim']);
    });

    it('serves to the ready line, then curl gets a token and a 201 from unrestrictCodeExecution', async () => {
      sim = await startUntilReady(executable, ['serve', '--port', '0', '--https-port', '0'], {
        cwd: folder,
        env: bareEnv,
      });
      expect(sim.ready.caCertPath).toBe(join(folder, '.mde-sim', 'tls', 'ca.crt'));
      const tokenJson = execFileSync(
        curl as string,
        [
          '-sS',
          `${sim.ready.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
          '-d',
          'grant_type=client_credentials',
          '-d',
          `client_id=${SOAR_APP}`,
          '-d',
          'client_secret=demo-soar-secret~8Qm2vX4kP9tL',
          '-d',
          'scope=https://api.securitycenter.microsoft.com/.default',
        ],
        { encoding: 'utf8', env: bareEnv },
      );
      const token = (JSON.parse(tokenJson) as { access_token: string }).access_token;
      expect(token.split('.')).toHaveLength(3);
      const answer = execFileSync(
        curl as string,
        [
          '-sS',
          '-w',
          '\n%{http_code}',
          '-X',
          'POST',
          `${sim.ready.httpsUrl}/api/machines/${MACHINE}/unrestrictCodeExecution`,
          '--cacert',
          sim.ready.caCertPath as string,
          '-H',
          `Authorization: Bearer ${token}`,
          '-H',
          'Content-Type: application/json',
          '-d',
          '{"Comment":"Machine cleaned and validated"}',
        ],
        { encoding: 'utf8', env: bareEnv },
      );
      const [body, status] = answer.split('\n') as [string, string];
      expect(status).toBe('201');
      expect(JSON.parse(body)).toMatchObject({ type: 'UnrestrictCodeExecution', status: 'Pending' });
    });

    it('runs the client CLI as "mde-sim mde", and when linked as "mde"', async () => {
      const help = await run(['mde', '--help']);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toContain('Usage: mde [options] [command]');
      const linked = join(folder, 'mde');
      symlinkSync(executable, linked);
      try {
        const direct = execFileSync(linked, ['--help'], { cwd: folder, env: bareEnv, encoding: 'utf8' });
        expect(direct).toContain('Usage: mde [options] [command]');
      } finally {
        rmSync(linked);
      }
    });

    it('says in --help, and when asked to verify, that Pact is not inside and where to get it', async () => {
      const help = await run(['--help']);
      expect(help.stdout).toContain('mde-sim verify is not in the standalone executable');
      const verify = await run(['verify', 'pacts']);
      expect(verify.code).toBe(2);
      expect(verify.stderr).toContain('npm i -D mde-sim node@24 @pact-foundation/pact');
    });
  },
);
