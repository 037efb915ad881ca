/**
 * The path of every API call, in one place:
 * token (cached, refreshed once on 401) → HTTP exchange → status to result or error → retry decision → sleep.
 * @module
 */
import { AbortError, AuthenticationError, DefenderApiError, UnexpectedResponseError } from './errors.ts';
import type { HttpTransport, TransportResponse } from './http-transport.ts';
import { errorFromResponse, type OperationContext } from './response-errors.ts';
import { decideRetry, type RetryPolicyOptions } from './retry-policy.ts';
import type { AccessToken, ClientLogger, RetryInfo, SleepFunction, TokenCredential } from './types.ts';

/** Tokens expiring sooner than this are refreshed before use. */
const tokenRefreshMarginMs = 2 * 60 * 1000;

/** Settings of the pipeline, resolved by the client. */
export interface PipelineOptions {
  transport: HttpTransport;
  credential: TokenCredential;
  scopes: string[];
  retry: RetryPolicyOptions;
  sleep: SleepFunction;
  now: () => number;
  onRetry: ((info: RetryInfo) => void) | undefined;
  logger: ClientLogger | undefined;
}

/** One API call. */
export interface PipelineRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  operation: OperationContext;
  signal?: AbortSignal | undefined;
}

function abortError(operation: string, signal: AbortSignal): AbortError {
  return new AbortError({ operation, reason: 'the operation was aborted', cause: signal.reason });
}

/** Sends requests with authentication and retries; returns the parsed JSON of a 2xx answer. */
export class RequestPipeline {
  readonly #options: PipelineOptions;
  #cachedToken: AccessToken | undefined;

  constructor(options: PipelineOptions) {
    this.#options = options;
  }

  async #token(operation: string, signal: AbortSignal | undefined, forceRefresh: boolean): Promise<string> {
    const { credential, scopes, now } = this.#options;
    const cached = this.#cachedToken;
    if (!forceRefresh && cached !== undefined && cached.expiresOnTimestamp - now() > tokenRefreshMarginMs) {
      return cached.token;
    }
    let token: AccessToken | null;
    try {
      token = await credential.getToken(scopes, { signal, forceRefresh });
    } catch (error) {
      if (signal?.aborted) throw abortError(operation, signal);
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError({
        operation,
        reason: `the credential could not get a token (${error instanceof Error ? error.message : String(error)})`,
        hint: 'Check the tenant id, client id, secret or certificate, and the authority host',
        cause: error,
      });
    }
    if (token === null || token.token === '') {
      throw new AuthenticationError({
        operation,
        reason: 'the credential returned no token',
        hint: 'Check the credential configuration',
      });
    }
    this.#cachedToken = token;
    return token.token;
  }

  /** Runs the request to completion: the parsed 2xx body, or the error of the last attempt. */
  async send<T>(req: PipelineRequest): Promise<T> {
    const { transport, retry, sleep, now, onRetry, logger } = this.#options;
    const operation = req.operation.description;
    let refreshedAfter401 = false;
    let forceRefresh = false;
    let attempt = 0;
    for (;;) {
      attempt++;
      if (req.signal?.aborted) throw abortError(operation, req.signal);
      const token = await this.#token(operation, req.signal, forceRefresh);
      forceRefresh = false;
      const started = now();
      let error: DefenderApiError;
      let response: TransportResponse | undefined;
      try {
        response = await transport.send({
          method: req.method,
          path: req.path,
          token,
          body: req.body,
          signal: req.signal,
          operation,
        });
        logger?.debug(
          {
            method: req.method,
            path: req.path,
            status: response.status,
            attempt,
            durationMs: now() - started,
          },
          'mde request',
        );
        if (response.status >= 200 && response.status < 300) return parseBody<T>(req.operation, response);
        error = errorFromResponse(req.operation, response, now());
      } catch (caught) {
        if (response !== undefined || !(caught instanceof DefenderApiError)) throw caught;
        error = caught;
        logger?.debug(
          { method: req.method, path: req.path, attempt, code: error.code },
          'mde request failed',
        );
      }

      if (error.status === 401 && !refreshedAfter401) {
        refreshedAfter401 = true;
        forceRefresh = true;
        notify(onRetry, logger, {
          operation,
          method: req.method,
          path: req.path,
          attempt,
          delayMs: 0,
          reason: 'unauthorized',
          error,
        });
        attempt--; // the retry with a fresh token does not spend the retry budget
        continue;
      }
      const decision = decideRetry(error, req.method, attempt, retry);
      if (!decision.retry) throw error;
      notify(onRetry, logger, {
        operation,
        method: req.method,
        path: req.path,
        attempt,
        delayMs: decision.delayMs,
        reason: decision.reason,
        error,
      });
      try {
        await sleep(decision.delayMs, req.signal);
      } catch (sleepError) {
        if (req.signal?.aborted) throw abortError(operation, req.signal);
        throw sleepError;
      }
    }
  }
}

function notify(
  onRetry: ((info: RetryInfo) => void) | undefined,
  logger: ClientLogger | undefined,
  info: RetryInfo,
): void {
  logger?.warn(
    {
      method: info.method,
      path: info.path,
      attempt: info.attempt,
      delayMs: info.delayMs,
      reason: info.reason,
      status: info.error.status,
      code: info.error.code,
    },
    'mde request will be retried',
  );
  onRetry?.(info);
}

function parseBody<T>(operation: OperationContext, response: TransportResponse): T {
  try {
    return JSON.parse(response.bodyText) as T;
  } catch (cause) {
    throw new UnexpectedResponseError({
      operation: operation.description,
      reason: `the HTTP ${response.status} answer is not JSON`,
      hint: 'Check that the endpoint is the Defender for Endpoint API',
      status: response.status,
      requestId: response.headers['mise-correlation-id'],
      cause,
    });
  }
}
