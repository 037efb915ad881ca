/**
 * @module
 * The offline Entra ID: `createIdentityProvider` serves the token endpoint and the discovery documents MSAL
 * reads, verifies the access tokens it issued, and mints tokens for tests and the control API.
 *
 * Routes, in the order `handle` tries them: the managed-identity endpoints (`/msi/token`,
 * `/metadata/identity/oauth2/token`: managed-identity.ts), `/{tenant}/oauth2/v2.0/token` and
 * `/{tenant}/oauth2/token` (token-endpoint.ts, with federated-credential.ts and client-assertion.ts for
 * assertions), the JWKS, `/common/discovery/instance` and the OpenID configuration (discovery.ts, by the
 * cloud of the host asked: clouds.ts).
 */
import type { JSONWebKeySet } from 'jose';
import type { Clock, SimRequest, SimResponse } from '../core/types.ts';
import { aadstsErrorResponse } from './aadsts-errors.ts';
import {
  type AccessTokenClaims,
  appTokenClaims,
  orderClaims,
  signToken,
  tokenTimes,
} from './access-token.ts';
import { allCloudAudiences } from './clouds.ts';
import { findApp, type IdentityDirectory } from './directory.ts';
import { instanceDiscovery, MULTI_TENANT_SEGMENTS, openIdConfiguration } from './discovery.ts';
import { createManagedIdentityEndpoint, managedIdentityFlavour } from './managed-identity.ts';
import {
  createSigningKeySet,
  generateSigningKey,
  type PersistedSigningKeys,
  parsePersistedSigningKeys,
  type SigningKey,
  type SigningKeySet,
} from './signing-keys.ts';
import { createTokenEndpoint } from './token-endpoint.ts';
import { cryptoRandom, type IdentityRandom } from './token-identifiers.ts';
import { type AccessTokenVerification, createAccessTokenVerifier } from './token-verifier.ts';

/** Options of {@link createIdentityProvider}. */
export interface IdentityProviderOptions {
  /** Time source for token times and verification. */
  clock: Clock;
  /** Tenants, apps and users. */
  directory: IdentityDirectory;
  /** Persisted signing keys (from {@link IdentityProvider.exportKeys}); a fresh key when absent. */
  keys?: PersistedSigningKeys | string;
  /**
   * `exp - iat` of issued tokens, in seconds; `iat` is back-dated 300 s, so `expires_in` is this less 301.
   * @default 3900 (real MDE tokens; `expires_in` 3599)
   */
  tokenLifetimeSeconds?: number;
  /**
   * Resources a token can be issued for (`<audience>/.default`) and that `verifyAccessToken` accepts. On a
   * real cloud's sign-in host (through the proxy) only that cloud's share of them is issued (clouds.ts).
   * @default the four public MDE audiences of the reference decisions, `api-gcc`, and the US Government ones
   */
  acceptedAudiences?: readonly string[];
  /** Random source for ids (`aio`, `uti`, trace ids); the simulator's seeded `RandomSource` fits. @default WebCrypto */
  random?: IdentityRandom;
  /** The `tenant_region_scope` claim. @default 'NA' */
  tenantRegionScope?: string;
  /** How many verified tokens to remember (oldest evicted first), so repeat calls skip RSA. @default 10000 */
  verificationCacheEntries?: number;
  /**
   * Clock a client assertion's `nbf`/`exp` are checked against. Clients sign assertions with their host's
   * wall clock, so once a virtual `clock` has been moved away from wall time, pass a wall clock here.
   * @default options.clock
   */
  clientAssertionClock?: Clock;
  /** Allowed difference between an assertion's times and `clientAssertionClock`, in seconds. @default 300 */
  clientAssertionClockSkewSeconds?: number;
  /**
   * Called after every key rotation with the new key set (private keys: a secret), and awaited before the
   * rotation resolves, so a host can persist the keys before it answers. @default none
   */
  onKeysRotated?: (keys: PersistedSigningKeys) => void | Promise<void>;
}

/** Defaults of {@link IdentityProviderOptions}, in one place. */
export const identityProviderDefaults = {
  tokenLifetimeSeconds: 3900,
  // The public cloud's audiences first (the first one is what mintToken uses), then US Government's.
  acceptedAudiences: allCloudAudiences,
  tenantRegionScope: 'NA',
  verificationCacheEntries: 10_000,
  clientAssertionClockSkewSeconds: 300,
} as const satisfies Partial<IdentityProviderOptions>;

