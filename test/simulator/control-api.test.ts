import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
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

const FABRIKAM = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  domain: 'fabrikam.onmicrosoft.com',
  displayName: 'Fabrikam',
  apps: [
    {
      clientId: '11112222-3333-4444-8555-666677778888',
      displayName: 'Fab SOAR',
      clientSecret: 's3cret',
      roles: ['Machine.RestrictExecution'],
    },
  ],
  users: [],
  machines: [
    { id: 'aaaabbbbccccddddeeeeffff0000111122223333', computerDnsName: 'fab-01', sim: { restricted: true } },
  ],
};

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
    expect(demo.machines).toHaveLength(6);
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
    ['POST', '/tenants', '{not json', 'body is not valid JSON'],
    ['POST', '/tenants', { id: 'nope' }, 'tenant id must be a GUID'],
    [
      'POST',
      '/tenants',
      { ...FABRIKAM, machines: [{ id: 'short', computerDnsName: 'x' }] },
      'machines[0].id must be 40 hex characters',
    ],
    ['PATCH', `/tenants/${TENANT}/machines/${MACHINE}`, { online: 'yes' }, 'online must be true or false'],
    ['PATCH', `/tenants/${TENANT}/machines/${MACHINE}`, { colour: 'red' }, 'colour is not a machine setting'],
    ['POST', '/clock', { advanceMs: -5 }, 'advanceMs must be a number'],
    ['POST', '/clock', { mode: 'paused' }, "mode must be 'frozen' or 'running'"],
    ['GET', '/journal?limit=abc', undefined, 'limit must be a positive integer'],
    [
      'POST',
      '/tokens',
      { tenantId: TENANT, clientId: '00000000-0000-4000-8000-000000000000' },
      'is not an app of tenant',
    ],
  ])('answers 400 with a clear message to %s %s %j', async (method, path, body, message) => {
    const { status, json } = await control(method, path, body);
    expect(status).toBe(400);
    expect(json.error.code).toBe('InvalidControlRequest');
    expect(json.error.message).toContain(message);
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
