/**
 * Managed identities (IMDS form) and workload identity federation against a real server: msal-node's
 * ManagedIdentityApplication on the IMDS endpoint (AZURE_POD_IDENTITY_AUTHORITY_HOST; msal picks its source
 * once per process, so the App Service endpoint has its own file), then the tokens on the MDE API; a managed identity's
 * api://AzureADTokenExchange token as an app's client_assertion, and an external issuer's (a GitHub-Actions-
 * like token signed by a key whose JWKS is seeded) with the real AADSTS errors when nothing matches.
 */
import { ManagedIdentityApplication } from '@azure/msal-node';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MACHINE, startTestServer, TENANT, type TestServer } from '../helpers/sim-server.ts';
import {
  FEDERATED_APP,
  GITHUB_ISSUER,
  GITHUB_SUBJECT,
  MDE,
  managedIdentityTenant,
  USER,
} from './managed-identity-fixture.ts';

let sim: TestServer;
let github: Awaited<ReturnType<typeof generateKeyPair>>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  github = await generateKeyPair('RS256');
  const tenant = await managedIdentityTenant(github);
  sim = await startTestServer({ tenants: [tenant], clock: { mode: 'frozen' } });
});
afterAll(() => sim?.close());
afterEach(() => {
  for (const name of ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'AZURE_POD_IDENTITY_AUTHORITY_HOST']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

function imds(): void {
  process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST = sim.url;
}

async function tokenFor(
  params: ConstructorParameters<typeof ManagedIdentityApplication>[0],
  resource = MDE,
): Promise<string> {
  const app = new ManagedIdentityApplication(params);
  return (await app.acquireToken({ resource, forceRefresh: true })).accessToken;
}

describe('managed identity with msal-node ManagedIdentityApplication', () => {
  it('IMDS: a user-assigned identity by client id, object id and resource id, whose token unrestricts', async () => {
    imds();
    const byClientId = await tokenFor({ managedIdentityIdParams: { userAssignedClientId: USER.clientId } });
    const byObjectId = await tokenFor({ managedIdentityIdParams: { userAssignedObjectId: USER.objectId } });
    const byResourceId = await tokenFor({
      managedIdentityIdParams: { userAssignedResourceId: USER.resourceId },
    });
    // msal chose the IMDS source: every request went to the IMDS path.
    const paths = sim.server.simulator.control.journal().map((entry) => entry.path);
    expect(paths.filter((p) => p.startsWith('/metadata/identity/oauth2/token'))).toHaveLength(3);
    expect(paths.some((p) => p.startsWith('/msi/'))).toBe(false);
    for (const token of [byClientId, byObjectId, byResourceId]) {
      expect(decodeJwt(token)).toMatchObject({ appid: USER.clientId, oid: USER.objectId, roles: USER.roles });
    }
    const unrestrict = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      token: byResourceId,
      body: { Comment: 'from MDEAutomator' },
    });
    expect(unrestrict.status).toBe(201);
    expect(unrestrict.json.requestor).toBe('mdeautomator');
  });

  it('IMDS refuses a request without Metadata: true, and an identity that is not seeded', async () => {
    const noHeader = await fetch(
      `${sim.url}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${MDE}`,
    );
    expect(noHeader.status).toBe(400);
    expect(await noHeader.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Required metadata header not specified',
    });
    imds();
    await expect(
      tokenFor({ managedIdentityIdParams: { userAssignedClientId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' } }),
    ).rejects.toThrow(/Identity not found/);
  });
});

async function exchange(assertion: string) {
  const answer = await fetch(`${sim.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: FEDERATED_APP,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: `${MDE}/.default`,
    }),
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

function githubToken(claims: { sub?: string; aud?: string; iss?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'gh1' })
    .setIssuer(claims.iss ?? GITHUB_ISSUER)
    .setSubject(claims.sub ?? GITHUB_SUBJECT)
    .setAudience(claims.aud ?? 'api://AzureADTokenExchange')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(github.privateKey);
}

describe('workload identity federation (client_assertion from a federated credential)', () => {
  it("accepts the user-assigned identity's api://AzureADTokenExchange token as the app's assertion", async () => {
    imds();
    const assertion = await tokenFor(
      { managedIdentityIdParams: { userAssignedClientId: USER.clientId } },
      'api://AzureADTokenExchange',
    );
    expect(decodeJwt(assertion)).toMatchObject({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      sub: USER.objectId,
      aud: 'api://AzureADTokenExchange',
    });
    const answer = await exchange(assertion);
    expect(answer.status).toBe(200);
    expect(decodeJwt(String(answer.body.access_token))).toMatchObject({
      appid: FEDERATED_APP,
      appidacr: '2',
      roles: ['Machine.RestrictExecution', 'Machine.Read.All'],
    });
    // The exchange token itself is no MDE token.
    expect((await sim.call('GET', `/api/machines/${MACHINE}`, { token: assertion })).status).not.toBe(200);
  });

  it("accepts an external issuer's token signed by the seeded JWKS", async () => {
    expect((await exchange(await githubToken())).status).toBe(200);
  });

  it.each([
    ['issuer', { iss: 'https://token.actions.githubusercontent.example' }, 700211],
    ['subject', { sub: 'repo:contoso/soar:ref:refs/heads/feature' }, 700213],
    ['audience', { aud: 'api://SomethingElse' }, 700212],
  ] as const)('refuses a mismatched %s with its AADSTS error', async (_what, claims, code) => {
    const answer = await exchange(await githubToken(claims));
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe('invalid_client');
    expect(answer.body.error_codes).toEqual([code]);
    expect(String(answer.body.error_description)).toMatch(
      new RegExp(`^AADSTS${code}: No matching federated identity record found for presented assertion`),
    );
  });

  it('refuses a token signed by a key the credential does not publish', async () => {
    const other = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'gh1' })
      .setIssuer(GITHUB_ISSUER)
      .setSubject(GITHUB_SUBJECT)
      .setAudience('api://AzureADTokenExchange')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(other.privateKey);
    const answer = await exchange(forged);
    expect(answer.status).toBe(401);
    expect(answer.body.error_codes).toEqual([700027]);
  });
});
