import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MachineAction } from '../openapi/index.ts';
import { DefenderClient } from './defender-client.ts';
import { AbortError, WaitTimeoutError } from './errors.ts';
import {
  machineAction,
  ok,
  recordedActionId,
  startTestServer,
  type TestServer,
} from './test-server.test-helper.ts';
import { CountingCredential, type VirtualTime, virtualTime } from './virtual-time.test-helper.ts';

let server: TestServer;
let time: VirtualTime;
let client: DefenderClient;

beforeEach(async () => {
  server = await startTestServer();
  time = virtualTime();
  client = new DefenderClient({
    credential: new CountingCredential(),
    endpoint: server.url,
    sleep: time.sleep,
    now: time.now,
    keepAliveTimeoutMs: 100,
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

const state = (status: MachineAction['status']) => ok(machineAction({ status }));

it('polls every pollIntervalMs until the action Succeeded and returns it', async () => {
  server.reply(state('Pending'), state('InProgress'), state('InProgress'), state('Succeeded'));
  const seen: string[] = [];
  const action = await client.waitForMachineAction(recordedActionId, { onPoll: (a) => seen.push(a.status) });

  expect(action.status).toBe('Succeeded');
  expect(seen).toEqual(['Pending', 'InProgress', 'InProgress', 'Succeeded']);
  expect(time.sleeps).toEqual([5000, 5000, 5000]);
  expect(server.requests.every((r) => r.url === `/api/machineactions/${recordedActionId}`)).toBe(true);
});

it('returns actions that ended TimeOut or Cancelled without throwing', async () => {
  server.reply(state('Pending'), state('TimeOut'));
  expect((await client.waitForMachineAction(recordedActionId)).status).toBe('TimeOut');
  server.reply(state('Cancelled'));
  expect((await client.waitForMachineAction(recordedActionId)).status).toBe('Cancelled');
  server.reply(state('Failed'));
  expect((await client.waitForMachineAction(recordedActionId)).status).toBe('Failed');
});

it('grows the interval with backoff, up to maxIntervalMs', async () => {
  server.reply(state('Pending'), state('Pending'), state('Pending'), state('Pending'), state('Succeeded'));
  await client.waitForMachineAction(recordedActionId, {
    pollIntervalMs: 1000,
    backoff: { multiplier: 2, maxIntervalMs: 3000 },
  });
  expect(time.sleeps).toEqual([1000, 2000, 3000, 3000]);
});

it('throws WaitTimeoutError at the deadline, after a last poll, carrying the last state', async () => {
  for (let i = 0; i < 5; i++) server.reply(state('InProgress'));
  const error = await client
    .waitForMachineAction(recordedActionId, { pollIntervalMs: 4000, timeoutMs: 10_000 })
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(WaitTimeoutError);
  expect((error as WaitTimeoutError).code).toBe('MDE_ERR_WAIT_TIMEOUT');
  expect((error as WaitTimeoutError<MachineAction>).action?.status).toBe('InProgress');
  expect(time.sleeps).toEqual([4000, 4000, 2000]);
  expect(server.requests).toHaveLength(4);
  expect((error as Error).message).toBe(
    `Failed to wait for machine action ${recordedActionId}: the action is still InProgress after 10 s. ` +
      'It keeps running on the service: poll it again later, or raise the timeout.',
  );
});

it('rejects with AbortError when the signal aborts between polls', async () => {
  const controller = new AbortController();
  server.reply(state('Pending'), state('Pending'), state('Succeeded'));
  const error = await client
    .waitForMachineAction(recordedActionId, {
      signal: controller.signal,
      onPoll: () => {
        if (server.requests.length === 2) controller.abort();
      },
    })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AbortError);
  expect(server.requests).toHaveLength(2);
});
