import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  importPKCS8,
  type JSONWebKeySet,
  jwtVerify,
  SignJWT,
} from 'jose';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock, SimRequest, SimResponse } from '../core/types.ts';
import { certificateThumbprints } from './client-assertion.ts';
import { createStaticDirectory, type DirectoryTenant } from './directory.ts';
import { createIdentityProvider, type IdentityProviderOptions } from './token-issuer.ts';

const ORIGIN = 'https://127.0.0.1:8443';
const TENANT_ID = '6de90c16-b0cb-4759-86b3-5601aec49b50';
const DOMAIN = 'contoso.onmicrosoft.com';
const SECRET_APP = '11111111-2222-4333-8444-555555555555';
const CERT_APP = '22222222-3333-4444-8555-666666666666';
const USER_APP = '33333333-4444-4555-8666-777777777777';
const PUBLIC_APP = '44444444-5555-4666-8777-888888888888';
const NO_ROLES_APP = '55555555-6666-4777-8888-999999999999';
const USER_OID = '99999999-8888-4777-8666-555555555555';
const MDE = 'https://api.securitycenter.microsoft.com';
const START_MS = Date.UTC(2026, 10, 29, 1, 2, 3, 456);

interface TestClock extends Clock {
  advance(ms: number): void;
}

function testClock(startMs = START_MS): TestClock {
  let now = startMs;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}

let certificate: { certPem: string; privateKeyPem: string; sha256Hex: string; sha1Hex: string };
let otherCertificate: { privateKeyPem: string };

