/**
 * @module
 * Managed identity: the two endpoints an Azure resource's code asks for its identity's tokens, issuing them
 * for the managed identities seeded on the tenants (system- or user-assigned, selected by client id, object
 * id or resource id) with their app roles:
 * - App Service / Functions (`IDENTITY_ENDPOINT` + `IDENTITY_HEADER`): `GET /msi/token?api-version=2019-08-01
 *   &resource=…[&client_id|object_id|principal_id|mi_res_id=…]` with header `X-IDENTITY-HEADER`;
 * - IMDS (VMs, and msal's `AZURE_POD_IDENTITY_AUTHORITY_HOST`): `GET /metadata/identity/oauth2/token
 *   ?api-version=2018-02-01&resource=…[&client_id|object_id|msi_res_id=…]` with header `Metadata: true`.
 * A token for `api://AzureADTokenExchange` is the managed identity's federated assertion (workload identity
 * federation, see federated-credential.ts), issued as `https://login.microsoftonline.com/<tenant>/v2.0`.
 * Answer shapes follow Microsoft's documented examples; error bodies marked inferred were not captured.
 */
import type { Clock, ManagedIdentity, SimRequest, SimResponse } from '../core/types.ts';
import { aadstsErrorResponse } from './aadsts-errors.ts';
import { type AccessTokenClaims, appTokenClaims, orderClaims, tokenTimes } from './access-token.ts';
import type { DirectoryTenant, IdentityDirectory } from './directory.ts';
import { TOKEN_EXCHANGE_AUDIENCE } from './federated-credential.ts';
import type { IdentityRandom } from './token-identifiers.ts';

/** The demo `IDENTITY_HEADER` the App Service endpoint expects (App Service makes one per container). */
export const APP_SERVICE_IDENTITY_HEADER = 'mde-sim-demo-identity-header';

/** Path of the App Service endpoint (set `IDENTITY_ENDPOINT=<server>/msi/token`). */
export const APP_SERVICE_TOKEN_PATH = '/msi/token';
/** Path of the IMDS endpoint (set `AZURE_POD_IDENTITY_AUTHORITY_HOST=<server>` for msal). */
export const IMDS_TOKEN_PATH = '/metadata/identity/oauth2/token';

/** What the managed-identity endpoints need from the identity provider. */
export interface ManagedIdentityDependencies {
  clock: Clock;
  directory: IdentityDirectory;
  random: IdentityRandom;
  acceptedAudiences: readonly string[];
  tokenLifetimeSeconds: number;
  tenantRegionScope: string;
  /** Signs claims with the current key. */
  sign(claims: object): Promise<string>;
}

type Flavour = 'app-service' | 'imds';

/** The flavour of managed-identity endpoint `path` names, if any. */
export function managedIdentityFlavour(path: string): Flavour | undefined {
  const normalized = path.toLowerCase().replace(/\/+$/, '');
  if (normalized === APP_SERVICE_TOKEN_PATH) return 'app-service';
  if (normalized === IMDS_TOKEN_PATH) return 'imds';
  return undefined;
}

