/**
 * @module
 * Verification of the access tokens this identity provider issued, as the MDE API does it on every call,
 * with a cache so the hot path does not redo RSA for a token it has already accepted.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createLocalJWKSet, decodeProtectedHeader, errors, type JSONWebKeySet, jwtVerify } from 'jose';
import type { Clock } from '../core/types.ts';
import type { AccessTokenClaims } from './access-token.ts';
import type { IdentityDirectory } from './directory.ts';

/** Why a token was refused. Callers branch on this, never on text. */
export type TokenRejectionReason =
  | 'malformed'
  | 'bad-signature'
  | 'unknown-kid'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience';

/** The outcome of verifying an access token. */
export type AccessTokenVerification =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: TokenRejectionReason };

/** Options of {@link createAccessTokenVerifier}. */
export interface AccessTokenVerifierOptions {
  clock: Clock;
  directory: IdentityDirectory;
  /** The JWKS tokens are checked against; read after every {@link AccessTokenVerifier.keysChanged}. */
  jwks: () => JSONWebKeySet;
  acceptedAudiences: readonly string[];
  /** How many accepted tokens to remember. */
  cacheEntries: number;
}

/** Verifies access tokens. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<AccessTokenVerification>;
  /** The answer for a token verified before and still cached, without a promise; undefined otherwise. */
  cached(token: string): AccessTokenVerification | undefined;
  /** Call after a key rotation: rebuilds the key set and forgets cached verifications. */
  keysChanged(): void;
}

const ISSUER = /^https:\/\/sts\.windows\.net\/([0-9a-fA-F-]{36})\/$/;

/**
 * The type of every claim the simulator reads. A claim of another type is a token Entra ID would never
 * issue, so it is refused (401) here, before anything reads it: `roles: "X"` must not pass as a role list
 * (a string's `includes` is a substring match). Claims the simulator does not read stay free-form.
 */
const CLAIM_TYPES = {
  type: 'object',
  required: ['aud', 'iss', 'tid', 'exp', 'nbf'],
  properties: {
    aud: { type: 'string' },
    iss: { type: 'string' },
    tid: { type: 'string' },
    exp: { type: 'number' },
    nbf: { type: 'number' },
    iat: { type: 'number' },
    appid: { type: 'string' },
    azp: { type: 'string' },
    oid: { type: 'string' },
    app_displayname: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    scp: { type: 'string' },
    upn: { type: 'string' },
    unique_name: { type: 'string' },
  },
} as const;

const claimsHaveTheirTypes = new Ajv2020({ strict: true, allErrors: false }).compile<AccessTokenClaims>(
  CLAIM_TYPES,
);

/** Creates a verifier. Tokens are never logged or kept beyond the bounded cache. */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  const { clock, directory, cacheEntries } = options;
  const audiences = new Set(options.acceptedAudiences);
  let keySet = createLocalJWKSet(options.jwks());
  let kids = new Set(options.jwks().keys.map((k) => k.kid));
  // Insertion-ordered Map, oldest evicted first. A hit is deliberately not re-inserted: that would keep
  // this request's copy of the token string (about 1 KB) alive past the young generation on every call,
  // which the benchmark showed as GC time. An evicted token is simply verified again.
  // Keyed by the signature's last characters, not the whole token: a request brings a fresh copy of the
  // ~1.3 KB token, and hashing all of it on every call showed in the profile. A hit compares the full token.
  const cache = new Map<string, { token: string; claims: AccessTokenClaims }>();
  const keyOf = (token: string): string => token.slice(-48);

  const checkTimesAndIssuer = (claims: AccessTokenClaims): AccessTokenVerification => {
    const nowSeconds = clock.now() / 1000;
    if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    if (claims.nbf > nowSeconds) return { ok: false, reason: 'not-yet-valid' };
    const issuerTenant = ISSUER.exec(claims.iss)?.[1]?.toLowerCase();
    if (
      issuerTenant === undefined ||
      issuerTenant !== String(claims.tid).toLowerCase() ||
      directory.findTenant(issuerTenant)?.id.toLowerCase() !== issuerTenant
    ) {
      return { ok: false, reason: 'wrong-issuer' };
    }
    if (!audiences.has(claims.aud)) return { ok: false, reason: 'wrong-audience' };
    return { ok: true, claims };
  };

  const fromCache = (token: string): AccessTokenVerification | undefined => {
    const key = keyOf(token);
    const cached = cache.get(key);
    if (cached === undefined || cached.token !== token) return undefined;
    const outcome = checkTimesAndIssuer(cached.claims);
    if (!outcome.ok) cache.delete(key);
    return outcome;
  };

  return {
    cached: fromCache,
    async verify(token) {
      const hit = fromCache(token);
      if (hit !== undefined) return hit;
      let kid: unknown;
      try {
        kid = decodeProtectedHeader(token).kid;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof kid !== 'string' || !kids.has(kid)) return { ok: false, reason: 'unknown-kid' };
      let claims: AccessTokenClaims;
      try {
        // Times are checked below against the clock, so jose sees the same instant and no tolerance.
        const result = await jwtVerify(token, keySet, {
          algorithms: ['RS256'],
          currentDate: new Date(clock.now()),
          requiredClaims: ['exp', 'nbf', 'iss', 'aud', 'tid'],
        });
        claims = result.payload as unknown as AccessTokenClaims;
      } catch (error) {
        return { ok: false, reason: rejectionReason(error) };
      }
      if (!claimsHaveTheirTypes(claims)) return { ok: false, reason: 'malformed' };
      const outcome = checkTimesAndIssuer(claims);
      if (outcome.ok) {
        if (cache.size >= cacheEntries) cache.delete(cache.keys().next().value!);
        cache.set(keyOf(token), { token, claims });
      }
      return outcome;
    },
    keysChanged() {
      const jwks = options.jwks();
      keySet = createLocalJWKSet(jwks);
      kids = new Set(jwks.keys.map((k) => k.kid));
      cache.clear();
    },
  };
}

function rejectionReason(error: unknown): TokenRejectionReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') return 'not-yet-valid';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown-kid';
  return 'malformed';
}
