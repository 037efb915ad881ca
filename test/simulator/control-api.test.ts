import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../mock/core/timestamps.ts';
import {
  FABRIKAM,
  MACHINE,
  OFFLINE_MACHINE,
  SOAR_APP,
  START,
  startTestServer,
  TENANT,
  type TestServer,
} from '../helpers/sim-server.ts';

let sim: TestServer;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers
async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await request(`${sim.url}/_sim${path}`, {
    method: method as 'GET',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.statusCode, json: await res.body.json() };
}

beforeAll(async () => {
  sim = await startTestServer();
});
afterAll(() => sim.close());
afterEach(async () => {
  await control('POST', '/reset');
  sim.server.simulator.control.setClock(START);
});

describe('control API (/_sim)', () => {
  it('lists the seeded tenants with apps, demo credentials, users and machines', async () => {
    const { status, json } = await control('GET', '/tenants');
    expect(status).toBe(200);
    const demo = json.tenants[0];
    expect(demo.id).toBe(TENANT);
    expect(demo.apps.find((a: { clientId: string }) => a.clientId === SOAR_APP)).toMatchObject({
      clientSecret: 'demo-soar-secret~8Qm2vX4kP9tL',
      roles: expect.arrayContaining(['Machine.RestrictExecution']),
    });
    expect(demo.machines).toHaveLength(12);
    expect(demo.machines.find((m: { id: string }) => m.id === OFFLINE_MACHINE)).toMatchObject({
      online: false,
      restricted: true,
    });
  });

  it('seeds a new tenant whose app can get a token and act on its machine', async () => {
    expect((await control('POST', '/tenants', FABRIKAM)).status).toBe(201);
    const tokenRes = await request(`${sim.url}/${FABRIKAM.domain}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: FABRIKAM.apps[0]!.clientId,
        client_secret: 's3cret',
        scope: 'https://api.security.microsoft.com/.default',
      }).toString(),
    });
    const { access_token } = (await tokenRes.body.json()) as { access_token: string };
    const res = await sim.call('POST', `/api/machines/${FABRIKAM.machines[0]!.id}/unrestrictCodeExecution`, {
      token: access_token,
      body: { Comment: 'fabrikam' },
    });
    expect(res.status).toBe(201);
    expect(res.json.requestor).toBe('Fab SOAR');
  });

  it('sets a machine offline and back, and reads the tenant actions', async () => {
    expect(
      (await control('PATCH', `/tenants/${TENANT}/machines/${MACHINE}`, { online: false })).json.online,
    ).toBe(false);
    const created = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      body: { Comment: 'x' },
    });
    await control('POST', '/clock', { advanceMs: 60_000 });
    expect((await control('GET', `/tenants/${TENANT}/actions`)).json.actions[0]).toMatchObject({
      id: created.json.id,
      status: 'Pending',
    });
    await control('PATCH', `/tenants/${TENANT}/machines/${MACHINE}`, { online: true });
    await control('POST', '/clock', { advanceMs: 20_000 });
    expect((await control('GET', `/tenants/${TENANT}/actions`)).json.actions[0].status).toBe('Succeeded');
  });

  it('freezes, advances and sets the clock', async () => {
    expect((await control('POST', '/clock', { set: '2027-01-01T00:00:00Z', mode: 'frozen' })).json).toEqual({
      now: '2027-01-01T00:00:00.000Z',
      mode: 'frozen',
    });
    expect((await control('POST', '/clock', { advanceMs: 1500 })).json.now).toBe('2027-01-01T00:00:01.500Z');
  });

  it('restores the seed on reset', async () => {
    await control('POST', '/tenants', FABRIKAM);
    await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, { body: { Comment: 'x' } });
    const { json } = await control('POST', '/reset');
    expect(json.tenants.map((t: { id: string }) => t.id)).toEqual([TENANT, FABRIKAM.id]);
    expect((await control('GET', `/tenants/${TENANT}/actions`)).json.actions).toEqual([]);
  });

  it('restores one tenant, including its quota settings, on a tenant reset', async () => {
    await control('PUT', `/tenants/${TENANT}/rate-limits`, { enabled: false });
    await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, { body: { Comment: 'x' } });
    const { status } = await control('POST', `/tenants/${TENANT}/reset`);
    expect(status).toBe(200);
    expect((await control('GET', `/tenants/${TENANT}/actions`)).json.actions).toEqual([]);
    expect((await control('GET', `/tenants/${TENANT}/rate-limits`)).json.enabled).toBe(true);
  });

  it('returns the journal newest last, bounded by limit, with credentials redacted', async () => {
    await sim.call('GET', `/api/machines/${MACHINE}`);
    await sim.call('GET', `/api/machines/${MACHINE}`);
    const { json } = await control('GET', '/journal?limit=1');
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]).toMatchObject({
      method: 'GET',
      status: 200,
      operation: 'getMachine',
      tenantId: TENANT,
      clientId: SOAR_APP,
    });
    expect(json.entries[0].headers.authorization).toBe('Bearer [redacted]');
  });

  it.each([
    ['POST', '/tenants', '{not json', 'body is not valid JSON', ''],
    ['POST', '/tenants', { id: 'nope' }, 'body.id must match pattern', '/id'],
    ['POST', '/tenants', { ...FABRIKAM, domain: undefined }, "body: 'domain' is required", '/domain'],
    ['POST', '/tenants', { ...FABRIKAM, id: 'nope' }, 'body.id must match pattern', '/id'],
    [
      'POST',
      '/tenants',
      { ...FABRIKAM, machines: [{ id: 'short', computerDnsName: 'x' }] },
      'body.machines[0].id must match pattern',
      '/machines/0/id',
    ],
    [
      'POST',
      '/tenants',
      { ...FABRIKAM, machines: [{ id: 'a'.repeat(40), computerDnsName: 'x', healthStatus: 'Great' }] },
      'body.machines[0].healthStatus must be one of "Active"',
      '/machines/0/healthStatus',
    ],
    [
      'PATCH',
      `/tenants/${TENANT}/machines/${MACHINE}`,
      { online: 'yes' },
      'body.online must be boolean',
      '/online',
    ],
    [
      'PATCH',
      `/tenants/${TENANT}/machines/${MACHINE}`,
      { colour: 'red' },
      "body: unknown property 'colour' (valid: online, outcome, restricted, pickupDelayMs, executionMs, isolation, files, quarantinedFiles, lastAntivirusScan, offboardedAt)",
      '/colour',
    ],
    [
      'PATCH',
      `/tenants/${TENANT}/machines/${MACHINE}`,
      { onlien: false },
      "body: unknown property 'onlien' (did you mean 'online'?)",
      '/onlien',
    ],
    ['POST', '/clock', { advanceMs: -5 }, 'body.advanceMs must be >= 0', '/advanceMs'],
    ['POST', '/clock', { advanceMs: 1e308 }, 'body.advanceMs must be <= 3153600000000', '/advanceMs'],
    ['POST', '/clock', { mode: 'paused' }, 'body.mode must be one of "frozen", "running"', '/mode'],
    ['POST', '/clock', { advanceMS: 5 }, "did you mean 'advanceMs'?", '/advanceMS'],
    ['GET', '/journal?limit=abc', undefined, 'limit must be an integer from 1 to 100000', 'limit'],
    [
      'GET',
      '/journal?limti=5',
      undefined,
      "unknown query parameter 'limti' (did you mean 'limit'?)",
      'limti',
    ],
    [
      'POST',
      '/tokens',
      { tenantId: TENANT, clientId: '00000000-0000-4000-8000-000000000000' },
      'is not an app of tenant',
      '/clientId',
    ],
    [
      'POST',
      '/tokens',
      { tenantID: TENANT },
      "body: unknown property 'tenantID' (did you mean 'tenantId'?)",
      '/tenantID',
    ],
    [
      'POST',
      '/tokens',
      { tenantId: TENANT, lifetimeSecond: 5 },
      "did you mean 'lifetimeSeconds'?",
      '/lifetimeSecond',
    ],
    [
      'POST',
      '/tokens',
      { tenantId: TENANT, lifetimeSeconds: 'x' },
      'body.lifetimeSeconds must be integer',
      '/lifetimeSeconds',
    ],
    [
      'PUT',
      `/tenants/${TENANT}/rate-limits`,
      { enabeld: false },
      "body: unknown property 'enabeld' (did you mean 'enabled'?)",
      '/enabeld',
    ],
    [
      'PUT',
      `/tenants/${TENANT}/rate-limits`,
      { limits: { unrestrictCodeExecutoin: [{ limit: 5, windowSeconds: 60 }] } },
      "unknown operationId 'unrestrictCodeExecutoin' (did you mean 'unrestrictCodeExecution'?)",
      '/limits/unrestrictCodeExecutoin',
    ],
    [
      'POST',
      '/faults',
      { match: { operationID: 'x' }, effect: { kind: 'status', status: 500 }, count: 1 },
      "body.match: unknown property 'operationID' (did you mean 'operationId'?)",
      '/match/operationID',
    ],
    [
      'POST',
      '/faults',
      { match: { operationId: 'nope' }, effect: { kind: 'status', status: 500 }, count: 1 },
      "body.match.operationId: unknown operationId 'nope'",
      '/match/operationId',
    ],
    [
      'POST',
      '/faults',
      { effect: { kind: 'explode' }, count: 1 },
      "body.effect.kind must be one of 'status', 'latency', 'drop'",
      '/effect/kind',
    ],
  ])('answers 400 with a clear message to %s %s %j', async (method, path, body, message, field) => {
    const { status, json } = await control(method, path, body);
    expect(status).toBe(400);
    expect(json.error.code).toBe('InvalidControlRequest');
    expect(json.error.message).toContain(message);
    if (field !== '') expect(json.error.field).toBe(field);
  });

  it('changes nothing when it refuses a request (a typo never half-applies)', async () => {
    const before = await control('GET', `/tenants/${TENANT}/rate-limits`);
    expect((await control('PUT', `/tenants/${TENANT}/rate-limits`, { enabeld: false })).status).toBe(400);
    expect((await control('GET', `/tenants/${TENANT}/rate-limits`)).json).toEqual(before.json);
    expect(
      (
        await control('POST', '/faults', {
          match: { operationID: 'x' },
          effect: { kind: 'status', status: 500 },
          count: 1,
        })
      ).status,
    ).toBe(400);
    expect((await control('GET', '/faults')).json.faults).toEqual([]);
  });

  it('answers an undecodable %-escape in a control path with a 404, not a 500', async () => {
    const { status, json } = await control('GET', '/tenants/%E0%A4%A');
    expect(status).toBe(404);
    expect(json.error.code).toBe('TenantNotFound');
  });

  it('answers 404 for an unknown tenant, machine or control route', async () => {
    expect((await control('GET', '/tenants/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(
      (await control('PATCH', `/tenants/${TENANT}/machines/${'f'.repeat(40)}`, { online: true })).status,
    ).toBe(404);
    const { status, json } = await control('GET', '/nothing-here');
    expect(status).toBe(404);
    expect(json.error.message).toContain('No control route');
  });
});

describe('seeding a backlog (history)', () => {
  const history = (n: number, machineId: string, startMs: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      type: i % 2 === 0 ? 'RestrictCodeExecution' : 'UnrestrictCodeExecution',
      requestor: 'Defender for Endpoint API',
      requestorComment: `backlog ${i}`,
      status: i % 5 === 4 ? 'Failed' : 'Succeeded',
      machineId,
      creationDateTimeUtc: formatTimestamp(startMs + i * 60_000),
      lastUpdateDateTimeUtc: formatTimestamp(startMs + i * 60_000 + 20_000),
    }));
  const machine = FABRIKAM.machines[0]!.id;
  const recent = Date.parse(START) - 24 * 3600 * 1000;

  it('stores a seed history as API actions: complete, wire-ordered, newest first, valid against the spec', async () => {
    const seeded = await control('POST', '/tenants', { ...FABRIKAM, history: history(25, machine, recent) });
    expect(seeded.status).toBe(201);
    const token = await sim.server.simulator.control.mintToken({
      tenantId: FABRIKAM.id,
      claims: { roles: ['Machine.Read.All'] },
    });
    const list = await sim.call('GET', `/api/machineactions?$filter=machineId eq '${machine}'&$top=3`, {
      token,
    });
    expect(list.status).toBe(200);
    expect(list.json.value.map((a: { requestorComment: string }) => a.requestorComment)).toEqual([
      'backlog 24',
      'backlog 23',
      'backlog 22',
    ]);
    const failed = list.json.value[0];
    expect(Object.keys(failed)).toEqual(
      Object.keys(history(1, machine, recent)[0]!).length ? Object.keys(failed) : [],
    );
    expect(failed).toMatchObject({
      status: 'Failed',
      errorHResult: -2147467259,
      requestSource: 'PublicApi',
      commands: [],
    });
    expect(Object.keys(failed).slice(0, 6)).toEqual([
      'id',
      'type',
      'title',
      'requestor',
      'requestorComment',
      'status',
    ]);
    expect(list.json['@odata.nextLink']).toContain('%24skip=3');
  });

  it.each([
    [{ status: 'Pending' }, '/history/0/status', 'must be final'],
    [{ machineId: 'f'.repeat(40) }, '/history/0/machineId', 'is not a machine of this seed'],
  ])('refuses a history entry %j with a 400 naming it', async (change, field, message) => {
    const [first] = history(1, machine, recent);
    const res = await control('POST', '/tenants', { ...FABRIKAM, history: [{ ...first, ...change }] });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe(field);
    expect(res.json.error.message).toContain(message);
  });

  it('refuses a history with a repeated id', async () => {
    const [first] = history(1, machine, recent);
    const res = await control('POST', '/tenants', { ...FABRIKAM, history: [first, first] });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('/history/1/id');
  });

  it('lets retention age a seeded backlog like any other (ended more than 30 days before the clock)', async () => {
    const old = history(3, machine, Date.parse(START) - 40 * 24 * 3600 * 1000);
    expect((await control('POST', '/tenants', { ...FABRIKAM, history: old })).status).toBe(201);
    expect((await control('GET', `/tenants/${FABRIKAM.id}/actions`)).json.actions).toEqual([]);
  });
});