/** Options of {@link IdentityProvider.mintToken}. */
export interface MintTokenOptions {
  /** `exp - iat` in seconds. @default the provider's tokenLifetimeSeconds */
  lifetimeSeconds?: number;
  /**
   * `'current'` signs with the published key; `'untrusted'` signs with a throwaway key under the current
   * key's `kid`, so verification fails with `bad-signature`.
   * @default 'current'
   */
  signWith?: 'current' | 'untrusted';
}

/** The offline Entra ID. */
export interface IdentityProvider {
  /** Answers an Entra ID request, or resolves to undefined when the path is not an identity endpoint. */
  handle(req: SimRequest): Promise<SimResponse | undefined>;
  /** Verifies an access token as the MDE API does. Never logs the token. */
  verifyAccessToken(token: string): Promise<AccessTokenVerification>;
  /** The verification of a token seen before (cache hit), synchronously; undefined when not cached. */
  verifyCachedAccessToken(token: string): AccessTokenVerification | undefined;
  /**
   * Mints an access token without a token request (tests, control API). Unspecified claims are filled like
   * a real app token: claims of the registered app when `appid` names one, times from the clock. When `scp`
   * is given the token is delegated: no `roles` or `idp` (unless given), `acr`/`amr` as a password sign-in.
   */
  mintToken(
    claims: Partial<AccessTokenClaims> & { tid: string },
    options?: MintTokenOptions,
  ): Promise<string>;
  /** Signs new tokens with a fresh key; tokens signed by the previous key keep verifying. */
  rotateKeys(): Promise<void>;
  /** The signing keys as JSON for the state directory. Private keys: store as a secret. */
  exportKeys(): Promise<PersistedSigningKeys>;
  /** The published JWKS (what `/discovery/v2.0/keys` serves). */
  jwks(): Promise<JSONWebKeySet>;
}

/** Creates the offline Entra ID. Options are checked here; a bad value throws a TypeError naming it. */
export function createIdentityProvider(options: IdentityProviderOptions): IdentityProvider {
  const settings = resolveOptions(options);
  const { clock, directory, random } = settings;
  // Keys load lazily (WebCrypto is async); their JSON shape is checked now so a corrupt file fails early.
  const persisted = options.keys === undefined ? undefined : parsePersistedSigningKeys(options.keys);
  let keySet: Promise<SigningKeySet> | undefined;
  const keys = () => {
    keySet ??= createSigningKeySet(persisted);
    return keySet;
  };
  let untrustedKey: Promise<SigningKey> | undefined;

  let verifier: ReturnType<typeof createAccessTokenVerifier> | undefined;
  const getVerifier = async () => {
    const set = await keys();
    verifier ??= createAccessTokenVerifier({
      clock,
      directory,
      jwks: () => set.jwks(),
      acceptedAudiences: settings.acceptedAudiences,
      cacheEntries: settings.verificationCacheEntries,
    });
    return verifier;
  };

  const sign = async (claims: object) => signToken(claims, (await keys()).current());
  const managedIdentityEndpoint = createManagedIdentityEndpoint({ ...settings, sign });
  const tokenEndpoint = createTokenEndpoint({ ...settings, sign, jwks: async () => (await keys()).jwks() });

  const json = (status: number, body: unknown): SimResponse => ({
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=86400, private' },
    body: JSON.stringify(body),
  });

  return {
    async handle(req) {
      const managedIdentity = managedIdentityFlavour(req.path);
      if (managedIdentity !== undefined) return managedIdentityEndpoint(req, managedIdentity);
      const segments = req.path.split('/').filter(Boolean).map(safeDecode);
      const [segment, ...rest] = segments;
      if (segment === undefined) return undefined;
      const route = rest.join('/');
      if (route === 'oauth2/v2.0/token') return tokenEndpoint(req, segment, 'v2');
      if (route === 'oauth2/token') return tokenEndpoint(req, segment, 'v1');
      if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
      if (route === 'discovery/v2.0/keys' || route === 'discovery/keys')
        return json(200, (await keys()).jwks());
      if (route === 'discovery/instance' && segment.toLowerCase() === 'common') {
        const discovered = instanceDiscovery(
          req.origin,
          new URLSearchParams(req.query).get('authorization_endpoint'),
        );
        if (discovered.ok) return json(200, discovered.body);
        return aadstsErrorResponse(
          'unknownInstance',
          {},
          {
            nowMs: clock.now(),
            traceId: random.uuid(),
            correlationId: req.headers['client-request-id'] ?? random.uuid(),
          },
        );
      }
      if (route === 'v2.0/.well-known/openid-configuration') {
        const lower = segment.toLowerCase();
        if (MULTI_TENANT_SEGMENTS.has(lower)) return json(200, openIdConfiguration(req.origin, lower, null));
        const tenant = directory.findTenant(segment);
        if (tenant === undefined) {
          return aadstsErrorResponse(
            'tenantNotFound',
            { tenant: segment },
            {
              nowMs: clock.now(),
              traceId: random.uuid(),
              correlationId: req.headers['client-request-id'] ?? random.uuid(),
            },
          );
        }
        return json(200, openIdConfiguration(req.origin, tenant.id, settings.tenantRegionScope));
      }
      return undefined;
    },

    async verifyAccessToken(token) {
      return (await getVerifier()).verify(token);
    },

    verifyCachedAccessToken(token) {
      return verifier?.cached(token);
    },

    async mintToken(claims, mintOptions = {}) {
      const lifetime = mintOptions.lifetimeSeconds ?? settings.tokenLifetimeSeconds;
      if (!Number.isFinite(lifetime))
        throw new TypeError('mintToken: lifetimeSeconds must be a finite number.');
      // Claims are free-form here (tests mint forged tokens on purpose); their types are checked where a
      // token is verified. Only well-typed values are used to fill in the rest.
      const tid = typeof claims.tid === 'string' ? claims.tid : '';
      const appid = typeof claims.appid === 'string' ? claims.appid : undefined;
      const tenant = tid === '' ? undefined : directory.findTenant(tid);
      const app = appid === undefined || tenant === undefined ? undefined : findApp(tenant, appid);
      const times = tokenTimes(clock.now(), lifetime);
      const filled = await appTokenClaims(
        {
          tenantId: tid,
          appId: appid ?? random.uuid(),
          appDisplayName: app?.displayName,
          roles: app?.roles ?? [],
          audience: settings.acceptedAudiences[0]!,
          appidacr: '1',
          tenantRegionScope: settings.tenantRegionScope,
        },
        times,
        random,
      );
      // A token with `scp` is delegated: like a password-grant token it has no app roles and no idp.
      const base: Partial<AccessTokenClaims> =
        claims.scp === undefined ? filled : { ...withoutAppOnlyClaims(filled), acr: '1', amr: ['pwd'] };
      const merged = orderClaims({ ...base, ...claims });
      const current = (await keys()).current();
      if (mintOptions.signWith === 'untrusted') {
        untrustedKey ??= generateSigningKey();
        return signToken(merged, { kid: current.kid, privateKey: (await untrustedKey).privateKey });
      }
      return signToken(merged, current);
    },

    async rotateKeys() {
      const set = await keys();
      await set.rotate();
      verifier?.keysChanged();
      await options.onKeysRotated?.(set.export());
    },

    async exportKeys() {
      return (await keys()).export();
    },

    async jwks() {
      return (await keys()).jwks();
    },
  };
}

