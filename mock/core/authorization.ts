/**
 * @module
 * Who is calling and what they may do: the authenticate step (401, or 403 for a valid token meant for
 * another audience) and the authorize step (403 naming the missing permission), as MDE answers
 * (mde-api.md §4, §6 and the decisions). Token checks themselves (signature, expiry, issuer) are jose's,
 * behind the {@link TokenVerifier} the offline Entra ID provides.
 */
import type { TokenRejectionReason } from '../identity/token-verifier.ts';
import type { OperationPermissions } from './api-routes.ts';
import type { TenantState } from './tenant-state.ts';

/** Why a token was refused (the offline Entra ID's reasons). */
export type TokenRejection = TokenRejectionReason;

/** The claims the API reads from a verified access token. */
export interface TokenClaims {
  tid: string;
  appid?: string;
  azp?: string;
  oid?: string;
  app_displayname?: string;
  roles?: string[];
  scp?: string;
  upn?: string;
  unique_name?: string;
  exp?: number;
}

/** Verifies access tokens (implemented by the offline Entra ID). */
export interface TokenVerifier {
  verifyAccessToken(token: string): Promise<TokenVerification>;
  /** A cached verification without a promise (the hot path: most calls reuse a token), if the verifier has one. */
  verifyCachedAccessToken?(token: string): TokenVerification | undefined;
}

/** Outcome of verifying a token. */
export type TokenVerification = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRejection };

/** The authenticated caller of an API request. */
export interface Caller {
  kind: 'app' | 'user';
  tenantId: string;
  /** Calling application (client id). */
  clientId: string;
  /** Application permissions (app tokens). */
  roles: string[];
  /** Delegated permissions (user tokens). */
  scopes: string[];
  /** User object id (user tokens). */
  userObjectId: string | undefined;
  /** What the service reports as `requestor`: the app's display name, or the user's UPN (decisions). */
  requestor: string;
}

/** Result of authenticating: the caller, or which error to answer (401, or the generic 403). */
export type Authentication =
  | { ok: true; value: { caller: Caller; tenant: TenantState } }
  | { ok: false; error: 'unauthorized' | 'forbidden' };

/** Wording of the 403 for a missing application permission. */
export type ForbiddenWording = 'current' | 'legacy';

/** Callers already worked out, by verified claims object (a cached token's claims are the same object). */
export type CallerCache = WeakMap<TokenClaims, { caller: Caller; tenant: TenantState }>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of `Authorization: Bearer <token>` (scheme case-insensitive), or undefined. */
function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  // The common exact form without a regular expression (the hot path); anything else goes through it.
  if (
    authorization.startsWith('Bearer ') &&
    authorization.indexOf(' ', 7) === -1 &&
    authorization.length > 7
  ) {
    return authorization.slice(7);
  }
  return BEARER.exec(authorization)?.[1];
}

/** Reads the bearer token and finds the caller's tenant (`tid`). */
export async function authenticate(
  authorization: string | undefined,
  verifier: TokenVerifier,
  findTenant: (tid: string) => TenantState | undefined,
  callers: CallerCache = new WeakMap(),
): Promise<Authentication> {
  const token = bearerToken(authorization);
  if (token === undefined) return { ok: false, error: 'unauthorized' };
  const verified = verifier.verifyCachedAccessToken?.(token) ?? (await verifier.verifyAccessToken(token));
  if (!verified.ok)
    return { ok: false, error: verified.reason === 'wrong-audience' ? 'forbidden' : 'unauthorized' };
  const { claims } = verified;
  const tenant = findTenant(claims.tid);
  if (!tenant) return { ok: false, error: 'unauthorized' };
  const known = callers.get(claims);
  // A reseeded tenant is a new object: its apps may have changed, so the cached caller only counts for the same one.
  if (known?.tenant === tenant) return { ok: true, value: known };
  const clientId = claims.appid ?? claims.azp ?? '';
  const scopes = claims.scp ? claims.scp.split(' ').filter(Boolean) : [];
  const isUser = scopes.length > 0 || claims.upn !== undefined;
  const app = tenant.app(clientId);
  const caller: Caller = {
    kind: isUser ? 'user' : 'app',
    tenantId: tenant.id,
    clientId,
    roles: claims.roles ?? [],
    scopes,
    userObjectId: isUser ? claims.oid : undefined,
    requestor: isUser
      ? (claims.upn ?? claims.unique_name ?? claims.oid ?? clientId)
      : (app?.displayName ?? claims.app_displayname ?? clientId),
  };
  const value = { caller, tenant };
  callers.set(claims, value);
  return { ok: true, value };
}

/**
 * Checks the operation's permission (roles or scopes) and, for users, the MDE portal role.
 * @returns the 403 message naming what is missing, or undefined when the caller may go on.
 */
export function authorize(
  caller: Caller,
  tenant: TenantState,
  permissions: OperationPermissions,
  wording: ForbiddenWording,
): string | undefined {
  if (caller.kind === 'app') {
    if (permissions.application.some((role) => caller.roles.includes(role))) return undefined;
    return wording === 'legacy'
      ? `The application does not have any of the required application permissions (${permissions.application.join(', ')}) to access the resource.`
      : `Missing application roles. API required roles: ${permissions.application.join(',')}, application roles: ${caller.roles.join(',')}.`;
  }
  if (!permissions.delegated.some((scope) => caller.scopes.includes(scope))) {
    return `Missing delegated scopes. API required scopes: ${permissions.delegated.join(',')}, token scopes: ${caller.scopes.join(',')}.`;
  }
  const user = caller.userObjectId ? tenant.user(caller.userObjectId) : undefined;
  if (permissions.userRole && !user?.mdeRoles.includes(permissions.userRole)) {
    return `The user doesn't have the required role permission: ${permissions.userRole}.`;
  }
  return undefined;
}

/**
 * For users: may they act on a machine of this device group? (Apps see every machine.)
 * @returns the 403 message, or undefined when access is granted.
 */
export function checkDeviceGroup(
  caller: Caller,
  tenant: TenantState,
  permissions: OperationPermissions,
  machine: { id: string; rbacGroupName: string | null },
): string | undefined {
  if (caller.kind === 'app' || !permissions.deviceGroupAccess) return undefined;
  const groups = (caller.userObjectId ? tenant.user(caller.userObjectId)?.deviceGroups : undefined) ?? [];
  if (groups.includes('*') || (machine.rbacGroupName !== null && groups.includes(machine.rbacGroupName))) {
    return undefined;
  }
  return `The user doesn't have access to machine ${machine.id} (device group settings).`;
}