beforeAll(async () => {
  const made = await generate([{ name: 'commonName', value: 'cert-app' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const other = await generate([{ name: 'commonName', value: 'other' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const thumbprints = await certificateThumbprints(made.cert);
  certificate = {
    certPem: made.cert,
    privateKeyPem: made.private,
    sha256Hex: thumbprints.sha256Hex,
    sha1Hex: thumbprints.sha1Hex,
  };
  otherCertificate = { privateKeyPem: other.private };
});

function tenant(): DirectoryTenant {
  return {
    id: TENANT_ID,
    domain: DOMAIN,
    displayName: 'Contoso',
    apps: [
      {
        clientId: SECRET_APP,
        displayName: 'MDE-HelloWorld',
        clientSecret: 'demo-secret',
        roles: ['Machine.Read.All', 'Machine.RestrictExecution'],
      },
      {
        clientId: CERT_APP,
        displayName: 'MDE-Cert',
        certificatePem: certificate.certPem,
        roles: ['Machine.Isolate'],
      },
      {
        clientId: USER_APP,
        displayName: 'MDE-Delegated',
        clientSecret: 'user-app-secret',
        roles: [],
        delegatedScopes: ['Machine.Read', 'Machine.RestrictExecution'],
      },
      {
        clientId: PUBLIC_APP,
        displayName: 'MDE-Public',
        roles: [],
        delegatedScopes: ['Machine.Read'],
        isPublicClient: true,
      },
      { clientId: NO_ROLES_APP, displayName: 'MDE-NoRoles', clientSecret: 'no-roles-secret', roles: [] },
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
}

function setup(overrides: Partial<IdentityProviderOptions> = {}) {
  const clock = testClock();
  const idp = createIdentityProvider({ clock, directory: createStaticDirectory([tenant()]), ...overrides });
  return { clock, idp };
}

function request(
  method: string,
  path: string,
  body?: Record<string, string>,
  headers: Record<string, string> = {},
): SimRequest {
  return {
    method,
    origin: ORIGIN,
    path,
    query: '',
    headers:
      body === undefined ? headers : { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body === undefined ? undefined : new URLSearchParams(body).toString(),
  };
}

async function token(
  idp: ReturnType<typeof setup>['idp'],
  form: Record<string, string>,
  tenantSegment = TENANT_ID,
  headers: Record<string, string> = {},
): Promise<SimResponse> {
  const response = await idp.handle(request('POST', `/${tenantSegment}/oauth2/v2.0/token`, form, headers));
  if (response === undefined) throw new Error('token endpoint did not answer');
  return response;
}

const secretGrant = {
  grant_type: 'client_credentials',
  client_id: SECRET_APP,
  client_secret: 'demo-secret',
  scope: `${MDE}/.default`,
};

async function assertion(options: {
  alg?: 'PS256' | 'RS256';
  privateKeyPem?: string;
  aud?: string;
  iss?: string;
  nowSeconds?: number;
  thumbprint?: 'sha256' | 'sha1';
}): Promise<string> {
  const alg = options.alg ?? 'PS256';
  const key = await importPKCS8(options.privateKeyPem ?? certificate.privateKeyPem, alg);
  const now = options.nowSeconds ?? Math.floor(START_MS / 1000);
  const header =
    options.thumbprint === 'sha1'
      ? { alg, x5t: hexToBase64Url(certificate.sha1Hex) }
      : { alg, 'x5t#S256': hexToBase64Url(certificate.sha256Hex) };
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader(header)
    .setAudience(options.aud ?? `${ORIGIN}/${TENANT_ID}/oauth2/v2.0/token`)
    .setIssuer(options.iss ?? CERT_APP)
    .setSubject(options.iss ?? CERT_APP)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(key);
}

function hexToBase64Url(hex: string): string {
  const bytes = Uint8Array.from(hex.match(/../g)!, (h) => Number.parseInt(h, 16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function certGrant(clientAssertion: string) {
  return {
    grant_type: 'client_credentials',
    client_id: CERT_APP,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion,
    scope: `${MDE}/.default`,
  };
}

const passwordGrant = {
  grant_type: 'password',
  client_id: USER_APP,
  client_secret: 'user-app-secret',
  username: 'analyst@contoso.onmicrosoft.com',
  password: 'Pa55w.rd',
  scope: `${MDE}/.default openid profile offline_access`,
  client_info: '1',
};

function json(response: SimResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

async function expectAadsts(
  response: SimResponse | undefined,
  status: number,
  error: string,
  code: number,
  descriptionStart: string,
) {
  expect(response).toBeDefined();
  const body = json(response!);
  expect({ status: response!.status, error: body.error, codes: body.error_codes }).toEqual({
    status,
    error,
    codes: [code],
  });
  expect(String(body.error_description).startsWith(`AADSTS${code}: ${descriptionStart}`)).toBe(true);
  expect(response!.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(response!.headers['cache-control']).toBe('no-store, no-cache');
  expect(body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${code}`);
}

describe('client credentials with a secret', () => {
  it('issues a v1.0 MDE app token with the real claims in the real order', async () => {
    const { idp } = setup();
    const response = await token(idp, secretGrant);
    expect(response.status).toBe(200);
    const body = json(response);
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const accessToken = String(body.access_token);
    const claims = decodeJwt(accessToken);
    expect(Object.keys(claims)).toEqual([
      'aud',
      'iss',
      'iat',
      'nbf',
      'exp',
      'aio',
      'app_displayname',
      'appid',
      'appidacr',
      'idp',
      'oid',
      'rh',
      'roles',
      'sub',
      'tenant_region_scope',
      'tid',
      'uti',
      'ver',
    ]);
    const now = Math.floor(START_MS / 1000);
    expect(claims).toMatchObject({
      aud: MDE,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      idp: `https://sts.windows.net/${TENANT_ID}/`,
      iat: now - 300,
      nbf: now - 300,
      exp: now - 300 + 3900,
      app_displayname: 'MDE-HelloWorld',
      appid: SECRET_APP,
      appidacr: '1',
      roles: ['Machine.Read.All', 'Machine.RestrictExecution'],
      tenant_region_scope: 'NA',
      tid: TENANT_ID,
      ver: '1.0',
    });
    expect(claims.sub).toBe(claims.oid);
    expect(claims.rh).toBe('0.AQcAFgzpbcuwWUeGs1YBrsSbUGUEePwXINRAoMUwcCJHG5L_AAA.');
    const header = decodeProtectedHeader(accessToken);
    expect(header).toEqual({ typ: 'JWT', alg: 'RS256', kid: header.kid });
    expect((await idp.jwks()).keys.map((k) => k.kid)).toContain(header.kid);
  });

  it('gives the same service principal object id to every token of an app', async () => {
    const { idp } = setup();
    const first = decodeJwt(String(json(await token(idp, secretGrant)).access_token));
    const second = decodeJwt(String(json(await token(idp, secretGrant)).access_token));
    expect(first.oid).toBe(second.oid);
    expect(first.uti).not.toBe(second.uti);
  });

  it('sets aud to the resource of the .default scope, for each accepted audience', async () => {
    const { idp } = setup();
    for (const audience of [
      'https://api.securitycenter.microsoft.com',
      'https://api.security.microsoft.com',
      'https://api.securitycenter.windows.com',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
    ]) {
      const response = await token(idp, { ...secretGrant, scope: `${audience}/.default` });
      expect(decodeJwt(String(json(response).access_token)).aud).toBe(audience);
    }
  });

  it('accepts the tenant by domain and answers with the tenant id in the token', async () => {
    const { idp } = setup();
    const response = await token(idp, secretGrant, DOMAIN);
    expect(decodeJwt(String(json(response).access_token)).tid).toBe(TENANT_ID);
  });

  it('accepts client_secret_basic', async () => {
    const { idp } = setup();
    const { client_secret: _secret, client_id: _id, ...rest } = secretGrant;
    const basic = btoa(`${SECRET_APP}:demo-secret`);
    const response = await token(idp, rest, TENANT_ID, { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
  });

  it('omits roles when the app has no application permissions', async () => {
    const { idp } = setup();
    const response = await token(idp, {
      ...secretGrant,
      client_id: NO_ROLES_APP,
      client_secret: 'no-roles-secret',
    });
    expect(decodeJwt(String(json(response).access_token))).not.toHaveProperty('roles');
  });

  it('answers the v1 endpoint with resource= in the v1 response shape', async () => {
    const { idp } = setup();
    const { scope: _scope, ...form } = secretGrant;
    const response = await idp.handle(
      request('POST', `/${TENANT_ID}/oauth2/token`, { ...form, resource: MDE }),
    );
    const body = json(response!);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: '3599', resource: MDE });
    expect(decodeJwt(String(body.access_token)).aud).toBe(MDE);
  });
});

describe('client credentials with a certificate', () => {
  it('accepts a PS256 assertion with x5t#S256 (msal-node) and issues appidacr 2', async () => {
    const { idp } = setup();
    const response = await token(idp, certGrant(await assertion({})));
    expect(response.status).toBe(200);
    expect(decodeJwt(String(json(response).access_token))).toMatchObject({
      appid: CERT_APP,
      appidacr: '2',
      roles: ['Machine.Isolate'],
    });
  });

  it('accepts an RS256 assertion with a SHA-1 x5t', async () => {
    const { idp } = setup();
    const response = await token(idp, certGrant(await assertion({ alg: 'RS256', thumbprint: 'sha1' })));
    expect(response.status).toBe(200);
  });

  it('answers 401 AADSTS700027 for an assertion signed by another key', async () => {
    const { idp } = setup();
    const response = await token(
      idp,
      certGrant(await assertion({ privateKeyPem: otherCertificate.privateKeyPem })),
    );
    await expectAadsts(
      response,
      401,
      'invalid_client',
      700027,
      'Client assertion contains an invalid signature.',
    );
  });

  it('answers 401 AADSTS700027 for an assertion for another audience', async () => {
    const { idp } = setup();
    const response = await token(idp, certGrant(await assertion({ aud: 'https://example.com/token' })));
    await expectAadsts(
      response,
      401,
      'invalid_client',
      700027,
      'Client assertion contains an invalid signature.',
    );
  });

  it('answers 401 AADSTS700024 for an expired assertion', async () => {
    const { idp, clock } = setup();
    const signed = await assertion({});
    clock.advance(3600_000);
    await expectAadsts(
      await token(idp, certGrant(signed)),
      401,
      'invalid_client',
      700024,
      'Client assertion is not within',
    );
  });

  it('answers 401 AADSTS700021 when iss/sub is not the client id', async () => {
    const { idp } = setup();
    const response = await token(idp, certGrant(await assertion({ iss: SECRET_APP })));
    await expectAadsts(
      response,
      401,
      'invalid_client',
      700021,
      "Client assertion application identifier doesn't",
    );
  });
});

describe('resource owner password credentials', () => {
  it('issues a delegated token with scp, upn, unique_name, name and the user oid', async () => {
    const { idp } = setup();
    const response = await token(idp, passwordGrant);
    expect(response.status).toBe(200);
    const body = json(response);
    expect(body.scope).toBe(`${MDE}/Machine.Read ${MDE}/Machine.RestrictExecution`);
    const claims = decodeJwt(String(body.access_token));
    expect(claims).toMatchObject({
      aud: MDE,
      amr: ['pwd'],
      appid: USER_APP,
      appidacr: '1',
      name: 'Ana Analyst',
      oid: USER_OID,
      scp: 'Machine.Read Machine.RestrictExecution',
      unique_name: 'analyst@contoso.onmicrosoft.com',
      upn: 'analyst@contoso.onmicrosoft.com',
      tid: TENANT_ID,
    });
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('idp');
    expect(decodeJwt(String(body.id_token))).toMatchObject({
      aud: USER_APP,
      iss: `${ORIGIN}/${TENANT_ID}/v2.0`,
      oid: USER_OID,
      preferred_username: 'analyst@contoso.onmicrosoft.com',
      ver: '2.0',
    });
    const clientInfo = JSON.parse(atob(String(body.client_info).replace(/-/g, '+').replace(/_/g, '/')));
    expect(clientInfo).toEqual({ uid: USER_OID, utid: TENANT_ID });
  });

  it('grants only the named permission when one is asked for', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...passwordGrant, scope: `${MDE}/Machine.Read` });
    expect(decodeJwt(String(json(response).access_token)).scp).toBe('Machine.Read');
  });

  it('lets a public client use the password grant without a secret (appidacr 0)', async () => {
    const { idp } = setup();
    const { client_secret: _secret, ...form } = passwordGrant;
    const response = await token(idp, { ...form, client_id: PUBLIC_APP }, 'organizations');
    expect(decodeJwt(String(json(response).access_token))).toMatchObject({ appidacr: '0', tid: TENANT_ID });
  });

  it('answers 400 AADSTS50126 for a wrong password', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...passwordGrant, password: 'wrong' });
    await expectAadsts(response, 400, 'invalid_grant', 50126, 'Error validating credentials');
  });

  it('answers 400 AADSTS50034 for an unknown user', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...passwordGrant, username: 'nobody@contoso.onmicrosoft.com' });
    await expectAadsts(response, 400, 'invalid_grant', 50034, 'The user account');
  });

  it('answers 400 AADSTS65001 consent_required for a permission the app was not granted', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...passwordGrant, scope: `${MDE}/Machine.Offboard` });
    await expectAadsts(response, 400, 'invalid_grant', 65001, 'The user or administrator has not consented');
    expect(json(response).suberror).toBe('consent_required');
  });
});

