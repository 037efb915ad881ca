/**
 * @module
 * The token-signing key set: an RS256 key with a `kid`, the previous key kept after a rotation so tokens it
 * signed still verify, and a JSON form the server persists in its state directory.
 */
import {
  CompactSign,
  type CryptoKey,
  calculateJwkThumbprint,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
} from 'jose';

/** One signing key. */
export interface SigningKey {
  /** Key id, the RFC 7638 JWK thumbprint of the public key (base64url SHA-256). */
  kid: string;
  privateKey: CryptoKey;
  /** Public JWK as published in the JWKS (`kty`, `use`, `kid`, `n`, `e`). */
  publicJwk: JWK;
  /** Private JWK with `kid`, for persistence. */
  privateJwk: JWK;
}

/** The persisted form: private JWKs, current first. */
export interface PersistedSigningKeys {
  version: 1;
  /** `keys[0]` signs; `keys[1]`, when present, is the previous key, kept for verification only. */
  keys: JWK[];
}

/** The key set an identity provider signs and verifies with. */
export interface SigningKeySet {
  /** The key new tokens are signed with. */
  current(): SigningKey;
  /** Public keys for verification: the current key and, after a rotation, the previous one. */
  jwks(): JSONWebKeySet;
  /** Makes a fresh key current; the old current key stays published, the one before it is dropped. */
  rotate(): Promise<void>;
  /** Private JWKs for persistence. Treat the result as a secret. */
  export(): PersistedSigningKeys;
}

/** How many keys stay published: the current one and the previous one. */
const PUBLISHED_KEYS = 2;

/** Creates a key set, from persisted keys when given, else with a fresh key. */
export async function createSigningKeySet(persisted?: PersistedSigningKeys | string): Promise<SigningKeySet> {
  let keys: SigningKey[] =
    persisted === undefined
      ? [await generateSigningKey()]
      : await Promise.all(parsePersistedSigningKeys(persisted).keys.map(fromPrivateJwk));
  return {
    current: () => keys[0]!,
    jwks: () => ({ keys: keys.map((k) => k.publicJwk) }),
    async rotate() {
      keys = [await generateSigningKey(), ...keys].slice(0, PUBLISHED_KEYS);
    },
    export: () => ({ version: 1, keys: keys.map((k) => k.privateJwk) }),
  };
}

/** Generates a standalone RS256 signing key (also used for deliberately untrusted signatures). */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return fromPrivateJwk(jwk);
}

/**
 * Checks the shape of persisted keys (synchronously, so a corrupt state file fails at construction).
 * Throws a TypeError naming what is wrong.
 */
export function parsePersistedSigningKeys(persisted: PersistedSigningKeys | string): PersistedSigningKeys {
  const value: unknown = typeof persisted === 'string' ? JSON.parse(persisted) : persisted;
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { version?: unknown }).version !== 1 ||
    !Array.isArray((value as { keys?: unknown }).keys) ||
    (value as { keys: unknown[] }).keys.length === 0
  ) {
    throw new TypeError(
      'Failed to import signing keys: expected {"version":1,"keys":[<private RSA JWK>, ...]}.',
    );
  }
  const keys = (value as PersistedSigningKeys).keys.slice(0, PUBLISHED_KEYS);
  for (const jwk of keys) {
    if (
      jwk?.kty !== 'RSA' ||
      typeof jwk.d !== 'string' ||
      typeof jwk.n !== 'string' ||
      typeof jwk.e !== 'string'
    ) {
      throw new TypeError('Failed to import signing keys: every key must be a private RSA JWK.');
    }
  }
  return { version: 1, keys };
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  if (
    jwk.kty !== 'RSA' ||
    typeof jwk.d !== 'string' ||
    typeof jwk.n !== 'string' ||
    typeof jwk.e !== 'string'
  ) {
    throw new TypeError('Failed to import a signing key: it is not a private RSA JWK.');
  }
  const publicPart: JWK = { kty: 'RSA', n: jwk.n, e: jwk.e };
  const kid = await calculateJwkThumbprint(publicPart, 'sha256');
  const privateJwk: JWK = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  // The real JWKS entries carry kty, use, kid, n, e (and x5t/x5c, which these keys have no certificate for).
  const publicJwk: JWK = { kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e };
  let privateKey: CryptoKey;
  try {
    // `extractable` so the key can be exported again after a persist/import round trip.
    privateKey = (await importJWK(privateJwk, 'RS256', { extractable: true })) as CryptoKey;
    await proveKeyPair(privateKey, publicJwk);
  } catch (error) {
    throw new TypeError(
      `Failed to import signing key ${kid}: it cannot sign a token that its public key verifies (${(error as Error).message}).`,
    );
  }
  return { kid, privateKey, publicJwk, privateJwk };
}

/**
 * Signs a test token and verifies it with the public half: a key whose `n`, `d` or primes were altered may
 * import, but then every token it signs fails verification, so it is refused here instead.
 */
async function proveKeyPair(privateKey: CryptoKey, publicJwk: JWK): Promise<void> {
  const token = await new CompactSign(new TextEncoder().encode('mde-sim signing key check'))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  await compactVerify(token, await importJWK(publicJwk, 'RS256'));
}
