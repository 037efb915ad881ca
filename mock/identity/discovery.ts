/**
 * @module
 * The metadata documents MSAL and OIDC libraries read before asking for a token: the v2.0 OpenID
 * configuration, the JWKS and the instance-discovery answer, in the real service's shape, with every URL on
 * the origin the client called.
 */
import { cloudOfHost, entraClouds, hostName } from './clouds.ts';

/** A tenant path segment that is not a tenant: the multi-tenant authorities. */
export const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations', 'consumers']);

/**
 * The v2.0 OpenID configuration for `segment` (a tenant id, or a multi-tenant authority, whose issuer keeps
 * the `{tenantid}` placeholder as the real one does). URLs use the tenant id even when asked by domain, as
 * the real service does; MSAL maps them back to the authority it was given.
 */
export function openIdConfiguration(origin: string, segment: string, tenantRegionScope: string | null) {
  const base = `${origin}/${segment}`;
  const issuerTenant = MULTI_TENANT_SEGMENTS.has(segment) ? '{tenantid}' : segment;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${origin}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: tenantRegionScope,
    // The simulator's own host (127.0.0.1, a public host) reports the public cloud, as before.
    cloud_instance_name: (cloudOfHost(origin) ?? entraClouds[0]!).instanceName,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: (cloudOfHost(origin) ?? entraClouds[0]!).graphHost,
    rbac_url: 'https://pas.windows.net',
  };
}

/** An instance-discovery answer, or the refusal of an authority host no cloud knows. */
export type InstanceDiscoveryResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; authorityHost: string };

/**
 * The answer of `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...`, as Entra gives
 * it: when the authority's host is a sign-in host of a real cloud, the metadata of the clouds (Entra lists
 * every national cloud; the simulator lists the ones it simulates, see clouds.ts); when it is the host the
 * request came to (the simulator on 127.0.0.1 or a public host), that host as its own cloud; any other host
 * is an unknown instance (`invalid_instance`, which MSAL turns into "untrusted authority").
 */
export function instanceDiscovery(
  origin: string,
  authorizationEndpoint: string | null,
): InstanceDiscoveryResult {
  const ownHost = new URL(origin).host;
  let authority: URL | undefined;
  try {
    authority = authorizationEndpoint === null ? undefined : new URL(authorizationEndpoint);
  } catch {
    authority = undefined;
  }
  if (authorizationEndpoint !== null && authority === undefined)
    return { ok: false, authorityHost: authorizationEndpoint };
  const authorityHost = authority?.host ?? ownHost;
  const tenant = tenantOfAuthorizationEndpoint(authorizationEndpoint) ?? '{tenant}';
  const tenantDiscovery = (host: string) => `https://${host}/${tenant}/v2.0/.well-known/openid-configuration`;
  if (cloudOfHost(authorityHost) !== undefined) {
    return {
      ok: true,
      body: {
        tenant_discovery_endpoint: tenantDiscovery(hostName(authorityHost)),
        'api-version': '1.1',
        metadata: entraClouds.map((cloud) => ({
          preferred_network: cloud.preferredNetwork,
          preferred_cache: cloud.preferredCache,
          aliases: [...cloud.aliases],
        })),
      },
    };
  }
  if (authorityHost.toLowerCase() !== ownHost.toLowerCase()) return { ok: false, authorityHost };
  return {
    ok: true,
    body: {
      tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: ownHost, preferred_cache: ownHost, aliases: [ownHost] }],
    },
  };
}

function tenantOfAuthorizationEndpoint(endpoint: string | null): string | undefined {
  if (endpoint === null) return undefined;
  try {
    return new URL(endpoint).pathname.split('/').filter(Boolean)[0];
  } catch {
    return undefined;
  }
}
