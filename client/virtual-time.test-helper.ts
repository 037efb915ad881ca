/**
 * A virtual clock for client tests: `sleep` advances `now` instantly and records each duration, so retry and
 * polling delays are asserted exactly without waiting on the wall clock.
 * @module
 */
import type { AccessToken, GetTokenOptions, SleepFunction, TokenCredential } from './types.ts';

export interface VirtualTime {
  now: () => number;
  sleep: SleepFunction;
  /** Every duration slept, in order. */
  sleeps: number[];
}

/** Starts at 2026-01-30T21:11:22Z (the recorded action's creation time). */
export function virtualTime(startMs = Date.parse('2026-01-30T21:11:22Z')): VirtualTime {
  let current = startMs;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleeps,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      current += ms;
    },
  };
}

/** A credential handing out `token-1`, `token-2`… (a new one per forced refresh), recording each call. */
export class CountingCredential implements TokenCredential {
  readonly calls: Array<{ scopes: string[]; forceRefresh: boolean }> = [];
  #issued = 1;

  async getToken(scopes: string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    this.calls.push({ scopes, forceRefresh: options.forceRefresh === true });
    if (options.forceRefresh === true) this.#issued++;
    return { token: `token-${this.#issued}`, expiresOnTimestamp: Number.MAX_SAFE_INTEGER };
  }
}
