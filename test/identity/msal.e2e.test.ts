/**
 * End to end with the unmodified @azure/msal-node ConfidentialClientApplication against the identity provider
 * hosted on a real HTTPS server on 127.0.0.1, port 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AuthError,
  ConfidentialClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock, SimRequest } from '../../mock/core/types.ts';
import { createStaticDirectory, type DirectoryTenant } from '../../mock/identity/directory.ts';
import { createIdentityProvider, type IdentityProvider } from '../../mock/identity/token-issuer.ts';
import { loadOrCreateAppCertificate, loadOrCreateTls } from '../../mock/server/tls.ts';

const TENANT_ID = '0f3c1a2b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const SECRET_APP = 'a1b2c3d4-0000-4000-8000-000000000001';
const CERT_APP = 'a1b2c3d4-0000-4000-8000-000000000002';
const USER_APP = 'a1b2c3d4-0000-4000-8000-000000000003';
const USER_OID = 'a1b2c3d4-0000-4000-8000-0000000000aa';
const MDE_SCOPE = 'https://api.securitycenter.microsoft.com/.default';

// msal signs client assertions with the wall clock, so this test clock starts at wall time (and never moves).
const clock: Clock = { now: () => startMs, sleep: async () => {} };
const startMs = Date.now();

let stateDir: string;
let server: Server;
let agent: Agent;
let idp: IdentityProvider;
let knownAuthority: string;
let networkClient: INetworkModule;
let certificate: Awaited<ReturnType<typeof loadOrCreateAppCertificate>>;
const calls: string[] = [];

/**
 * msal-node 7 sends its requests with the global `fetch`, which trusts only the built-in CAs (plus
 * NODE_EXTRA_CA_CERTS, read once at process start and so not settable from inside a test). msal's own
 * extension point for this is `system.networkClient`: this one is undici with an Agent that trusts the
 * simulator's CA, and nothing else changes in msal.
 */
