import { afterEach, beforeEach, expect, it } from 'vitest';
import type { MachineAction, MachineActionCollection } from '../openapi/index.ts';
import { DefenderClient } from './defender-client.ts';
import { AbortError, ActionAlreadyInProgressError, isDefenderApiError } from './errors.ts';
import { defaultUserAgent } from './http-transport.ts';
import { regions } from './regions.ts';
import {
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
import { CountingCredential, virtualTime } from './virtual-time.test-helper.ts';

let server: TestServer;
let client: DefenderClient;
let credential: CountingCredential;

beforeEach(async () => {
  server = await startTestServer();
  credential = new CountingCredential();
  const time = virtualTime();
  client = new DefenderClient({
    credential,
    endpoint: server.url,
    sleep: time.sleep,
    now: time.now,
    random: () => 0.5,
    keepAliveTimeoutMs: 100,
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

it('posts {"Comment"} with a capital C, the bearer token and the user agent to unrestrictCodeExecution', async () => {
  server.reply(created());
  const action = await client.unrestrictCodeExecution(
    recordedMachineId,
    'Device cleared, removing app restriction',
  );

  expect(action).toEqual(example('UnrestrictPending2026'));
  const [request] = server.requests;
  expect(request?.method).toBe('POST');
  expect(request?.url).toBe(`/api/machines/${recordedMachineId}/unrestrictCodeExecution`);
  expect(request?.body).toBe('{"Comment":"Device cleared, removing app restriction"}');
  expect(request?.headers['content-type']).toBe('application/json');
  expect(request?.headers.authorization).toBe('Bearer token-1');
  expect(request?.headers['user-agent']).toBe(defaultUserAgent);
  expect(defaultUserAgent).toMatch(/^mde-sim-client\/\d+\.\d+\.\d+ \(\+node v\d+\.\d+\.\d+\)$/);
  expect(credential.calls[0]?.scopes).toEqual(['https://api.securitycenter.microsoft.com/.default']);
});

it('posts restrictCodeExecution to its own path', async () => {
  server.reply(created(example('RestrictPending2026')));
  const action = await client.restrictCodeExecution(recordedMachineId, 'Suspicious binaries');
  expect(action.type).toBe('RestrictCodeExecution');
  expect(server.requests[0]?.url).toBe(`/api/machines/${recordedMachineId}/restrictCodeExecution`);
});

it('reuses the cached token while it is valid', async () => {
  server.reply(created(), ok(example('UnrestrictSucceeded')));
  await client.unrestrictCodeExecution(recordedMachineId, 'c');
  await client.getMachineAction(recordedActionId);
  expect(credential.calls).toHaveLength(1);
});

it('gets a machine action, a machine, and cancels an action', async () => {
  server.reply(
    ok(example('UnrestrictSucceeded')),
    ok(example('Machine2023')),
    ok(example('UnrestrictCancelled')),
  );

  const action = await client.getMachineAction(recordedActionId);
  const machine = await client.getMachine('se-pov-desktop');
  const cancelled = await client.cancelMachineAction(recordedActionId, 'Not needed any more');

  expect(action.status).toBe('Succeeded');
  expect(machine.computerDnsName).toBe('se-pov-desktop');
  expect(cancelled.status).toBe('Cancelled');
  expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    `GET /api/machineactions/${recordedActionId}`,
    'GET /api/machines/se-pov-desktop',
    `POST /api/machineactions/${recordedActionId}/cancel`,
  ]);
  expect(server.requests[2]?.body).toBe('{"Comment":"Not needed any more"}');
  expect(server.requests[0]?.headers['content-type']).toBeUndefined();
});

it('builds the OData $filter from typed filters and escapes quotes', async () => {
  server.reply(ok(example('CollectionByMachine')));
  const page = await client.listMachineActions({
    machineId: recordedMachineId,
    type: 'UnrestrictCodeExecution',
    status: 'Pending',
    requestor: "O'Brien@contoso.com",
    createdAfter: new Date('2026-01-01T00:00:00Z'),
    top: 5,
    skip: 10,
  });

  expect(page.value).toHaveLength(2);
  const url = new URL(server.requests[0]?.url ?? '', server.url);
  expect(url.pathname).toBe('/api/machineactions');
  expect(url.searchParams.get('$filter')).toBe(
    `machineId eq '${recordedMachineId}' and type eq 'UnrestrictCodeExecution' and status eq 'Pending' and ` +
      "requestor eq 'O''Brien@contoso.com' and creationDateTimeUtc gt 2026-01-01T00:00:00.000Z",
  );
  expect(url.searchParams.get('$top')).toBe('5');
  expect(url.searchParams.get('$skip')).toBe('10');
  expect(server.requests[0]?.url).not.toContain(' ');
});

it('lists without a query string when no filter is given', async () => {
  server.reply(ok(example('CollectionByMachine')));
  await client.listMachineActions();
  expect(server.requests[0]?.url).toBe('/api/machineactions');
});

it('returns the pending action instead of throwing with resolveInProgress', async () => {
  const pending = machineAction({
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    creationDateTimeUtc: '2026-01-30T21:00:00Z',
  });
  const newer = machineAction({
    id: 'aaaaaaaa-0000-4000-8000-000000000002',
    creationDateTimeUtc: '2026-01-30T21:10:00Z',
  });
  const collection = (value: MachineAction[]): MachineActionCollection => ({
    '@odata.context': 'https://api.security.microsoft.com/api/$metadata#MachineActions',
    value,
  });
  server.reply(mdeError(400, 'ActiveRequestAlreadyExists'), ok(collection([pending, newer])));

  const action = await client.unrestrictCodeExecution(recordedMachineId, 'again', {
    resolveInProgress: true,
  });

  expect(action.id).toBe(newer.id);
  const filter = new URL(server.requests[1]?.url ?? '', server.url).searchParams.get('$filter');
  expect(filter).toBe(
    `machineId eq '${recordedMachineId}' and type eq 'UnrestrictCodeExecution' and status eq 'Pending'`,
  );
});

it('looks for an InProgress action when none is Pending, then posts again if the blocker is gone', async () => {
  const empty = { '@odata.context': 'x', value: [] };
  server.reply(mdeError(400, 'ActiveRequestAlreadyExists'), ok(empty), ok(empty), created());

  const action = await client.restrictCodeExecution(recordedMachineId, 'again', { resolveInProgress: true });

  expect(action.id).toBe(recordedActionId);
  expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'POST']);
  expect(new URL(server.requests[2]?.url ?? '', server.url).searchParams.get('$filter')).toContain(
    "type eq 'RestrictCodeExecution' and status eq 'InProgress'",
  );
});

it('throws ActionAlreadyInProgressError without resolveInProgress', async () => {
  server.reply(mdeError(400, 'ActiveRequestAlreadyExists'));
  const error = await client.unrestrictCodeExecution(recordedMachineId, 'again').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
  expect(isDefenderApiError(error, 'MDE_ERR_ACTION_IN_PROGRESS')).toBe(true);
  expect(server.requests).toHaveLength(1);
});

it('rejects with AbortError when the signal is already aborted, without calling the service', async () => {
  const controller = new AbortController();
  controller.abort();
  const error = await client
    .getMachineAction(recordedActionId, { signal: controller.signal })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AbortError);
  expect((error as AbortError).name).toBe('AbortError');
  expect(server.requests).toHaveLength(0);
});