describe('AADSTS errors', () => {
  it('answers a wrong secret with 401 AADSTS7000215 in the real body shape', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...secretGrant, client_secret: 'nope' }, TENANT_ID, {
      'client-request-id': 'c0ffee00-0000-4000-8000-000000000001',
    });
    await expectAadsts(
      response,
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${SECRET_APP}'.`,
    );
    const body = json(response);
    expect(Object.keys(body)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
      'error_uri',
    ]);
    expect(body.timestamp).toBe('2026-11-29 01:02:03Z');
    expect(body.correlation_id).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(body.error_description).toBe(
      `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${SECRET_APP}'.\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: c0ffee00-0000-4000-8000-000000000001\r\nTimestamp: 2026-11-29 01:02:03Z`,
    );
    expect(response.headers['x-ms-request-id']).toBe(body.trace_id);
  });

  it('answers an unknown tenant with 400 AADSTS90002', async () => {
    const { idp } = setup();
    await expectAadsts(
      await token(idp, secretGrant, 'fabrikam.onmicrosoft.com'),
      400,
      'invalid_request',
      90002,
      "Tenant 'fabrikam.onmicrosoft.com' not found.",
    );
  });

  it('answers an unknown client with 400 AADSTS700016', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...secretGrant, client_id: '00000000-0000-0000-0000-000000000001' });
    await expectAadsts(
      response,
      400,
      'unauthorized_client',
      700016,
      "Application with identifier '00000000-0000-0000-0000-000000000001' was not found in the directory 'Contoso'.",
    );
  });

  it('answers a request without a credential with 401 AADSTS7000218', async () => {
    const { idp } = setup();
    const { client_secret: _secret, ...form } = secretGrant;
    await expectAadsts(
      await token(idp, form),
      401,
      'invalid_client',
      7000218,
      'The request body must contain',
    );
  });

  it('answers an unsupported grant with 400 AADSTS70003', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...secretGrant, grant_type: 'authorization_code' });
    await expectAadsts(
      response,
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type',
    );
  });

  it('answers a client-credentials scope without /.default with 400 AADSTS1002012', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...secretGrant, scope: `${MDE}/Machine.Read.All` });
    await expectAadsts(
      response,
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${MDE}/Machine.Read.All`,
    );
  });

  it('answers two .default scopes with 400 AADSTS70011', async () => {
    const { idp } = setup();
    const response = await token(idp, {
      ...secretGrant,
      scope: `${MDE}/.default https://api.security.microsoft.com/.default`,
    });
    await expectAadsts(
      response,
      400,
      'invalid_scope',
      70011,
      "The provided value for the input parameter 'scope'",
    );
  });

  it('answers a resource that is not an MDE audience with 400 AADSTS500011', async () => {
    const { idp } = setup();
    const response = await token(idp, { ...secretGrant, scope: 'https://graph.microsoft.com/.default' });
    await expectAadsts(
      response,
      400,
      'invalid_resource',
      500011,
      'The resource principal named https://graph.microsoft.com',
    );
  });

  it('answers a missing parameter with 400 AADSTS900144 naming it', async () => {
    const { idp } = setup();
    for (const name of ['grant_type', 'client_id', 'scope'] as const) {
      const form: Record<string, string> = { ...secretGrant };
      delete form[name];
      await expectAadsts(
        await token(idp, form),
        400,
        'invalid_request',
        900144,
        `The request body must contain the following parameter: '${name}'.`,
      );
    }
  });

  it('answers a GET on the token endpoint with 400 AADSTS900561', async () => {
    const { idp } = setup();
    const response = await idp.handle(request('GET', `/${TENANT_ID}/oauth2/v2.0/token`));
    await expectAadsts(response, 400, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  });
});