function caTrustingNetworkClient(dispatcher: Agent): INetworkModule {
  const send = async <T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions) => {
    const response = await request(url, {
      method,
      dispatcher,
      ...(options?.headers === undefined ? {} : { headers: options.headers }),
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return {
      headers,
      body: (await response.body.json()) as T,
      status: response.statusCode,
    } satisfies NetworkResponse<T>;
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

function toSimRequest(req: import('node:http').IncomingMessage, body: string, origin: string): SimRequest {
  const url = new URL(req.url ?? '/', origin);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    origin,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: body === '' ? undefined : body,
  };
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'mde-sim-msal-'));
  const tls = await loadOrCreateTls(stateDir);
  certificate = await loadOrCreateAppCertificate(stateDir, 'mde-sim-cert-app');
  const tenant: DirectoryTenant = {
    id: TENANT_ID,
    domain: 'contoso.onmicrosoft.com',
    displayName: 'Contoso',
    apps: [
      {
        clientId: SECRET_APP,
        displayName: 'MDE Secret App',
        clientSecret: 'demo-secret',
        roles: ['Machine.RestrictExecution'],
      },
      {
        clientId: CERT_APP,
        displayName: 'MDE Cert App',
        certificatePem: certificate.certPem,
        roles: ['Machine.Isolate'],
      },
      {
        clientId: USER_APP,
        displayName: 'MDE Delegated App',
        clientSecret: 'user-app-secret',
        roles: [],
        delegatedScopes: ['Machine.Read', 'Machine.RestrictExecution'],
      },
    ],
    users: [
      {
        objectId: USER_OID,
        userPrincipalName: 'analyst@contoso.onmicrosoft.com',
        displayName: 'Ana Analyst',
        password: 'Pa55w.rd',
        mdeRoles: ['Active remediation actions'],
        deviceGroups: ['*'],
      },
    ],
  };
  idp = createIdentityProvider({ clock, directory: createStaticDirectory([tenant]) });

  server = createServer({ cert: tls.serverCertPem, key: tls.serverKeyPem }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const origin = `https://${req.headers.host}`;
      const simRequest = toSimRequest(req, body, origin);
      calls.push(`${simRequest.method} ${simRequest.path}`);
      idp.handle(simRequest).then(
        (answer) => {
          if (answer === undefined) {
            res.writeHead(404).end();
            return;
          }
          res.writeHead(answer.status, answer.headers).end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(500).end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  knownAuthority = `127.0.0.1:${port}`;
  // Short keep-alive so teardown does not wait on idle sockets.
  agent = new Agent({ connect: { ca: tls.caCertPem }, keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  networkClient = caTrustingNetworkClient(agent);
});

afterAll(async () => {
  await agent?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await rm(stateDir, { recursive: true, force: true });
});

function msal(auth: Configuration['auth'], tenant = TENANT_ID): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { ...auth, authority: `https://${knownAuthority}/${tenant}`, knownAuthorities: [knownAuthority] },
    system: { networkClient },
  });
}

describe('msal-node against the offline Entra ID', () => {
  it('gets an app token with a client secret, calling only openid-configuration and token', async () => {
    calls.length = 0;
    const result = await msal({
      clientId: SECRET_APP,
      clientSecret: 'demo-secret',
    }).acquireTokenByClientCredential({
      scopes: [MDE_SCOPE],
    });
    expect(calls).toEqual([
      `GET /${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      `POST /${TENANT_ID}/oauth2/v2.0/token`,
    ]);
    const verified = await idp.verifyAccessToken(result!.accessToken);
    expect(verified).toMatchObject({
      ok: true,
      claims: { appid: SECRET_APP, appidacr: '1', roles: ['Machine.RestrictExecution'], tid: TENANT_ID },
    });
    // As with the real service: a client-credentials result has no ID token, so msal reports no tenantId.
    expect(result!.tenantId).toBe('');
  });

  it('gets an app token with a certificate (PS256 assertion, x5t#S256)', async () => {
    calls.length = 0;
    const result = await msal({
      clientId: CERT_APP,
      clientCertificate: {
        thumbprintSha256: certificate.thumbprintSha256Hex,
        privateKey: certificate.privateKeyPem,
      },
    }).acquireTokenByClientCredential({ scopes: [MDE_SCOPE] });
    expect(calls).toEqual([
      `GET /${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      `POST /${TENANT_ID}/oauth2/v2.0/token`,
    ]);
    expect(await idp.verifyAccessToken(result!.accessToken)).toMatchObject({
      ok: true,
      claims: { appid: CERT_APP, appidacr: '2', roles: ['Machine.Isolate'] },
    });
  });

  it('accepts the tenant domain as authority, certificate assertion included', async () => {
    calls.length = 0;
    const result = await msal(
      {
        clientId: CERT_APP,
        clientCertificate: {
          thumbprintSha256: certificate.thumbprintSha256Hex,
          privateKey: certificate.privateKeyPem,
        },
      },
      'contoso.onmicrosoft.com',
    ).acquireTokenByClientCredential({ scopes: [MDE_SCOPE] });
    // msal maps the tenant id in the discovered endpoints back to the authority it was given.
    expect(calls).toEqual([
      'GET /contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
      'POST /contoso.onmicrosoft.com/oauth2/v2.0/token',
    ]);
    expect((await idp.verifyAccessToken(result!.accessToken)).ok).toBe(true);
  });

  it('gets a delegated token with username and password', async () => {
    calls.length = 0;
    const result = await msal({
      clientId: USER_APP,
      clientSecret: 'user-app-secret',
    }).acquireTokenByUsernamePassword({
      scopes: [MDE_SCOPE],
      username: 'analyst@contoso.onmicrosoft.com',
      password: 'Pa55w.rd',
    });
    expect(calls).toEqual([
      `GET /${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      `POST /${TENANT_ID}/oauth2/v2.0/token`,
    ]);
    expect(await idp.verifyAccessToken(result!.accessToken)).toMatchObject({
      ok: true,
      claims: {
        appid: USER_APP,
        oid: USER_OID,
        upn: 'analyst@contoso.onmicrosoft.com',
        scp: 'Machine.Read Machine.RestrictExecution',
      },
    });
    expect(result!.account?.username).toBe('analyst@contoso.onmicrosoft.com');
    expect(result!.account?.homeAccountId).toBe(`${USER_OID}.${TENANT_ID}`);
  });

  it('surfaces a wrong secret as msal error invalid_client carrying AADSTS7000215', async () => {
    const failure = await msal({ clientId: SECRET_APP, clientSecret: 'wrong-secret' })
      .acquireTokenByClientCredential({ scopes: [MDE_SCOPE] })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(AuthError);
    const error = failure as AuthError & { errorNo?: string };
    expect(error.errorCode).toBe('invalid_client');
    expect(error.errorMessage).toContain('AADSTS7000215');
    expect(String(error.errorNo)).toBe('7000215');
  });
});
