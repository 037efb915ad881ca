import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAILING_MACHINE,
  MACHINE,
  OFFLINE_MACHINE,
  SERVER_MACHINE,
  START,
  startTestServer,
  TENANT,
  type TestServer,
} from '../helpers/sim-server.ts';

let sim: TestServer;
const control = () => sim.server.simulator.control;
const act = (machine: string, kind = 'unrestrictCodeExecution', comment = 'test') =>
  sim.call('POST', `/api/machines/${machine}/${kind}`, { body: { Comment: comment } });
const getAction = (id: string) => sim.call('GET', `/api/machineactions/${id}`);

beforeAll(async () => {
  sim = await startTestServer({ lifecycle: { pickupDelayMs: 5_000, executionMs: 15_000 } });
});
afterAll(() => sim.close());
afterEach(() => {
  control().reset();
  control().setClock(START);
});

describe('action lifecycle on the simulator clock', () => {
  it('moves Pending → InProgress → Succeeded on an online machine, stamping each transition at its own time', async () => {
    const { json: created } = await act(MACHINE);
    control().advanceClock(4_999);
    expect((await getAction(created.id)).json.status).toBe('Pending');
    control().advanceClock(1);
    const inProgress = (await getAction(created.id)).json;
    expect(inProgress.status).toBe('InProgress');
    expect(inProgress.lastUpdateDateTimeUtc).toBe('2026-11-29T10:00:05Z');
    control().advanceClock(60_000); // read long after completion: the stamp is still the completion time
    const done = (await getAction(created.id)).json;
    expect(done).toMatchObject({
      status: 'Succeeded',
      errorHResult: 0,
      lastUpdateDateTimeUtc: '2026-11-29T10:00:20Z',
    });
    expect(done.creationDateTimeUtc).toBe(created.creationDateTimeUtc);
  });

  it('clears the restriction when an unrestrict succeeds and sets it when a restrict succeeds', async () => {
    const restricted = () =>
      control()
        .tenant(TENANT)
        .machines.find((m) => m.id === MACHINE)!.restricted;
    expect(restricted()).toBe(true);
    await act(MACHINE);
    control().advanceClock(20_000);
    await sim.call('GET', `/api/machines/${MACHINE}`); // any call settles due transitions
    expect(restricted()).toBe(false);
    await act(MACHINE, 'restrictCodeExecution');
    control().advanceClock(20_000);
    expect(control().actions(TENANT).at(-1)!.status).toBe('Succeeded');
    expect(restricted()).toBe(true);
  });

  it('allows a new unrestrict once the previous one has ended', async () => {
    await act(MACHINE);
    expect((await act(MACHINE)).status).toBe(400);
    control().advanceClock(20_000);
    expect((await act(MACHINE)).status).toBe(201);
  });

  it('keeps an action Pending on an offline machine and ends it TimeOut three days after creation', async () => {
    const { json: created } = await act(OFFLINE_MACHINE);
    control().advanceClock(3 * 24 * 3_600_000 - 1);
    expect((await getAction(created.id)).json.status).toBe('Pending');
    control().advanceClock(1);
    expect((await getAction(created.id)).json).toMatchObject({
      status: 'TimeOut',
      lastUpdateDateTimeUtc: '2026-12-02T10:00:00Z',
    });
  });

  it('lets a Pending action proceed once its offline machine comes back online', async () => {
    const { json: created } = await act(OFFLINE_MACHINE);
    control().advanceClock(60_000);
    control().setMachine(TENANT, OFFLINE_MACHINE, { online: true });
    control().advanceClock(5_000);
    expect((await getAction(created.id)).json.status).toBe('InProgress');
    control().advanceClock(15_000);
    expect((await getAction(created.id)).json.status).toBe('Succeeded');
  });

  it('ends actions Failed with a non-zero errorHResult on a failing machine', async () => {
    const { json: created } = await act(FAILING_MACHINE);
    control().advanceClock(20_000);
    const failed = (await getAction(created.id)).json;
    expect(failed.status).toBe('Failed');
    expect(failed.errorHResult).not.toBe(0);
  });

  it('cancels an active action in place: same id, Cancelled, with the cancellation fields', async () => {
    const { json: created } = await act(MACHINE);
    control().advanceClock(1_000);
    const res = await sim.call('POST', `/api/machineactions/${created.id}/cancel`, {
      body: { Comment: 'wrong box' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: created.id,
      status: 'Cancelled',
      cancellationRequestor: 'SOAR Playbook Automation',
      cancellationComment: 'wrong box',
      cancellationDateTimeUtc: '2026-11-29T10:00:01Z',
      lastUpdateDateTimeUtc: '2026-11-29T10:00:01Z',
    });
    control().advanceClock(60_000);
    expect((await getAction(created.id)).json.status).toBe('Cancelled');
    expect((await act(MACHINE)).status).toBe(201);
  });

  it('refuses to cancel an action in a final state with 400 InvalidInput', async () => {
    const { json: created } = await act(MACHINE);
    control().advanceClock(20_000);
    const res = await sim.call('POST', `/api/machineactions/${created.id}/cancel`, {
      body: { Comment: 'late' },
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      code: 'InvalidInput',
      message: `Machine action ${created.id} is already in a final state (Succeeded) and can't be cancelled.`,
    });
  });
});

describe('GET /api/machineactions/{id}', () => {
  it('answers 400 BadRequest with the recorded message for a key that is not a GUID', async () => {
    const res = await getAction(SERVER_MACHINE);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(
      `The key value (${SERVER_MACHINE}) from request is not valid. The key value should be format of type 'Edm.Guid'.`,
    );
  });

  it('answers 404 ResourceNotFound for an unknown action', async () => {
    const res = await getAction('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9');
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({
      code: 'ResourceNotFound',
      message: 'Machine action 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 was not found',
    });
  });
});

describe('GET /api/machineactions (OData)', () => {
  it('filters by machineId, type and status, newest first, with $top, $skip and $count', async () => {
    await act(MACHINE);
    control().advanceClock(20_000);
    await act(MACHINE, 'restrictCodeExecution');
    await act(SERVER_MACHINE);
    const all = await sim.call('GET', `/api/machineactions?$filter=machineId eq '${MACHINE}'&$count=true`);
    expect(all.status).toBe(200);
    expect(all.json['@odata.context']).toBe(`${sim.url}/api/$metadata#MachineActions`);
    expect(all.json['@odata.count']).toBe(2);
    expect(all.json.value.map((a: { type: string }) => a.type)).toEqual([
      'RestrictCodeExecution',
      'UnrestrictCodeExecution',
    ]);
    expect(all.json.value[0]).not.toHaveProperty('@odata.context');
    const pending = await sim.call(
      'GET',
      `/api/machineactions?$filter=type eq 'UnrestrictCodeExecution' and status eq 'Pending'`,
    );
    expect(pending.json.value).toHaveLength(1);
    expect(pending.json.value[0].machineId).toBe(SERVER_MACHINE);
    const page = await sim.call('GET', '/api/machineactions?$top=1&$skip=1');
    expect(page.json.value).toHaveLength(1);
    expect(page.json).not.toHaveProperty('@odata.count');
  });

  it('filters by creationDateTimeUtc and requestor', async () => {
    await act(MACHINE);
    control().advanceClock(60_000);
    await act(SERVER_MACHINE);
    const recent = await sim.call(
      'GET',
      '/api/machineactions?$filter=creationDateTimeUtc ge 2026-11-29T10:00:30Z',
    );
    expect(recent.json.value.map((a: { machineId: string }) => a.machineId)).toEqual([SERVER_MACHINE]);
    const mine = await sim.call('GET', "/api/machineactions?$filter=requestor eq 'SOAR Playbook Automation'");
    expect(mine.json.value).toHaveLength(2);
  });

  it.each([
    ["$filter=computerDnsName eq 'x'"],
    ["$filter=status gt 'Pending'"],
    ['$filter=machineId eq'],
    ['$top=10001'],
    ['$top=-1'],
    ['$count=maybe'],
  ])('answers 400 ODataError to %s', async (query) => {
    const res = await sim.call('GET', `/api/machineactions?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('ODataError');
    expect(res.json.error.message).toMatch(/^Invalid OData URI query/);
  });
});

describe('GET /api/machines/{id}', () => {
  it('finds a machine by device id or by computer name, with the recorded entity shape', async () => {
    const byId = await sim.call('GET', `/api/machines/${MACHINE}`);
    expect(byId.status).toBe(200);
    expect(byId.json['@odata.context']).toBe(`${sim.url}/api/$metadata#Machines/$entity`);
    expect(byId.json.computerDnsName).toBe('fin-laptop-017.contoso-demo.local');
    const byName = await sim.call('GET', '/api/machines/fin-laptop-017.contoso-demo.local');
    expect(byName.json).toEqual(byId.json);
  });

  it('answers 404 ResourceNotFound for an unknown machine', async () => {
    const res = await sim.call('GET', '/api/machines/no-such-host');
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe('Machine no-such-host was not found');
  });
});
