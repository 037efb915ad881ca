/**
 * Authentication and authorization as MDE answers them, with tokens from unmodified msal-node against
 * the running simulator over HTTPS (mde-api.md §4, §6 and the decisions on 401/403).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { pino } from 'pino';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UndiciNetworkClient } from '../../client/index.ts';
import { demoTenant } from '../../mock/core/demo-tenant.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { loadOrCreateAppCertificate } from '../../mock/server/tls.ts';
import {
  CONSOLE_APP,
  MACHINE,
  READER_APP,
  SERVER_MACHINE,
  SOAR_APP,
  START,
  TENANT,
} from '../helpers/sim-server.ts';

const SCOPE = 'https://api.securitycenter.microsoft.com/.default';
const SOAR_SECRET = 'demo-soar-secret~8Qm2vX4kP9tL';
const READER_SECRET = 'demo-reporter-secret~3Zr7nB1wH6sD';
const UNAUTHORIZED = {
  code: 'Unauthorized',
  message: 'Unauthorized (invalid or expired authorization header).',
};

let server: RunningServer;
let agent: Agent;
let certificate: Awaited<ReturnType<typeof loadOrCreateAppCertificate>>;
let logText = '';
const issuedTokens: string[] = [];

beforeAll(async () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-auth-'));
  certificate = await loadOrCreateAppCertificate(stateDir, 'soar-playbook');
  const seed = demoTenant();
  seed.apps[0]!.certificatePem = certificate.certPem;
  const other = demoTenant();
  other.id = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
  other.domain = 'fabrikam-demo.onmicrosoft.com';
  other.machines = [{ id: 'aaaabbbbccccddddeeeeffff0000111122223333', computerDnsName: 'fabrikam-01' }];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logText += chunk.toString();
      done();
    },
  });
  server = await startServer({
    port: 0,
    httpsPort: 0,
    stateDir,
    logger: pino({ level: 'debug' }, logStream),
    simulator: { tenants: [seed, other], clock: { mode: 'frozen', startAt: START }, seed: 'auth' },
  });
  agent = new Agent({ connect: { ca: server.caCertPem! }, keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
});
afterAll(async () => {
  await agent?.close();
  await server?.close();
});

function msalApp(auth: {
  clientId: string;
  clientSecret?: string;
  clientCertificate?: { thumbprintSha256: string; privateKey: string };
}) {
  const host = new URL(server.httpsUrl!).host;
  return new ConfidentialClientApplication({
    auth: { ...auth, authority: `${server.httpsUrl}/${TENANT}`, knownAuthorities: [host] },
    system: { networkClient: new UndiciNetworkClient(server.caCertPem!, { keepAliveTimeoutMs: 10 }) },
  });
}

async function appToken(clientId: string, clientSecret: string): Promise<string> {
  const result = await msalApp({ clientId, clientSecret }).acquireTokenByClientCredential({
    scopes: [SCOPE],
  });
  issuedTokens.push(result!.accessToken);
  return result!.accessToken;
}

async function userToken(username: string, password: string): Promise<string> {
  const host = new URL(server.httpsUrl!).host;
  const app = new PublicClientApplication({
    auth: { clientId: CONSOLE_APP, authority: `${server.httpsUrl}/${TENANT}`, knownAuthorities: [host] },
    system: { networkClient: new UndiciNetworkClient(server.caCertPem!, { keepAliveTimeoutMs: 10 }) },
  });
  const result = await app.acquireTokenByUsernamePassword({ scopes: [SCOPE], username, password });
  issuedTokens.push(result!.accessToken);
  return result!.accessToken;
}

async function call(method: string, path: string, authorization: string | undefined, body?: object) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await request(`${server.httpsUrl}${path}`, {
    method: method as 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    dispatcher: agent,
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

const unrestrict = (machine: string) => `/api/machines/${machine}/unrestrictCodeExecution`;
const mint = (o: Parameters<RunningServer['simulator']['control']['mintToken']>[0]) =>
  server.simulator.control.mintToken(o).then((t) => {
    issuedTokens.push(t);
    return t;
  });

describe('tokens from unmodified msal-node over HTTPS', () => {
  it('calls unrestrict with a client-secret token: 201, requestor = the app display name', async () => {
    const token = await appToken(SOAR_APP, SOAR_SECRET);
    const res = await call('POST', unrestrict(MACHINE), `Bearer ${token}`, { Comment: 'secret' });
    expect(res.status).toBe(201);
    expect(res.json.requestor).toBe('SOAR Playbook Automation');
    expect(res.json['@odata.context']).toBe(`${server.httpsUrl}/api/$metadata#MachineActions/$entity`);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('calls the API with a certificate (client_assertion) token', async () => {
    const result = await msalApp({
      clientId: SOAR_APP,
      clientCertificate: {
        thumbprintSha256: certificate.thumbprintSha256Hex,
        privateKey: certificate.privateKeyPem,
      },
    }).acquireTokenByClientCredential({ scopes: [SCOPE] });
    issuedTokens.push(result!.accessToken);
    const res = await call('GET', `/api/machines/${MACHINE}`, `Bearer ${result!.accessToken}`);
    expect(res.status).toBe(200);
  });

  it('surfaces a wrong client secret as msal invalid_client / AADSTS7000215', async () => {
    await expect(appToken(SOAR_APP, 'not-the-secret')).rejects.toMatchObject({ errorCode: 'invalid_client' });
  });
});

describe('401: the token cannot be trusted', () => {
  it.each([
    ['no Authorization header', async () => undefined],
    ['a Basic scheme', async () => 'Basic c29hcjpzZWNyZXQ='],
    ['a malformed JWT', async () => 'Bearer not.a.jwt'],
    [
      'a bad signature',
      async () => `Bearer ${await mint({ tenantId: TENANT, clientId: SOAR_APP, signWith: 'untrusted' })}`,
    ],
    [
      'an expired token',
      async () =>
        `Bearer ${await mint({ tenantId: TENANT, clientId: SOAR_APP, claims: { exp: Date.parse(START) / 1000 - 1 } })}`,
    ],
    [
      'a not-yet-valid token',
      async () =>
        `Bearer ${await mint({ tenantId: TENANT, clientId: SOAR_APP, claims: { nbf: Date.parse(START) / 1000 + 600 } })}`,
    ],
    [
      'a wrong issuer',
      async () =>
        `Bearer ${await mint({ tenantId: TENANT, clientId: SOAR_APP, claims: { iss: 'https://sts.windows.net/11111111-1111-1111-1111-111111111111/' } })}`,
    ],
  ])('answers 401 Unauthorized to %s', async (_name, authorization) => {
    const res = await call('POST', unrestrict(MACHINE), await authorization(), { Comment: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json.error).toMatchObject(UNAUTHORIZED);
    expect(res.json.error.target).toMatch(/^\|[0-9a-f]{8}-[0-9a-f]{16}\.$/);
  });

  it('answers 401 once the clock passes the token expiry', async () => {
    const token = await mint({ tenantId: TENANT, clientId: SOAR_APP });
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).status).toBe(200);
    server.simulator.clock.advance(3_601_000);
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).status).toBe(401);
    server.simulator.clock.setTime(START);
  });

  it('answers 401 for a token signed by a key rotated out twice (unknown kid)', async () => {
    const token = await mint({ tenantId: TENANT, clientId: SOAR_APP });
    await server.simulator.control.rotateSigningKeys();
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).status).toBe(200);
    await server.simulator.control.rotateSigningKeys();
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).json.error).toMatchObject(
      UNAUTHORIZED,
    );
  });
});

describe('403: a valid token without the permission', () => {
  it('answers 403 to a token for another audience', async () => {
    const token = await mint({
      tenantId: TENANT,
      clientId: SOAR_APP,
      claims: { aud: 'https://graph.microsoft.com' },
    });
    const res = await call('POST', unrestrict(MACHINE), `Bearer ${token}`, { Comment: 'x' });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'Forbidden',
      message: 'Forbidden (valid token but insufficient permission for the action).',
    });
  });

  it('names the missing application role in the 2026 wording', async () => {
    const res = await call(
      'POST',
      unrestrict(MACHINE),
      `Bearer ${await appToken(READER_APP, READER_SECRET)}`,
      { Comment: 'x' },
    );
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'Forbidden',
      message:
        'Missing application roles. API required roles: Machine.RestrictExecution, application roles: Machine.Read.All.',
    });
  });

  it('accepts every documented audience', async () => {
    for (const aud of [
      'https://api.security.microsoft.com',
      'https://api.securitycenter.windows.com',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
    ]) {
      const token = await mint({ tenantId: TENANT, clientId: SOAR_APP, claims: { aud } });
      expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).status, aud).toBe(200);
    }
  });

  it('lets a delegated user with the role and device-group access remove the restriction; requestor = UPN', async () => {
    const token = await userToken('alex.analyst@contoso-demo.onmicrosoft.com', 'demo-Analyst-Pa55!');
    const res = await call('POST', unrestrict(SERVER_MACHINE), `Bearer ${token}`, { Comment: 'by Alex' });
    expect(res.status).toBe(201);
    expect(res.json.requestor).toBe('alex.analyst@contoso-demo.onmicrosoft.com');
  });

  it("refuses a user without 'Active remediation actions' with 403", async () => {
    const token = await userToken('victor.viewer@contoso-demo.onmicrosoft.com', 'demo-Viewer-Pa55!');
    const res = await call('POST', unrestrict(MACHINE), `Bearer ${token}`, { Comment: 'x' });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(
      "The user doesn't have the required role permission: Active remediation actions.",
    );
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${token}`)).status).toBe(200);
  });

  it("refuses a user outside the machine's device group with 403, for that machine only", async () => {
    const token = await userToken('hana.helpdesk@contoso-demo.onmicrosoft.com', 'demo-Helpdesk-Pa55!');
    const denied = await call('POST', unrestrict(SERVER_MACHINE), `Bearer ${token}`, { Comment: 'x' });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toBe(
      `The user doesn't have access to machine ${SERVER_MACHINE} (device group settings).`,
    );
    expect(
      (
        await call('POST', unrestrict('49e96a8dd67ac4f1ce9952ccedcde711f0ce28e9'), `Bearer ${token}`, {
          Comment: 'x',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a delegated token without the Machine.RestrictExecution scope', async () => {
    const token = await mint({
      tenantId: TENANT,
      clientId: CONSOLE_APP,
      user: 'alex.analyst@contoso-demo.onmicrosoft.com',
      claims: { scp: 'Machine.Read' },
    });
    const res = await call('POST', unrestrict(MACHINE), `Bearer ${token}`, { Comment: 'x' });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(
      'Missing delegated scopes. API required scopes: Machine.RestrictExecution, token scopes: Machine.Read.',
    );
  });
});

describe('tenant isolation and secrecy', () => {
  it("never shows one tenant's machines to another tenant's token", async () => {
    const fabrikam = await mint({ tenantId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', clientId: SOAR_APP });
    expect((await call('GET', `/api/machines/${MACHINE}`, `Bearer ${fabrikam}`)).status).toBe(404);
    expect(
      (await call('GET', '/api/machines/aaaabbbbccccddddeeeeffff0000111122223333', `Bearer ${fabrikam}`))
        .status,
    ).toBe(200);
    const contoso = await mint({ tenantId: TENANT, clientId: SOAR_APP });
    expect(
      (await call('GET', '/api/machines/aaaabbbbccccddddeeeeffff0000111122223333', `Bearer ${contoso}`))
        .status,
    ).toBe(404);
  });

  it('keeps tokens, secrets and passwords out of the logs and the journal', async () => {
    await call('POST', '/_sim/clock', undefined, { advanceMs: 0 });
    const journal = JSON.stringify(server.simulator.control.journal());
    const haystack = `${journal}\n${logText}`;
    expect(issuedTokens.length).toBeGreaterThan(5);
    for (const token of issuedTokens) expect(haystack).not.toContain(token.split('.')[2]);
    for (const secret of [
      SOAR_SECRET,
      READER_SECRET,
      'not-the-secret',
      'demo-Analyst-Pa55!',
      'demo-Viewer-Pa55!',
      certificate.privateKeyPem.slice(40, 80),
    ]) {
      expect(haystack).not.toContain(secret);
    }
    expect(journal).toContain('Bearer [redacted]');
  });
});
