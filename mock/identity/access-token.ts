/**
 * @module
 * The access token the offline Entra ID issues: its claims, in the order a real v1.0 MDE token carries them
 * (payload 20), and its signing.
 */
import { type CryptoKey, SignJWT } from 'jose';
import type { UserAccount } from '../core/types.ts';
import {
  aioClaim,
  type IdentityRandom,
  pairwiseSubject,
  refreshHandleClaim,
  stableGuid,
  utiClaim,
} from './token-identifiers.ts';

/** Claims of a v1.0 access token for the MDE API. */
export interface AccessTokenClaims {
  /** The resource, e.g. `https://api.securitycenter.microsoft.com`. */
  aud: string;
  /** `https://sts.windows.net/{tid}/`. */
  iss: string;
  /** Seconds since the epoch. */
  iat: number;
  nbf: number;
  exp: number;
  /** Delegated tokens only: authentication context class, `"1"`. */
  acr?: string;
  aio: string;
  /** Delegated tokens only: `["pwd"]`. */
  amr?: string[];
  app_displayname?: string;
  /** Client (application) id of the caller. */
  appid: string;
  /** `"0"` public client, `"1"` client secret, `"2"` certificate. */
  appidacr: '0' | '1' | '2';
  /** App tokens: `https://sts.windows.net/{tid}/`. */
  idp?: string;
  /** Delegated tokens only: the user's display name. */
  name?: string;
  /** App tokens: the service principal's object id; delegated tokens: the user's object id. */
  oid: string;
  rh: string;
  /** App tokens only: application permissions; omitted when the app has none. */
  roles?: string[];
  /** Delegated tokens only: delegated permissions joined by spaces. */
  scp?: string;
  sub: string;
  tenant_region_scope: string;
  tid: string;
  /** Delegated tokens only. */
  unique_name?: string;
  /** Delegated tokens only. */
  upn?: string;
  uti: string;
  ver: '1.0';
}

/** The order real tokens list their claims in; claims not listed go last, in the order given. */
const CLAIM_ORDER: readonly string[] = [
  'aud',
  'iss',
  'iat',
  'nbf',
  'exp',
  'acr',
  'aio',
  'amr',
  'app_displayname',
  'appid',
  'appidacr',
  'idp',
  'name',
  'oid',
  'preferred_username',
  'rh',
  'roles',
  'scp',
  'sub',
  'tenant_region_scope',
  'tid',
  'unique_name',
  'upn',
  'uti',
  'ver',
];

/** Returns a copy of `claims` with keys in the real order and undefined values dropped. */
export function orderClaims<T extends object>(claims: T): T {
  const source = claims as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of CLAIM_ORDER) if (source[key] !== undefined) ordered[key] = source[key];
  for (const [key, value] of Object.entries(source))
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as T;
}