describe('discovery', () => {
  it('serves the v2.0 OpenID configuration on the caller origin, with the tenant id when asked by domain', async () => {
    const { idp } = setup();
    const response = await idp.handle(request('GET', `/${DOMAIN}/v2.0/.well-known/openid-configuration`));
    expect(response?.status).toBe(200);
    expect(json(response!)).toMatchObject({
      issuer: `${ORIGIN}/${TENANT_ID}/v2.0`,
      token_endpoint: `${ORIGIN}/${TENANT_ID}/oauth2/v2.0/token`,
      authorization_endpoint: `${ORIGIN}/${TENANT_ID}/oauth2/v2.0/authorize`,
      jwks_uri: `${ORIGIN}/${TENANT_ID}/discovery/v2.0/keys`,
      end_session_endpoint: `${ORIGIN}/${TENANT_ID}/oauth2/v2.0/logout`,
    });
  });

  it('keeps the {tenantid} placeholder in the issuer of /organizations', async () => {
    const { idp } = setup();
    const response = await idp.handle(request('GET', '/organizations/v2.0/.well-known/openid-configuration'));
    expect(json(response!).issuer).toBe(`${ORIGIN}/{tenantid}/v2.0`);
  });

  it('answers the OpenID configuration of an unknown tenant with AADSTS90002', async () => {
    const { idp } = setup();
    const response = await idp.handle(
      request('GET', '/nobody.onmicrosoft.com/v2.0/.well-known/openid-configuration'),
    );
    await expectAadsts(response, 400, 'invalid_request', 90002, "Tenant 'nobody.onmicrosoft.com' not found.");
  });

  it('serves the JWKS whose key verifies issued tokens', async () => {
    const { idp } = setup();
    const response = await idp.handle(request('GET', `/${TENANT_ID}/discovery/v2.0/keys`));
    const jwks = json(response!) as unknown as JSONWebKeySet;
    expect(Object.keys(jwks.keys[0]!)).toEqual(['kty', 'use', 'kid', 'n', 'e']);
    const accessToken = String(json(await token(idp, secretGrant)).access_token);
    const { payload } = await jwtVerify(accessToken, createLocalJWKSet(jwks), {
      currentDate: new Date(START_MS),
    });
    expect(payload.appid).toBe(SECRET_APP);
  });

  it('answers instance discovery in the shape msal accepts', async () => {
    const { idp } = setup();
    const response = await idp.handle({
      ...request('GET', '/common/discovery/instance'),
      query: `api-version=1.1&authorization_endpoint=${encodeURIComponent(`${ORIGIN}/${TENANT_ID}/oauth2/v2.0/authorize`)}`,
    });
    expect(json(response!)).toEqual({
      tenant_discovery_endpoint: `${ORIGIN}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: '127.0.0.1:8443',
          preferred_cache: '127.0.0.1:8443',
          aliases: ['127.0.0.1:8443'],
        },
      ],
    });
  });

  it('leaves paths it does not own to the host', async () => {
    const { idp } = setup();
    expect(await idp.handle(request('GET', '/api/machines'))).toBeUndefined();
    expect(await idp.handle(request('GET', '/'))).toBeUndefined();
  });
});

describe('verifyAccessToken', () => {
  it('accepts an issued token and returns its claims', async () => {
    const { idp } = setup();
    const accessToken = String(json(await token(idp, secretGrant)).access_token);
    const result = await idp.verifyAccessToken(accessToken);
    expect(result).toMatchObject({ ok: true, claims: { appid: SECRET_APP, aud: MDE } });
  });

  it('refuses a token once the clock passes exp, also from the cache', async () => {
    const { idp, clock } = setup();
    const accessToken = String(json(await token(idp, secretGrant)).access_token);
    expect((await idp.verifyAccessToken(accessToken)).ok).toBe(true);
    clock.advance(3599_000);
    expect((await idp.verifyAccessToken(accessToken)).ok).toBe(true);
    clock.advance(1_000);
    expect(await idp.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses an expired token it never saw before', async () => {
    const { idp, clock } = setup();
    const accessToken = await idp.mintToken({ tid: TENANT_ID, appid: SECRET_APP });
    clock.advance(3600_000);
    expect(await idp.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose nbf is in the future', async () => {
    const { idp } = setup();
    const now = Math.floor(START_MS / 1000);
    const accessToken = await idp.mintToken({ tid: TENANT_ID, nbf: now + 60, iat: now + 60 });
    expect(await idp.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: 'not-yet-valid' });
  });

  it('refuses a token signed by an untrusted key under a known kid', async () => {
    const { idp } = setup();
    const accessToken = await idp.mintToken({ tid: TENANT_ID }, { signWith: 'untrusted' });
    expect(await idp.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose payload was tampered with', async () => {
    const { idp } = setup();
    const [header, payload, signature] = (
      await idp.mintToken({ tid: TENANT_ID, roles: ['Machine.Read.All'] })
    ).split('.');
    const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')));
    claims.roles = ['Machine.Offboard'];
    const forged = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await idp.verifyAccessToken(`${header}.${forged}.${signature}`)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a token signed with a kid it does not publish', async () => {
    const { idp } = setup();
    const { privateKey } = await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    );
    const kid = await calculateJwkThumbprint(await exportJWK(privateKey));
    const foreign = await new SignJWT({
      aud: MDE,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      tid: TENANT_ID,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuedAt(Math.floor(START_MS / 1000))
      .setNotBefore(Math.floor(START_MS / 1000))
      .setExpirationTime(Math.floor(START_MS / 1000) + 3600)
      .sign(privateKey);
    expect(await idp.verifyAccessToken(foreign)).toEqual({ ok: false, reason: 'unknown-kid' });
  });

  it('refuses a token from an unknown tenant or whose iss does not match tid', async () => {
    const { idp } = setup();
    const stranger = await idp.mintToken({ tid: '0badc0de-0000-4000-8000-000000000000' });
    expect(await idp.verifyAccessToken(stranger)).toEqual({ ok: false, reason: 'wrong-issuer' });
    const v2Issuer = await idp.mintToken({
      tid: TENANT_ID,
      iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    });
    expect(await idp.verifyAccessToken(v2Issuer)).toEqual({ ok: false, reason: 'wrong-issuer' });
  });

  it('refuses an otherwise valid token for another audience', async () => {
    const { idp } = setup();
    const accessToken = await idp.mintToken({
      tid: TENANT_ID,
      aud: 'https://userrequestsgraphapi-prd.trafficmanager.net',
    });
    expect(await idp.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: 'wrong-audience' });
  });

  it('refuses something that is not a JWT', async () => {
    const { idp } = setup();
    expect(await idp.verifyAccessToken('not-a-token')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('answers a repeat verification from the cache (same claims object, no RSA)', async () => {
    const { idp } = setup();
    const accessToken = await idp.mintToken({ tid: TENANT_ID, appid: SECRET_APP });
    const first = await idp.verifyAccessToken(accessToken);
    const second = await idp.verifyAccessToken(accessToken);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.claims).toBe(first.claims);
  });

  it('answers a cached token synchronously, and only once it has been verified', async () => {
    const { idp, clock } = setup();
    const accessToken = await idp.mintToken({ tid: TENANT_ID, appid: SECRET_APP });
    expect(idp.verifyCachedAccessToken(accessToken)).toBeUndefined();
    await idp.verifyAccessToken(accessToken);
    expect(idp.verifyCachedAccessToken(accessToken)).toMatchObject({ ok: true });
    clock.advance(3_901_000);
    expect(idp.verifyCachedAccessToken(accessToken)).toEqual({ ok: false, reason: 'expired' });
    expect(idp.verifyCachedAccessToken(accessToken)).toBeUndefined();
  });

  it('evicts the oldest entry when the cache is full', async () => {
    const { idp } = setup({ verificationCacheEntries: 2 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => idp.mintToken({ tid: TENANT_ID })));
    const firstA = await idp.verifyAccessToken(a!);
    await idp.verifyAccessToken(b!);
    await idp.verifyAccessToken(c!);
    const againA = await idp.verifyAccessToken(a!);
    expect(againA.ok && firstA.ok && againA.claims !== firstA.claims).toBe(true);
  });
});

describe('mintToken', () => {
  it('fills an app token from the registered app and the clock', async () => {
    const { idp } = setup();
    const claims = decodeJwt(
      await idp.mintToken({ tid: TENANT_ID, appid: SECRET_APP }, { lifetimeSeconds: 1200 }),
    );
    expect(claims).toMatchObject({
      aud: MDE,
      app_displayname: 'MDE-HelloWorld',
      roles: ['Machine.Read.All', 'Machine.RestrictExecution'],
      ver: '1.0',
    });
    expect(claims.exp! - claims.iat!).toBe(1200);
  });

  it('mints a delegated token without the app roles when scp is given', async () => {
    const { idp } = setup();
    const claims = decodeJwt(
      await idp.mintToken({
        tid: TENANT_ID,
        appid: SECRET_APP,
        scp: 'Machine.Read',
        upn: 'analyst@contoso.onmicrosoft.com',
        oid: USER_OID,
      }),
    );
    expect(claims).toMatchObject({ scp: 'Machine.Read', amr: ['pwd'], oid: USER_OID, appid: SECRET_APP });
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('idp');
    expect(
      (await idp.verifyAccessToken(await idp.mintToken({ tid: TENANT_ID, scp: 'Machine.Read' }))).ok,
    ).toBe(true);
  });
});

describe('key rotation', () => {
  it('keeps tokens of the previous key valid, drops the one before, and signs new tokens with the new key', async () => {
    const { idp } = setup();
    const beforeRotation = await idp.mintToken({ tid: TENANT_ID });
    expect((await idp.verifyAccessToken(beforeRotation)).ok).toBe(true);
    await idp.rotateKeys();
    const afterRotation = await idp.mintToken({ tid: TENANT_ID });
    expect(decodeProtectedHeader(afterRotation).kid).not.toBe(decodeProtectedHeader(beforeRotation).kid);
    expect((await idp.jwks()).keys).toHaveLength(2);
    expect((await idp.verifyAccessToken(beforeRotation)).ok).toBe(true);
    await idp.rotateKeys();
    expect(await idp.verifyAccessToken(beforeRotation)).toEqual({ ok: false, reason: 'unknown-kid' });
    expect((await idp.verifyAccessToken(afterRotation)).ok).toBe(true);
  });

  it('restores exported keys so tokens survive a restart', async () => {
    const { idp, clock } = setup();
    const accessToken = await idp.mintToken({ tid: TENANT_ID });
    const exported = JSON.stringify(await idp.exportKeys());
    const restarted = createIdentityProvider({
      clock,
      directory: createStaticDirectory([tenant()]),
      keys: exported,
    });
    expect((await restarted.verifyAccessToken(accessToken)).ok).toBe(true);
  });
});

describe('options', () => {
  it('throws a TypeError naming a bad option', () => {
    expect(() => setup({ tokenLifetimeSeconds: 10 })).toThrow(/tokenLifetimeSeconds/);
    expect(() => setup({ acceptedAudiences: [] })).toThrow(/acceptedAudiences/);
    expect(() => setup({ keys: '{"version":2}' })).toThrow(TypeError);
  });
});