function resolveOptions(options: IdentityProviderOptions) {
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? identityProviderDefaults.tokenLifetimeSeconds;
  if (!Number.isInteger(tokenLifetimeSeconds) || tokenLifetimeSeconds <= 301) {
    throw new TypeError(
      'createIdentityProvider: tokenLifetimeSeconds must be an integer above 301 (iat is back-dated 300 s).',
    );
  }
  const acceptedAudiences = options.acceptedAudiences ?? identityProviderDefaults.acceptedAudiences;
  if (acceptedAudiences.length === 0) {
    throw new TypeError('createIdentityProvider: acceptedAudiences must name at least one audience.');
  }
  const verificationCacheEntries =
    options.verificationCacheEntries ?? identityProviderDefaults.verificationCacheEntries;
  if (!Number.isInteger(verificationCacheEntries) || verificationCacheEntries < 0) {
    throw new TypeError('createIdentityProvider: verificationCacheEntries must be a non-negative integer.');
  }
  const clientAssertionClockSkewSeconds =
    options.clientAssertionClockSkewSeconds ?? identityProviderDefaults.clientAssertionClockSkewSeconds;
  if (!(clientAssertionClockSkewSeconds >= 0)) {
    throw new TypeError(
      'createIdentityProvider: clientAssertionClockSkewSeconds must be a non-negative number.',
    );
  }
  return {
    clock: options.clock,
    directory: options.directory,
    random: options.random ?? cryptoRandom,
    tokenLifetimeSeconds,
    acceptedAudiences,
    tenantRegionScope: options.tenantRegionScope ?? identityProviderDefaults.tenantRegionScope,
    verificationCacheEntries,
    clientAssertionClock: options.clientAssertionClock ?? options.clock,
    clientAssertionClockSkewSeconds,
  };
}

function withoutAppOnlyClaims(claims: AccessTokenClaims): Partial<AccessTokenClaims> {
  const { roles: _roles, idp: _idp, ...rest } = claims;
  return rest;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