/** `https://sts.windows.net/{tid}/`, the issuer of v1.0 tokens. */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** Signs claims as a JWT with the header real tokens carry (`typ`, `alg`, `kid`). */
export async function signToken(
  claims: object,
  key: { kid: string; privateKey: CryptoKey },
): Promise<string> {
  return new SignJWT(orderClaims(claims) as Record<string, unknown>)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

/** Issue times of a token. */
export interface TokenTimes {
  iat: number;
  nbf: number;
  exp: number;
  /** The token response's `expires_in`: seconds from now until `exp`, less one. */
  expiresIn: number;
}

/**
 * Seconds the real service back-dates `iat`/`nbf` by, for clock skew: real app tokens have `exp - iat` = 3900
 * while the token response says `expires_in: 3599` (inferred from payload 20 and the docs' response).
 */
export const ISSUE_BACKDATE_SECONDS = 300;

/** Times of a token issued at `nowMs` living `lifetimeSeconds` (`exp - iat`). */
export function tokenTimes(nowMs: number, lifetimeSeconds: number): TokenTimes {
  const now = Math.floor(nowMs / 1000);
  const iat = now - ISSUE_BACKDATE_SECONDS;
  const exp = iat + lifetimeSeconds;
  return { iat, nbf: iat, exp, expiresIn: Math.max(0, exp - now - 1) };
}

/** What an app (client credentials) token is about. */
export interface AppTokenSubject {
  tenantId: string;
  appId: string;
  appDisplayName: string | undefined;
  roles: readonly string[];
  audience: string;
  appidacr: AccessTokenClaims['appidacr'];
  tenantRegionScope: string;
}

/** Claims of an app token, as a real client-credentials token for MDE has them. */
export async function appTokenClaims(
  subject: AppTokenSubject,
  times: Pick<TokenTimes, 'iat' | 'nbf' | 'exp'>,
  random: IdentityRandom,
): Promise<AccessTokenClaims> {
  const servicePrincipalId = await stableGuid('service-principal', subject.tenantId, subject.appId);
  return orderClaims<AccessTokenClaims>({
    aud: subject.audience,
    iss: v1Issuer(subject.tenantId),
    iat: times.iat,
    nbf: times.nbf,
    exp: times.exp,
    aio: aioClaim(random),
    ...(subject.appDisplayName === undefined ? {} : { app_displayname: subject.appDisplayName }),
    appid: subject.appId,
    appidacr: subject.appidacr,
    idp: v1Issuer(subject.tenantId),
    oid: servicePrincipalId,
    rh: refreshHandleClaim(subject.tenantId),
    ...(subject.roles.length === 0 ? {} : { roles: [...subject.roles] }),
    sub: servicePrincipalId,
    tenant_region_scope: subject.tenantRegionScope,
    tid: subject.tenantId,
    uti: utiClaim(random),
    ver: '1.0',
  });
}

/** What a delegated (user) token is about. */
export interface UserTokenSubject {
  tenantId: string;
  appId: string;
  appDisplayName: string;
  appidacr: AccessTokenClaims['appidacr'];
  user: UserAccount;
  audience: string;
  /** Granted delegated permissions. */
  scopes: readonly string[];
  tenantRegionScope: string;
}

/** Claims of a delegated token obtained with the user's password (`amr: ["pwd"]`). */
export async function userTokenClaims(
  subject: UserTokenSubject,
  times: Pick<TokenTimes, 'iat' | 'nbf' | 'exp'>,
  random: IdentityRandom,
): Promise<AccessTokenClaims> {
  const { user } = subject;
  return orderClaims<AccessTokenClaims>({
    aud: subject.audience,
    iss: v1Issuer(subject.tenantId),
    iat: times.iat,
    nbf: times.nbf,
    exp: times.exp,
    acr: '1',
    aio: aioClaim(random),
    amr: ['pwd'],
    app_displayname: subject.appDisplayName,
    appid: subject.appId,
    appidacr: subject.appidacr,
    name: user.displayName,
    oid: user.objectId,
    rh: refreshHandleClaim(subject.tenantId),
    scp: subject.scopes.join(' '),
    sub: await pairwiseSubject('sub', subject.tenantId, user.objectId, subject.appId),
    tenant_region_scope: subject.tenantRegionScope,
    tid: subject.tenantId,
    unique_name: user.userPrincipalName,
    upn: user.userPrincipalName,
    uti: utiClaim(random),
    ver: '1.0',
  });
}

/** Claims of the v2.0 ID token returned beside a delegated token when `openid` was asked for. */
export async function idTokenClaims(
  subject: { issuer: string; tenantId: string; appId: string; user: UserAccount },
  times: Pick<TokenTimes, 'iat' | 'nbf' | 'exp'>,
  random: IdentityRandom,
): Promise<Record<string, unknown>> {
  return {
    aud: subject.appId,
    iss: subject.issuer,
    iat: times.iat,
    nbf: times.nbf,
    exp: times.exp,
    name: subject.user.displayName,
    oid: subject.user.objectId,
    preferred_username: subject.user.userPrincipalName,
    rh: refreshHandleClaim(subject.tenantId),
    sub: await pairwiseSubject('sub', subject.tenantId, subject.user.objectId, subject.appId),
    tid: subject.tenantId,
    uti: utiClaim(random),
    ver: '2.0',
  };
}