/** Creates the handler of both managed-identity endpoints. */
export function createManagedIdentityEndpoint(deps: ManagedIdentityDependencies) {
  return async function handleManagedIdentityRequest(
    req: SimRequest,
    flavour: Flavour,
  ): Promise<SimResponse> {
    const query = new URLSearchParams(req.query);
    const refuse = (status: number, error: string, description: string) =>
      flavour === 'imds'
        ? json(status, { error, error_description: description })
        : json(status, { statusCode: status, message: description, correlationId: deps.random.uuid() });

    if (req.method !== 'GET')
      return refuse(405, 'invalid_request', `The ${req.method} method is not supported.`);
    if (flavour === 'imds' && req.headers.metadata?.toLowerCase() !== 'true') {
      return refuse(400, 'invalid_request', 'Required metadata header not specified');
    }
    // inferred: App Service's answer to a missing or wrong X-IDENTITY-HEADER.
    if (flavour === 'app-service' && req.headers['x-identity-header'] !== APP_SERVICE_IDENTITY_HEADER) {
      return refuse(
        401,
        'unauthorized',
        'The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.',
      );
    }
    const resource = query.get('resource');
    if (!resource) return refuse(400, 'invalid_request', 'Required audience parameter not specified');

    const selector = selectorOf(query, flavour);
    const found = findIdentity(deps.directory, selector);
    if (found === undefined) {
      return flavour === 'imds'
        ? refuse(400, 'invalid_request', 'Identity not found')
        : refuse(400, 'invalid_request', 'Unable to load the proper Managed Identity.');
    }
    const { identity, tenant } = found;

    const times = tokenTimes(deps.clock.now(), deps.tokenLifetimeSeconds);
    let audience: string;
    let claims: object;
    if (resource.replace(/\/+$/, '') === TOKEN_EXCHANGE_AUDIENCE) {
      audience = TOKEN_EXCHANGE_AUDIENCE;
      claims = exchangeAssertionClaims(identity, tenant, times);
    } else {
      const wanted = resource.replace(/\/+$/, '').toLowerCase();
      const matched = deps.acceptedAudiences.find((a) => a.replace(/\/+$/, '').toLowerCase() === wanted);
      if (matched === undefined) {
        return aadstsErrorResponse(
          'resourceNotFound',
          { resource, tenant: tenant.id },
          { nowMs: deps.clock.now(), traceId: deps.random.uuid(), correlationId: deps.random.uuid() },
        );
      }
      audience = matched;
      const base = await appTokenClaims(
        {
          tenantId: tenant.id,
          appId: identity.clientId,
          appDisplayName: identity.displayName,
          roles: identity.roles,
          audience,
          appidacr: '2',
          tenantRegionScope: deps.tenantRegionScope,
        },
        times,
        deps.random,
      );
      // A managed identity's token names its service principal (oid/sub) and its resource (xms_mirid).
      claims = orderClaims<AccessTokenClaims & { xms_mirid: string }>({
        ...base,
        oid: identity.objectId,
        sub: identity.objectId,
        xms_mirid: identity.resourceId,
      });
    }
    const accessToken = await deps.sign(claims);
    const now = Math.floor(deps.clock.now() / 1000);
    if (flavour === 'imds') {
      return json(200, {
        access_token: accessToken,
        client_id: identity.clientId,
        expires_in: String(times.exp - now),
        expires_on: String(times.exp),
        ext_expires_in: String(times.exp - now),
        not_before: String(times.nbf),
        resource,
        token_type: 'Bearer',
      });
    }
    return json(200, {
      access_token: accessToken,
      expires_on: String(times.exp),
      resource,
      token_type: 'Bearer',
      client_id: identity.clientId,
    });
  };
}

type Selector = { by: 'system' } | { by: 'clientId' | 'objectId' | 'resourceId'; value: string };

function selectorOf(query: URLSearchParams, flavour: Flavour): Selector {
  const clientId = query.get('client_id');
  if (clientId) return { by: 'clientId', value: clientId };
  const objectId = query.get('object_id') ?? query.get('principal_id');
  if (objectId) return { by: 'objectId', value: objectId };
  const resourceId =
    flavour === 'imds' ? query.get('msi_res_id') : (query.get('mi_res_id') ?? query.get('msi_res_id'));
  if (resourceId) return { by: 'resourceId', value: resourceId };
  return { by: 'system' };
}

/**
 * The identity a request selects. Without a selector it is the system-assigned identity, which only makes
 * sense when exactly one is seeded (the simulator stands for one Azure resource).
 */
function findIdentity(
  directory: IdentityDirectory,
  selector: Selector,
): { identity: ManagedIdentity; tenant: DirectoryTenant } | undefined {
  const matches: { identity: ManagedIdentity; tenant: DirectoryTenant }[] = [];
  for (const tenant of directory.tenants?.() ?? []) {
    for (const identity of tenant.managedIdentities ?? []) {
      const hit =
        selector.by === 'system'
          ? identity.kind === 'system-assigned'
          : selector.by === 'resourceId'
            ? identity.resourceId.toLowerCase() === selector.value.toLowerCase()
            : identity[selector.by].toLowerCase() === selector.value.toLowerCase();
      if (hit) matches.push({ identity, tenant });
    }
  }
  return matches.length === 1 ? matches[0] : undefined;
}

/** The managed identity's token for `api://AzureADTokenExchange`: a v2.0 token used as a client assertion. */
function exchangeAssertionClaims(
  identity: ManagedIdentity,
  tenant: DirectoryTenant,
  times: { iat: number; nbf: number; exp: number },
): object {
  return {
    aud: TOKEN_EXCHANGE_AUDIENCE,
    iss: `https://login.microsoftonline.com/${tenant.id}/v2.0`,
    iat: times.iat,
    nbf: times.nbf,
    exp: times.exp,
    azp: identity.clientId,
    azpacr: '2',
    oid: identity.objectId,
    sub: identity.objectId,
    tid: tenant.id,
    xms_mirid: identity.resourceId,
    ver: '2.0',
  };
}

function json(status: number, body: unknown): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}
