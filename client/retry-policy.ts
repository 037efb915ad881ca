/**
 * When is a failed request retried, and after how long. Pure functions: time and randomness come in as arguments.
 *
 * Retry safety (the service has no idempotency key, and a repeated unrestrict/restrict POST either creates a
 * second action or is refused with ActiveRequestAlreadyExists, so a POST is retried only when it provably was
 * not executed):
 *
 * | failure                                        | GET (read)        | POST (create action, cancel)            |
 * |------------------------------------------------|-------------------|-----------------------------------------|
 * | 429 (throttle sits in front of the operation)   | after Retry-After | after Retry-After                       |
 * | 503 Service Unavailable (refused, not run)      | backoff           | backoff                                 |
 * | 500, 502, 504 (may have run)                    | backoff           | no: the action may exist; caller checks |
 * | 501, 505, other 5xx (permanent)                 | no                | no                                      |
 * | refused / DNS / unreachable / connect timeout   | backoff           | backoff (the request was never sent)    |
 * | reset / socket closed / headers or body timeout | backoff           | no: the request may have been executed  |
 * | TLS certificate errors                          | no (permanent)    | no                                      |
 * | 401                                             | one forced token refresh, then no (handled by the pipeline) |
 * | 400, 403, 404, others                           | no                | no                                      |
 *
 * A 429 whose Retry-After exceeds `maxRetryDelayMs` is not retried (sleeping less would only earn another 429).
 * @module
 */
import {
  type DefenderApiError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from './errors.ts';
import type { RetryReason } from './types.ts';

/** The knobs of the policy, resolved (defaults applied) by the client. */
export interface RetryPolicyOptions {
  maxAttempts: number;
  baseRetryDelayMs: number;
  maxRetryDelayMs: number;
  /** Random source in [0, 1) for full jitter. */
  random: () => number;
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; delayMs: number; reason: RetryReason } | { retry: false };

const permanentServerStatuses = new Set([501, 505]);

/** Socket error codes raised before any byte of the request could reach the server. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when a transport error code means the request never left the client. */
export function isNotSentErrorCode(code: string | undefined): boolean {
  return code !== undefined && notSentCodes.has(code);
}

/** True for TLS verification failures: retrying cannot fix a certificate. */
export function isTlsVerificationErrorCode(code: string | undefined): boolean {
  if (code === undefined) return false;
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('CERT_') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'ERR_SSL_WRONG_VERSION_NUMBER'
  );
}

/** Exponential backoff with full jitter: random() * min(max, base * 2^(attempt - 1)). */
export function backoffDelayMs(attempt: number, options: RetryPolicyOptions): number {
  const ceiling = Math.min(options.maxRetryDelayMs, options.baseRetryDelayMs * 2 ** (attempt - 1));
  return Math.floor(options.random() * ceiling);
}

const againInSeconds = /send requests again in (\d+) seconds?/i;

/**
 * How long a 429 (or 503) asks the client to wait: the `Retry-After` header (delta-seconds or an HTTP date),
 * else the "You can send requests again in N seconds" sentence of the MDE message. Undefined if neither says.
 */
export function parseRetryAfterMs(
  header: string | undefined,
  message: string | undefined,
  nowMs: number,
): number | undefined {
  if (header !== undefined && header.trim() !== '') {
    const value = header.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const match = message === undefined ? null : againInSeconds.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1000;
}

/**
 * Decides whether the attempt numbered `attempt` (1-based), which failed with `error`, is retried.
 * 401 is not decided here: the pipeline refreshes the token once, whatever the method.
 */
export function decideRetry(
  error: DefenderApiError,
  method: 'GET' | 'POST',
  attempt: number,
  options: RetryPolicyOptions,
): RetryDecision {
  if (attempt >= options.maxAttempts) return { retry: false };
  const backoff = (reason: RetryReason): RetryDecision => ({
    retry: true,
    delayMs: backoffDelayMs(attempt, options),
    reason,
  });

  if (error instanceof RateLimitedError) {
    if (error.retryAfterMs === undefined) return backoff('rate-limited');
    if (error.retryAfterMs > options.maxRetryDelayMs) return { retry: false };
    return { retry: true, delayMs: error.retryAfterMs, reason: 'rate-limited' };
  }
  if (error instanceof ServerError) {
    const status = error.status ?? 500;
    if (permanentServerStatuses.has(status)) return { retry: false };
    if (method === 'POST' && status !== 503) return { retry: false };
    return backoff('server-error');
  }
  if (error instanceof TimeoutError) {
    if (method === 'POST' && error.phase !== 'connect') return { retry: false };
    return backoff('timeout');
  }
  if (error instanceof NetworkError) {
    const code = (error.cause as { code?: string } | undefined)?.code;
    if (isTlsVerificationErrorCode(code)) return { retry: false };
    if (method === 'POST' && !error.requestNotSent) return { retry: false };
    return backoff('network-error');
  }
  return { retry: false };
}
