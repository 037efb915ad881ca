import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MachineAction } from '../openapi/index.ts';
import { type CliEnvironment, runCli } from './main.ts';
import {
  type CannedReply,
  created,
  example,
  machineAction,
  mdeError,
  ok,
  recordedActionId,
  recordedMachineId,
  startTestServer,
  type TestServer,
} from './test-server.test-helper.ts';
import { type VirtualTime, virtualTime } from './virtual-time.test-helper.ts';

let server: TestServer;
let time: VirtualTime;

beforeEach(async () => {
  server = await startTestServer();
  time = virtualTime();
});

afterEach(async () => {
  await server.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function mde(
  args: string[],
  options: { env?: Record<string, string>; tty?: boolean } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliEnvironment = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true },
    env: { MDE_ACCESS_TOKEN: 'static-token', MDE_BASE_URL: server.url, ...options.env },
    sleep: time.sleep,
    now: time.now,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

it('unrestrict --json prints the MachineAction JSON and exits 0', async () => {
  server.reply(created());
  const run = await mde(['unrestrict', recordedMachineId, '--comment', 'Cleaned and validated', '--json']);

  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual(example('UnrestrictPending2026'));
  expect(run.stderr).toBe('');
  expect(server.requests[0]?.body).toBe('{"Comment":"Cleaned and validated"}');
  expect(server.requests[0]?.headers.authorization).toBe('Bearer static-token');
});

it('restrict prints a readable summary', async () => {
  server.reply(created(example('RestrictPending2026')));
  const run = await mde(['restrict', recordedMachineId, '--comment', 'Suspicious']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^RestrictCodeExecution 7fd99be4-cb9b-42bb-b651-10736d67dd69: Pending\n/);
  expect(run.stdout).toContain(`machine    ${recordedMachineId} (johns-work-computer)`);
});

it('unrestrict --wait polls until Succeeded and exits 0', async () => {
  const state = (status: MachineAction['status']) => ok(machineAction({ status }));
  server.reply(created(), state('InProgress'), state('Succeeded'));
  const run = await mde([
    'unrestrict',
    recordedMachineId,
    '--comment',
    'c',
    '--wait',
    '--poll-interval',
    '2',
  ]);

  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`UnrestrictCodeExecution ${recordedActionId}: Succeeded`);
  expect(time.sleeps).toEqual([2000]);
  expect(run.stderr).toBe(''); // no progress indicator when stderr is not a TTY
});

it('shows a progress line on a TTY while waiting, and clears it', async () => {
  server.reply(
    created(),
    ok(machineAction({ status: 'InProgress' })),
    ok(machineAction({ status: 'Succeeded' })),
  );
  const run = await mde(['unrestrict', recordedMachineId, '--comment', 'c', '--wait'], { tty: true });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`Waiting for UnrestrictCodeExecution ${recordedActionId}: InProgress`);
  expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
});

it.each([
  ['Failed', 11],
  ['TimeOut', 11],
  ['Cancelled', 11],
] as const)('exits %s → %i with --wait and says so on stderr', async (status, code) => {
  server.reply(created(), ok(machineAction({ status })));
  const run = await mde(['unrestrict', recordedMachineId, '--comment', 'c', '--wait']);
  expect(run.code).toBe(code);
  expect(run.stdout).toContain(`: ${status}`);
  expect(run.stderr).toBe(`mde: action ${recordedActionId} ended ${status}\n`);
});

it('exits 12 when --timeout passes while the action is still pending', async () => {
  for (let i = 0; i < 5; i++) server.reply(ok(machineAction({ status: 'Pending' })));
  const run = await mde(['action', recordedActionId, '--wait', '--timeout', '10', '--poll-interval', '5']);
  expect(run.code).toBe(12);
  expect(run.stderr).toMatch(
    /^mde: Failed to wait for machine action .*: the action is still Pending after 10 s\./,
  );
});

it.each<[string, CannedReply[], number, string]>([
  ['400', [mdeError(400, 'MissingComment')], 3, 'MDE_ERR_BAD_REQUEST'],
  ['400 in progress', [mdeError(400, 'ActiveRequestAlreadyExists')], 4, 'MDE_ERR_ACTION_IN_PROGRESS'],
  ['401', [mdeError(401, 'Unauthorized'), mdeError(401, 'Unauthorized')], 5, 'MDE_ERR_UNAUTHORIZED'],
  ['403', [mdeError(403, 'ForbiddenAppRestrictExecution')], 6, 'MDE_ERR_FORBIDDEN'],
  ['404', [mdeError(404, 'MachineNotFound')], 7, 'MDE_ERR_NOT_FOUND'],
  ['429', Array(4).fill(mdeError(429, 'QuotaPerMinute', { 'retry-after': '1' })), 8, 'MDE_ERR_RATE_LIMITED'],
  ['500', [mdeError(500, 'InternalServerError')], 9, 'MDE_ERR_SERVER'],
  ['dropped connection', [{ drop: true }], 10, 'MDE_ERR_NETWORK'],
])('exits with the code of the error class: %s', async (_name, replies, code, errorCode) => {
  server.reply(...replies);
  const text = await mde(['unrestrict', recordedMachineId, '--comment', 'c']);
  expect(text.code).toBe(code);
  expect(text.stdout).toBe('');
  expect(text.stderr).toMatch(/^mde: Failed to unrestrict code execution on machine \w+: [^\n]+\n$/);

  server.reply(...replies);
  const json = await mde(['unrestrict', recordedMachineId, '--comment', 'c', '--json']);
  expect(json.code).toBe(code);
  const error = JSON.parse(json.stderr) as { error: { code: string; exitCode: number } };
  expect(error.error.code).toBe(errorCode);
  expect(error.error.exitCode).toBe(code);
});