it('rejects with AbortError when the signal aborts while the request is in flight', async () => {
  const controller = new AbortController();
  const call = client
    .getMachineAction(recordedActionId, { signal: controller.signal })
    .catch((e: unknown) => e);
  // No reply is queued until the request arrives: abort as soon as the server has seen it.
  while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
  controller.abort(new Error('user pressed Ctrl-C'));
  const error = await call;
  expect(error).toBeInstanceOf(AbortError);
  expect((error as AbortError).cause).toEqual(new Error('user pressed Ctrl-C'));
});

it('resolves region names and base URLs, and refuses bad options with a TypeError naming them', async () => {
  const make = (endpoint: string) => new DefenderClient({ credential, endpoint });
  expect(make('eu').baseUrl.href).toBe('https://eu.api.security.microsoft.com/');
  expect(make('gcc').baseUrl.href).toBe('https://api-gcc.securitycenter.microsoft.us/');
  expect(make('dod').baseUrl.href).toBe(`${regions['gcc-high']}/`);
  expect(make('https://127.0.0.1:8443/api/').baseUrl.href).toBe('https://127.0.0.1:8443/');
  expect(() => make('mars')).toThrow(/Invalid endpoint "mars"/);
  expect(() => new DefenderClient({ credential, endpoint: 'eu', maxAttempts: 0 })).toThrow(TypeError);
  expect(() => new DefenderClient({ credential, endpoint: 'eu', maxAttempts: 0 })).toThrow(/maxAttempts/);
  expect(() => new DefenderClient({ credential: {} as never, endpoint: 'eu' })).toThrow(/credential/);
  await expect(client.unrestrictCodeExecution(recordedMachineId, '')).rejects.toThrow(/Invalid comment/);
  await expect(client.listMachineActions({ top: 10001 })).rejects.toThrow(/Invalid top/);
});

it('keeps a base URL path prefix', async () => {
  const prefixed = new DefenderClient({
    credential,
    endpoint: `${server.url}/mde/`,
    keepAliveTimeoutMs: 100,
  });
  server.reply(ok(example('UnrestrictSucceeded')));
  await prefixed.getMachineAction(recordedActionId);
  await prefixed.close();
  expect(server.requests[0]?.url).toBe(`/mde/api/machineactions/${recordedActionId}`);
});
