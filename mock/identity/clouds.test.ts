import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { SimRequest, SimResponse } from '../core/types.ts';
import { createStaticDirectory } from './directory.ts';
import { createIdentityProvider } from './token-issuer.ts';

const TENANT_ID = '6de90c16-b0cb-4759-86b3-5601aec49b50';
const APP = '11111111-2222-4333-8444-555555555555';
const START_MS = Date.UTC(2026, 10, 29, 1, 2, 3);

function setup() {
  const directory = createStaticDirectory([
    {
      id: TENANT_ID,
      domain: 'contoso.onmicrosoft.com',
      displayName: 'Contoso',
      apps: [{ clientId: APP, displayName: 'SOAR', clientSecret: 's3cret', roles: ['Machine.Read.All'] }],
      users: [],
    },
  ]);
  return createIdentityProvider({ clock: { now: () => START_MS, sleep: async () => {} }, directory });
}

function get(origin: string, path: string, query = ''): SimRequest {
  return { method: 'GET', origin, path, query, headers: {}, body: undefined };
}

function tokenRequest(origin: string, protocol: 'v1' | 'v2', target: string): SimRequest {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: APP,
    client_secret: 's3cret',
  });
  form.set(protocol === 'v2' ? 'scope' : 'resource', target);
  return {
    method: 'POST',
    origin,
    path: protocol === 'v2' ? `/${TENANT_ID}/oauth2/v2.0/token` : `/${TENANT_ID}/oauth2/token`,
    query: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  };
}

function body(response: SimResponse | undefined): Record<string, unknown> {
  expect(response).toBeDefined();
  return JSON.parse(response!.body) as Record<string, unknown>;
}

const discovery = (authority: string) =>
  `api-version=1.1&authorization_endpoint=${encodeURIComponent(`${authority}/${TENANT_ID}/oauth2/v2.0/authorize`)}`;

describe('the host the client used decides the cloud', () => {
  it('answers instance discovery on login.microsoftonline.com with the real clouds, keeping the client on that host', async () => {
    const idp = setup();
    const answer = body(
      await idp.handle(
        get(
          'https://login.microsoftonline.com',
          '/common/discovery/instance',
          discovery('https://login.microsoftonline.com'),
        ),
      ),
    );
    expect(answer.tenant_discovery_endpoint).toBe(
      `https://login.microsoftonline.com/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
    );
    expect(answer.metadata).toContainEqual({
      preferred_network: 'login.microsoftonline.com',
      preferred_cache: 'login.windows.net',
      aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    });
    expect(answer.metadata).toContainEqual(
      expect.objectContaining({ preferred_network: 'login.microsoftonline.us' }),
    );
  });

  it('answers instance discovery for an authority host no cloud knows with AADSTS50049 invalid_instance', async () => {
    const idp = setup();
    const response = await idp.handle(
      get(
        'https://login.microsoftonline.com',
        '/common/discovery/instance',
        discovery('https://login.contoso.example'),
      ),
    );
    expect(response?.status).toBe(400);
    const answer = body(response);
    expect(answer.error).toBe('invalid_instance');
    expect(answer.error_codes).toEqual([50049]);
    expect(String(answer.error_description)).toMatch(/^AADSTS50049: Unknown or invalid instance\./);
  });

  it('still answers for its own host (127.0.0.1) as a cloud of its own', async () => {
    const idp = setup();
    const answer = body(
      await idp.handle(
        get('https://127.0.0.1:8443', '/common/discovery/instance', discovery('https://127.0.0.1:8443')),
      ),
    );
    expect(answer.metadata).toEqual([
      { preferred_network: '127.0.0.1:8443', preferred_cache: '127.0.0.1:8443', aliases: ['127.0.0.1:8443'] },
    ]);
  });

  it('names the host asked in the OpenID configuration, with the US Government cloud on login.microsoftonline.us', async () => {
    const idp = setup();
    const path = `/${TENANT_ID}/v2.0/.well-known/openid-configuration`;
    const gov = body(await idp.handle(get('https://login.microsoftonline.us', path)));
    expect(gov.issuer).toBe(`https://login.microsoftonline.us/${TENANT_ID}/v2.0`);
    expect(gov.token_endpoint).toBe(`https://login.microsoftonline.us/${TENANT_ID}/oauth2/v2.0/token`);
    expect(gov.cloud_instance_name).toBe('microsoftonline.us');
    const legacy = body(await idp.handle(get('https://login.windows.net', path)));
    expect(legacy.issuer).toBe(`https://login.windows.net/${TENANT_ID}/v2.0`);
    expect(legacy.cloud_instance_name).toBe('microsoftonline.com');
  });

  it('issues tokens for the US Government API hosts on login.microsoftonline.us, and only for them', async () => {
    const idp = setup();
    const gov = body(
      await idp.handle(
        tokenRequest(
          'https://login.microsoftonline.us',
          'v2',
          'https://api-gov.securitycenter.microsoft.us/.default',
        ),
      ),
    );
    expect(decodeJwt(String(gov.access_token)).aud).toBe('https://api-gov.securitycenter.microsoft.us');
    expect((await idp.verifyAccessToken(String(gov.access_token))).ok).toBe(true);
    const gcc = body(
      await idp.handle(
        tokenRequest('https://login.microsoftonline.us', 'v1', 'https://api-gcc.securitycenter.microsoft.us'),
      ),
    );
    expect(gcc.resource).toBe('https://api-gcc.securitycenter.microsoft.us');
    const commercial = await idp.handle(
      tokenRequest(
        'https://login.microsoftonline.us',
        'v2',
        'https://api.securitycenter.microsoft.com/.default',
      ),
    );
    expect(commercial?.status).toBe(400);
    expect(body(commercial).error_codes).toEqual([500011]);
    const govOnPublic = await idp.handle(
      tokenRequest(
        'https://login.microsoftonline.com',
        'v2',
        'https://api-gov.securitycenter.microsoft.us/.default',
      ),
    );
    expect(body(govOnPublic).error_codes).toEqual([500011]);
  });

  it.each([
    ['v2', 'https://api.securitycenter.microsoft.com/.default', 'https://api.securitycenter.microsoft.com'],
    [
      'v2',
      'https://securitycenter.onmicrosoft.com/windowsatpservice/.default',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
    ],
    ['v1', 'https://api.securitycenter.microsoft.com', 'https://api.securitycenter.microsoft.com'],
  ] as const)(
    'keeps issuing %s %s on login.microsoftonline.com and the simulator host',
    async (protocol, target, aud) => {
      const idp = setup();
      for (const origin of ['https://login.microsoftonline.com', 'https://127.0.0.1:8443']) {
        const answer = body(await idp.handle(tokenRequest(origin, protocol, target)));
        expect(decodeJwt(String(answer.access_token)).aud, origin).toBe(aud);
      }
    },
  );
});
