/**
 * A credential that hands out one token obtained elsewhere (`az account get-access-token`, a test, a pipeline).
 * @module
 */
import type { AccessToken, TokenCredential } from './types.ts';

/**
 * Returns the same bearer token every time. It cannot refresh: after a 401 the client fails with
 * UnauthorizedError.
 * @example
 * ```ts
 * const client = new DefenderClient({ credential: new StaticTokenCredential(process.env.MDE_ACCESS_TOKEN!), endpoint: 'global' });
 * ```
 */
export class StaticTokenCredential implements TokenCredential {
  readonly #token: AccessToken;

  /**
   * @param token - the bearer token, without the `Bearer ` prefix.
   * @param expiresOnTimestamp - when it expires (ms since the epoch); unknown tokens are treated as long-lived.
   */
  constructor(token: string, expiresOnTimestamp = Number.MAX_SAFE_INTEGER) {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new TypeError('Invalid token: a non-empty string is expected.');
    }
    this.#token = { token: token.trim().replace(/^Bearer\s+/i, ''), expiresOnTimestamp };
  }

  getToken(): Promise<AccessToken> {
    return Promise.resolve(this.#token);
  }
}
