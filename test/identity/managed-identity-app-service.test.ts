/**
 * Managed identity on the App Service endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER), with msal-node's
 * ManagedIdentityApplication (which picks its source once per process, hence a file of its own).
 */
import { ManagedIdentityApplication } from '@azure/msal-node';
import { decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SERVICE_IDENTITY_HEADER } from '../../mock/identity/managed-identity.ts';
import { MACHINE, startTestServer, type TestServer } from '../helpers/sim-server.ts';
import { MDE, managedIdentityTenant, SYSTEM, USER } from './managed-identity-fixture.ts';

let sim: TestServer;
const savedEnv = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  sim = await startTestServer({
    tenants: [await managedIdentityTenant(await generateKeyPair('RS256'))],
    clock: { mode: 'frozen' },
  });
  process.env.IDENTITY_ENDPOINT = `${sim.url}/msi/token`;
  process.env.IDENTITY_HEADER = APP_SERVICE_IDENTITY_HEADER;
});
afterAll(async () => {
  for (const [name, value] of [
    ['IDENTITY_ENDPOINT', savedEnv.endpoint],
    ['IDENTITY_HEADER', savedEnv.header],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await sim?.close();
});

async function tokenFor(
  params: ConstructorParameters<typeof ManagedIdentityApplication>[0],
): Promise<string> {
  const app = new ManagedIdentityApplication(params);
  return (await app.acquireToken({ resource: MDE, forceRefresh: true })).accessToken;
}

describe('managed identity on the App Service endpoint, with msal-node', () => {
  it('App Service: the system-assigned identity gets a token with its roles, which reads but may not unrestrict', async () => {
    const token = await tokenFor({});
    expect(decodeJwt(token)).toMatchObject({
      aud: MDE,
      appid: SYSTEM.clientId,
      oid: SYSTEM.objectId,
      roles: ['Machine.Read.All'],
      xms_mirid: SYSTEM.resourceId,
    });
    expect((await sim.call('GET', `/api/machines/${MACHINE}`, { token })).status).toBe(200);
    const unrestrict = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      token,
      body: { Comment: 'from the playbook' },
    });
    expect(unrestrict.status).toBe(403);
  });

  it('App Service: a user-assigned identity by resource id (mi_res_id)', async () => {
    const token = await tokenFor({ managedIdentityIdParams: { userAssignedResourceId: USER.resourceId } });
    expect(decodeJwt(token)).toMatchObject({ appid: USER.clientId, roles: USER.roles });
    const paths = sim.server.simulator.control.journal().map((entry) => entry.path);
    expect(paths).toContain('/msi/token');
    expect(paths.some((p) => p.startsWith('/metadata/'))).toBe(false);
  });

  it('App Service refuses a wrong IDENTITY_HEADER', async () => {
    const answer = await fetch(`${sim.url}/msi/token?api-version=2019-08-01&resource=${MDE}`, {
      headers: { 'x-identity-header': 'guessed' },
    });
    expect(answer.status).toBe(401);
  });
});
