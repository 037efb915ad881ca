import { createHash, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { DefenderClient } from './defender-client.ts';
import { AuthenticationError } from './errors.ts';
import { MsalClientCredential, parseCertificatePem } from './msal-credential.ts';
import { example, recordedActionId } from './test-server.test-helper.ts';

const tenantId = '2f48b784-7da1-4a1e-9a1f-1c8a6e0f0a11';
const clientId = 'cbceb30b-0c43-4d6a-9e0e-5a2b1f3c7d01';
const clientSecret = 'the-secret';

let server: Server;
let origin: string;
let caPem: string;
let appCertificate: { privateKeyPem: string; certificatePem: string };
let tokenRequests: URLSearchParams[];
let apiAuthorizations: string[];
let issued = 0;

/** A fake Entra authority and API on one HTTPS origin, with a certificate signed for 127.0.0.1. */
beforeAll(async () => {
  const tls = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  caPem = tls.cert;
  const app = await generate([{ name: 'commonName', value: 'mde-client-test-app' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  appCertificate = { privateKeyPem: app.private, certificatePem: app.cert };

  server = createServer({ key: tls.private, cert: tls.cert }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', origin);
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
    if (url.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
      const base = `${origin}/${tenantId}`;
      return json(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      });
    }
    if (url.pathname === `/${tenantId}/oauth2/v2.0/token` && req.method === 'POST') {
      const form = new URLSearchParams(body);
      tokenRequests.push(form);
      if (form.has('client_secret') && form.get('client_secret') !== clientSecret) {
        return json(401, {
          error: 'invalid_client',
          error_description:
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'cbceb30b'.",
          error_codes: [7000215],
        });
      }
      issued++;
      return json(200, {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: `msal-token-${issued}`,
      });
    }
    if (url.pathname.startsWith('/api/machineactions/')) {
      apiAuthorizations.push(req.headers.authorization ?? '');
      return json(200, example('UnrestrictSucceeded'));
    }
    return json(404, { error: 'not_found', error_description: url.pathname });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  tokenRequests = [];
  apiAuthorizations = [];
});

const scopes = ['https://api.securitycenter.microsoft.com/.default'];

it('gets a token with a client secret from a custom authority trusted through caPem, cached until forceRefresh', async () => {
  const credential = new MsalClientCredential(
    { tenantId, clientId, clientSecret },
    { authorityHost: origin, caPem },
  );
  expect(credential.authority).toBe(`${origin}/${tenantId}`);

  const first = await credential.getToken(scopes);
  const cached = await credential.getToken(scopes);
  const refreshed = await credential.getToken(scopes, { forceRefresh: true });
  await credential.close();

  expect(first?.token).toMatch(/^msal-token-\d+$/);
  expect(cached?.token).toBe(first?.token);
  expect(refreshed?.token).not.toBe(first?.token);
  expect(first?.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000 * 1000);
  expect(tokenRequests).toHaveLength(2);
  expect(tokenRequests[0]?.get('grant_type')).toBe('client_credentials');
  expect(tokenRequests[0]?.get('client_id')).toBe(clientId);
  expect(tokenRequests[0]?.get('scope')).toBe(scopes[0]);
});

it('signs a client assertion with the certificate, naming its SHA-256 thumbprint', async () => {
  const pem = `${appCertificate.privateKeyPem}\n${appCertificate.certificatePem}`;
  const credential = new MsalClientCredential(
    { tenantId, clientId, certificate: parseCertificatePem(pem) },
    { authorityHost: origin, caPem },
  );
  const token = await credential.getToken(scopes);
  await credential.close();

  expect(token?.token).toMatch(/^msal-token-/);
  const form = tokenRequests[0];
  expect(form?.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  const [header] = (form?.get('client_assertion') ?? '').split('.');
  const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as Record<
    string,
    string
  >;
  const thumbprint = createHash('sha256')
    .update(new X509Certificate(appCertificate.certificatePem).raw)
    .digest('base64url');
  expect(decoded['x5t#S256']).toBe(thumbprint);
  expect(decoded.alg).toBe('PS256');
});

it('turns an AADSTS answer into AuthenticationError', async () => {
  const credential = new MsalClientCredential(
    { tenantId, clientId, clientSecret: 'wrong' },
    { authorityHost: origin, caPem },
  );
  const error = await credential.getToken(scopes).catch((e: unknown) => e);
  await credential.close();
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).message).toContain('AADSTS7000215');
  expect((error as AuthenticationError).message).toMatch(/^Failed to get a token for client cbceb30b/);
});

it('drives DefenderClient end to end over HTTPS with the same CA for the API', async () => {
  const credential = new MsalClientCredential(
    { tenantId, clientId, clientSecret },
    { authorityHost: origin, caPem },
  );
  const client = new DefenderClient({ credential, endpoint: origin, caPem, keepAliveTimeoutMs: 100 });
  const action = await client.getMachineAction(recordedActionId);
  await client.close();
  await credential.close();
  expect(action.status).toBe('Succeeded');
  expect(apiAuthorizations[0]).toMatch(/^Bearer msal-token-\d+$/);
});

it('refuses invalid options with a TypeError naming them', () => {
  expect(() => new MsalClientCredential({ tenantId: '', clientId, clientSecret })).toThrow(/tenantId/);
  expect(
    () => new MsalClientCredential({ tenantId, clientId, clientSecret }, { authorityHost: 'http://x' }),
  ).toThrow(/authorityHost/);
  expect(() => parseCertificatePem('no pem here')).toThrow(/PRIVATE KEY block and a CERTIFICATE block/);
});