it('exits 2 on usage errors', async () => {
  const missingComment = await mde(['unrestrict', recordedMachineId]);
  expect(missingComment.code).toBe(2);
  expect(missingComment.stderr).toContain("required option '--comment <text>' not specified");

  const noCredentials = await mde(['machine', 'x'], { env: { MDE_ACCESS_TOKEN: '' } });
  expect(noCredentials.code).toBe(2);
  expect(noCredentials.stderr).toMatch(/^mde: Missing credentials: set --tenant \(MDE_TENANT_ID\)/);

  const badRegion = await mde(['machine', 'x', '--region', 'mars'], { env: { MDE_BASE_URL: '' } });
  expect(badRegion.code).toBe(2);
  expect(badRegion.stderr).toContain('Unknown region "mars"');

  const badTop = await mde(['actions', '--top', 'many']);
  expect(badTop.code).toBe(2);

  const nothing = await mde([]);
  expect(nothing.code).toBe(2);
  expect(nothing.stderr).toContain('Usage: mde');
  expect(server.requests).toHaveLength(0);
});

it('--help on each command exits 0 with its usage', async () => {
  for (const command of ['unrestrict', 'restrict', 'action', 'actions', 'machine', 'cancel']) {
    const run = await mde([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: mde ${command}`);
  }
  const top = await mde(['--help']);
  expect(top.stdout).toContain('MDE_CLIENT_CERTIFICATE_PATH');
});

it('actions --machine --status --top builds the filter and lists one line per action', async () => {
  server.reply(ok(example('CollectionByMachine')));
  const run = await mde(['actions', '--machine', recordedMachineId, '--status', 'Pending', '--top', '5']);
  expect(run.code).toBe(0);
  const url = new URL(server.requests[0]?.url ?? '', server.url);
  expect(url.searchParams.get('$filter')).toBe(`machineId eq '${recordedMachineId}' and status eq 'Pending'`);
  expect(url.searchParams.get('$top')).toBe('5');
  expect(run.stdout.trim().split('\n')).toHaveLength(2);
});

it('machine prints the device, and --json its wire JSON', async () => {
  server.reply(ok(example('Machine2023')), ok(example('Machine2023')));
  const text = await mde(['machine', 'se-pov-desktop']);
  const json = await mde(['machine', 'se-pov-desktop', '--json']);
  expect(text.stdout).toMatch(/^se-pov-desktop\n {2}id +556b3952acb0bff29816d267822305781cc183ec\n/);
  expect(JSON.parse(json.stdout)).toEqual(example('Machine2023'));
});

it('flags win over environment variables', async () => {
  server.reply(ok(example('UnrestrictSucceeded')));
  const run = await mde(
    ['action', recordedActionId, '--access-token', 'from-flag', '--base-url', server.url],
    {
      env: { MDE_BASE_URL: 'http://127.0.0.1:1' },
    },
  );
  expect(run.code).toBe(0);
  expect(server.requests[0]?.headers.authorization).toBe('Bearer from-flag');
});

it('runs as a subprocess: node client/cli.ts action <id> --json', async () => {
  server.reply(ok(example('UnrestrictSucceeded')));
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, 'action', recordedActionId, '--json'],
      { env: { ...process.env, MDE_ACCESS_TOKEN: 'sub-token', MDE_BASE_URL: server.url }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual(example('UnrestrictSucceeded'));

  server.reply(mdeError(404, 'MachineActionNotFound'));
  const missing = await new Promise<number>((resolve) => {
    execFile(
      process.execPath,
      [cli, 'action', recordedActionId],
      { env: { ...process.env, MDE_ACCESS_TOKEN: 'sub-token', MDE_BASE_URL: server.url }, timeout: 20_000 },
      (error) => resolve(error === null ? 0 : Number(error.code)),
    );
  });
  expect(missing).toBe(7);
});

it('names an unknown option and the closest valid one, before any missing required option', async () => {
  const run = await mde(['unrestrict', recordedMachineId, '--coment', 'x']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("error: unknown option '--coment'");
  expect(run.stderr).toContain('(Did you mean --comment?)');
  expect(run.stderr).not.toContain('required option');
  expect(server.requests).toHaveLength(0);
});

it('shows the time waited on a TTY, and nothing with --json even on a TTY', async () => {
  server.reply(
    created(),
    ok(machineAction({ status: 'InProgress' })),
    ok(machineAction({ status: 'Succeeded' })),
  );
  const tty = await mde(['unrestrict', recordedMachineId, '--comment', 'c', '--wait'], { tty: true });
  expect(tty.stderr).toMatch(/: InProgress \(\d+ s\)/);
  server.reply(
    created(),
    ok(machineAction({ status: 'InProgress' })),
    ok(machineAction({ status: 'Succeeded' })),
  );
  const json = await mde(['unrestrict', recordedMachineId, '--comment', 'c', '--wait', '--json'], {
    tty: true,
  });
  expect(json.code).toBe(0);
  expect(json.stderr).toBe('');
});

it("help's examples use the simulator's real default port", async () => {
  const run = await mde(['--help']);
  expect(run.stdout).toContain('https://127.0.0.1:5443');
  expect(run.stdout).not.toMatch(/127\.0\.0\.1:(8443|8080)/);
});
