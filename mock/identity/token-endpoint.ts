/**
 * @module
 * The token endpoint (`/{tenant}/oauth2/v2.0/token`, and the v1 `/{tenant}/oauth2/token`): client
 * credentials with a secret or a certificate assertion, and the resource-owner password grant, answered with
 * the real response shapes and the real AADSTS errors.
 */
import { decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import type { AppRegistration, Clock, SimRequest, SimResponse } from '../core/types.ts';
import {
  type AadstsErrorName,
  type AadstsErrorParams,
  aadstsErrorResponse,
  tokenEndpointHeaders,
} from './aadsts-errors.ts';
import {
  type AccessTokenClaims,
  appTokenClaims,
  idTokenClaims,
  tokenTimes,
  userTokenClaims,
} from './access-token.ts';
import { checkClientAssertion } from './client-assertion.ts';
import { cloudOfHost } from './clouds.ts';
import { type DirectoryTenant, findApp, findUser } from './directory.ts';
import { MULTI_TENANT_SEGMENTS } from './discovery.ts';
import { checkFederatedAssertion } from './federated-credential.ts';
import type { ManagedIdentityDependencies } from './managed-identity.ts';
import { base64Url } from './token-identifiers.ts';

/** What the token endpoint needs from its identity provider: what any token issuer needs, and more. */
export interface TokenEndpointDependencies extends ManagedIdentityDependencies {
  clientAssertionClock: Clock;
  clientAssertionClockSkewSeconds: number;
  /** The published keys (federated assertions from the simulator's own managed identities). */
  jwks(): Promise<JSONWebKeySet>;
}

/** Which protocol version's endpoint was called. */
export type TokenProtocol = 'v1' | 'v2';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** A failure on its way to becoming an AADSTS answer. */
class TokenRequestError<N extends AadstsErrorName = AadstsErrorName> {
  readonly name: N;
  readonly params: AadstsErrorParams<N>;
  constructor(name: N, params: AadstsErrorParams<N>) {
    this.name = name;
    this.params = params;
  }
}

function fail<N extends AadstsErrorName>(name: N, params: AadstsErrorParams<N>): never {
  throw new TokenRequestError(name, params);
}

/** Creates the handler of token requests. `segment` is the decoded tenant path segment. */
export function createTokenEndpoint(deps: TokenEndpointDependencies) {
  return async function handleTokenRequest(
    req: SimRequest,
    segment: string,
    protocol: TokenProtocol,
  ): Promise<SimResponse> {
    const context = {
      nowMs: deps.clock.now(),
      traceId: deps.random.uuid(),
      correlationId: req.headers['client-request-id'] ?? deps.random.uuid(),
    };
    try {
      const body = await issue(deps, req, segment, protocol);
      return { status: 200, headers: tokenEndpointHeaders(context), body: JSON.stringify(body) };
    } catch (error) {
      if (!(error instanceof TokenRequestError)) throw error;
      return aadstsErrorResponse(error.name, error.params as never, context);
    }
  };
}

async function issue(
  deps: TokenEndpointDependencies,
  req: SimRequest,
  segment: string,
  protocol: TokenProtocol,
): Promise<Record<string, unknown>> {
  if (req.method !== 'POST') fail('postRequired', { method: req.method });
  // On a real cloud's sign-in host, that cloud's audiences only (login.microsoftonline.us: US Government).
  const cloud = cloudOfHost(req.origin);
  if (cloud !== undefined) {
    const lower = new Set(cloud.audiences.map((a) => a.toLowerCase()));
    deps = { ...deps, acceptedAudiences: deps.acceptedAudiences.filter((a) => lower.has(a.toLowerCase())) };
  }
  const multiTenant = MULTI_TENANT_SEGMENTS.has(segment.toLowerCase());
  let tenant = multiTenant ? undefined : deps.directory.findTenant(segment);
  if (!multiTenant && tenant === undefined) fail('tenantNotFound', { tenant: segment });

  const form = new URLSearchParams(req.body ?? '');
  const basic = basicCredentials(req.headers.authorization);
  const param = (name: string) => {
    const value = form.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const required = (name: string) => param(name) ?? fail('missingParameter', { name });

  const grantType = required('grant_type');
  if (grantType !== 'client_credentials' && grantType !== 'password') {
    fail('unsupportedGrantType', { grantType });
  }
  const clientId = param('client_id') ?? basic?.clientId ?? fail('missingParameter', { name: 'client_id' });
  const requestedTarget = protocol === 'v2' ? required('scope') : required('resource');

  if (grantType === 'client_credentials') {
    if (tenant === undefined) fail('tenantRequired', { tenant: segment });
    const app =
      findApp(tenant, clientId) ??
      fail('applicationNotFound', { clientId, tenantDisplayName: tenant.displayName });
    const appidacr = await authenticateClient(deps, req, form, basic, tenant, app, segment, false);
    const audience =
      protocol === 'v2'
        ? clientCredentialsAudience(deps, requestedTarget, tenant)
        : resourceAudience(deps, requestedTarget, tenant);
    const times = tokenTimes(deps.clock.now(), deps.tokenLifetimeSeconds);
    const claims = await appTokenClaims(
      {
        tenantId: tenant.id,
        appId: app.clientId,
        appDisplayName: app.displayName,
        roles: app.roles,
        audience,
        appidacr,
        tenantRegionScope: deps.tenantRegionScope,
      },
      times,
      deps.random,
    );
    const accessToken = await deps.sign(claims);
    return tokenResponse(protocol, claims, times.expiresIn, accessToken);
  }

  // Resource-owner password credentials.
  const username = required('username');
  const password = required('password');
  if (tenant === undefined) {
    const domain = username.includes('@') ? username.slice(username.lastIndexOf('@') + 1) : '';
    tenant = deps.directory.findTenant(domain) ?? fail('userNotFound', { tenant: domain || segment });
  }
  const app =
    findApp(tenant, clientId) ??
    fail('applicationNotFound', { clientId, tenantDisplayName: tenant.displayName });
  const appidacr = await authenticateClient(deps, req, form, basic, tenant, app, segment, true);
  const requested =
    protocol === 'v2'
      ? delegatedTarget(deps, requestedTarget, tenant)
      : { audience: resourceAudience(deps, requestedTarget, tenant), permissions: ['.default'], oidc: [] };
  const user = findUser(tenant, username) ?? fail('userNotFound', { tenant: tenant.domain });
  if (user.password !== password) fail('invalidUsernameOrPassword', {});
  const consented = app.delegatedScopes ?? [];
  const granted = requested.permissions.includes('.default')
    ? consented
    : requested.permissions.map(
        (p) =>
          consented.find((c) => c.toLowerCase() === p.toLowerCase()) ??
          fail('consentRequired', { clientId: app.clientId, appName: app.displayName }),
      );
  if (granted.length === 0) fail('consentRequired', { clientId: app.clientId, appName: app.displayName });

  const times = tokenTimes(deps.clock.now(), deps.tokenLifetimeSeconds);
  const claims = await userTokenClaims(
    {
      tenantId: tenant.id,
      appId: app.clientId,
      appDisplayName: app.displayName,
      appidacr,
      user,
      audience: requested.audience,
      scopes: granted,
      tenantRegionScope: deps.tenantRegionScope,
    },
    times,
    deps.random,
  );
  const accessToken = await deps.sign(claims);
  const response = tokenResponse(protocol, claims, times.expiresIn, accessToken);
  if (protocol === 'v1') return { ...withScope(response, granted.join(' ')) };
  // inferred: for a non-Graph resource the granted scopes come back prefixed with the resource.
  const withScopes = withScope(response, granted.map((s) => `${requested.audience}/${s}`).join(' '));
  if (requested.oidc.includes('openid')) {
    const issuer = `${req.origin}/${tenant.id}/v2.0`;
    const idTimes = { iat: times.iat, nbf: times.nbf, exp: times.iat + 3600 };
    withScopes.id_token = await deps.sign(
      await idTokenClaims({ issuer, tenantId: tenant.id, appId: app.clientId, user }, idTimes, deps.random),
    );
  }
  if (param('client_info') === '1') {
    withScopes.client_info = base64Url(
      new TextEncoder().encode(JSON.stringify({ uid: user.objectId, utid: tenant.id })),
    );
  }
  return withScopes;
}

function tokenResponse(
  protocol: TokenProtocol,
  claims: AccessTokenClaims,
  expiresIn: number,
  accessToken: string,
): Record<string, unknown> {
  if (protocol === 'v2') {
    // ext_expires_in 0 follows the MDE docs' example response (fact sheet §6).
    return { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: 0, access_token: accessToken };
  }
  // The v1 endpoint answers numbers as strings and names the resource.
  return {
    token_type: 'Bearer',
    expires_in: String(expiresIn),
    ext_expires_in: String(expiresIn),
    expires_on: String(claims.exp),
    not_before: String(claims.nbf),
    resource: claims.aud,
    access_token: accessToken,
  };
}

function withScope(response: Record<string, unknown>, scope: string): Record<string, unknown> {
  const { token_type, ...rest } = response;
  return { token_type, scope, ...rest };
}

/** Authenticates the client; returns the token's `appidacr`. */
async function authenticateClient(
  deps: TokenEndpointDependencies,
  req: SimRequest,
  form: URLSearchParams,
  basic: { clientId: string; secret: string } | undefined,
  tenant: DirectoryTenant,
  app: AppRegistration,
  segment: string,
  publicClientAllowed: boolean,
): Promise<AccessTokenClaims['appidacr']> {
  const assertion = form.get('client_assertion') || undefined;
  const secret = form.get('client_secret') || basic?.secret || undefined;
  if (assertion !== undefined) {
    const assertionType =
      form.get('client_assertion_type') || fail('missingParameter', { name: 'client_assertion_type' });
    if (assertionType !== JWT_BEARER) {
      fail('invalidClientAssertion', {
        reason: `The client_assertion_type '${assertionType}' is not supported.`,
      });
    }
    if (
      app.federatedCredentials !== undefined &&
      app.federatedCredentials.length > 0 &&
      !namesCertificate(assertion)
    ) {
      const failure = await checkFederatedAssertion({
        assertion,
        credentials: app.federatedCredentials,
        ownJwks: () => deps.jwks(),
        isOwnIssuer: (issuer) => {
          const match = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0$/.exec(issuer);
          return match !== null && deps.directory.findTenant(match[1]!)?.id === match[1]!.toLowerCase();
        },
        nowSeconds: deps.clientAssertionClock.now() / 1000,
        clockSkewSeconds: deps.clientAssertionClockSkewSeconds,
      });
      if (failure !== undefined) fail(failure.error, failure.params as never);
      return '2';
    }
    const failure = await checkClientAssertion({
      assertion,
      clientId: app.clientId,
      certificatePem: app.certificatePem,
      acceptedAudiences: assertionAudiences(req.origin, [segment, tenant.id, tenant.domain]),
      nowSeconds: deps.clientAssertionClock.now() / 1000,
      clockSkewSeconds: deps.clientAssertionClockSkewSeconds,
    });
    if (failure !== undefined) fail(failure.error, failure.params as never);
    return '2';
  }
  if (secret !== undefined) {
    if (app.clientSecret === undefined || secret !== app.clientSecret)
      fail('invalidClientSecret', { clientId: app.clientId });
    return '1';
  }
  if (publicClientAllowed && app.isPublicClient === true) return '0';
  return fail('missingClientCredential', {});
}

/** Whether an assertion's header names a certificate (`x5t`, `x5t#S256`): a certificate credential's. */
function namesCertificate(assertion: string): boolean {
  try {
    const header = decodeProtectedHeader(assertion);
    return header.x5t !== undefined || header['x5t#S256'] !== undefined;
  } catch {
    return false;
  }
}

/** Token endpoint URLs an assertion may name as `aud`: this host's and the real host's, v1 and v2. */
function assertionAudiences(origin: string, segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const host of [origin, 'https://login.microsoftonline.com']) {
    for (const segment of segments)
      out.push(`${host}/${segment}/oauth2/v2.0/token`, `${host}/${segment}/oauth2/token`);
  }
  return out;
}

/** The accepted audience `resource` names (case and a trailing slash aside), or undefined. */
function matchAudience(deps: TokenEndpointDependencies, resource: string): string | undefined {
  const wanted = resource.replace(/\/+$/, '').toLowerCase();
  return deps.acceptedAudiences.find((a) => a.replace(/\/+$/, '').toLowerCase() === wanted);
}

function clientCredentialsAudience(
  deps: TokenEndpointDependencies,
  scope: string,
  tenant: DirectoryTenant,
): string {
  const scopes = scope.split(/\s+/).filter(Boolean);
  const notDefault = scopes.find((s) => !s.endsWith('/.default'));
  if (notDefault !== undefined) fail('clientCredentialsScopeNotDefault', { scope: notDefault });
  if (scopes.length !== 1) fail('invalidScope', { scope });
  return resourceAudience(deps, scopes[0]!.slice(0, -'/.default'.length), tenant);
}

function resourceAudience(
  deps: TokenEndpointDependencies,
  resource: string,
  tenant: DirectoryTenant,
): string {
  return matchAudience(deps, resource) ?? fail('resourceNotFound', { resource, tenant: tenant.domain });
}

function delegatedTarget(
  deps: TokenEndpointDependencies,
  scope: string,
  tenant: DirectoryTenant,
): { audience: string; permissions: string[]; oidc: string[] } {
  const scopes = scope.split(/\s+/).filter(Boolean);
  const oidc = scopes.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const resourceScopes = scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  // inferred: the real service would issue a Microsoft Graph token here; the simulator has no Graph.
  if (resourceScopes.length === 0) fail('invalidScope', { scope });
  let audience: string | undefined;
  const permissions: string[] = [];
  for (const s of resourceScopes) {
    const slash = s.lastIndexOf('/');
    if (slash <= 0) fail('invalidScope', { scope: s });
    const resourceAud = resourceAudience(deps, s.slice(0, slash), tenant);
    if (audience !== undefined && audience !== resourceAud) fail('multipleResources', { scope });
    audience = resourceAud;
    permissions.push(s.slice(slash + 1));
  }
  return { audience: audience!, permissions, oidc };
}

/** `Authorization: Basic` client credentials (client_secret_basic), if sent. */
function basicCredentials(header: string | undefined): { clientId: string; secret: string } | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  try {
    const decoded = atob(header.slice(6).trim());
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}
