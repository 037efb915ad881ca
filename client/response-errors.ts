/**
 * Turns a non-2xx answer (status + MDE error envelope `{"error":{"code","message","target"}}`) into the
 * client's error class for that outcome, with a message saying what to do.
 * @module
 */
import type { ErrorEnvelope } from '../openapi/index.ts';
import {
  ActionAlreadyInProgressError,
  BadRequestError,
  type DefenderApiError,
  type DefenderApiErrorInit,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
  UnexpectedResponseError,
} from './errors.ts';
import type { TransportResponse } from './http-transport.ts';
import { parseRetryAfterMs } from './retry-policy.ts';

/** What the pipeline knows about the call, for messages. */
export interface OperationContext {
  /** Verb phrase used after "Failed to": "unrestrict code execution on machine 1e5b…". */
  description: string;
  /** The application permission(s) the operation needs, for the 403 hint. */
  permission: string;
  /** What the id in the path names, for the 404 hint. */
  subject: 'machine' | 'machine action' | 'none';
}

/** The MDE error `code` for duplicate actions. */
export const activeRequestAlreadyExists = 'ActiveRequestAlreadyExists';

/** Reads the MDE error envelope; undefined when the body is not one. */
export function parseErrorEnvelope(bodyText: string): ErrorEnvelope['error'] | undefined {
  try {
    const parsed = JSON.parse(bodyText) as Partial<ErrorEnvelope> | null;
    const error = parsed?.error;
    if (typeof error === 'object' && error !== null && typeof error.message === 'string') return error;
  } catch {
    // Not JSON: the caller describes the status instead.
  }
  return undefined;
}

/** Builds the error for a non-2xx answer. */
export function errorFromResponse(
  operation: OperationContext,
  response: TransportResponse,
  nowMs: number,
): DefenderApiError {
  const { status, headers } = response;
  const envelope = parseErrorEnvelope(response.bodyText);
  const init: DefenderApiErrorInit = {
    operation: operation.description,
    reason: envelope?.message || `the service answered HTTP ${status} without error details`,
    status,
    mdeCode: envelope?.code,
    target: envelope?.target ?? undefined,
    requestId: headers['mise-correlation-id'],
  };
  if (status === 400 && envelope?.code === activeRequestAlreadyExists) {
    return new ActionAlreadyInProgressError({
      ...init,
      hint: 'Wait for the pending action to finish (waitForMachineAction / --wait), cancel it, or use resolveInProgress to get it',
    });
  }
  if (status === 400) {
    return new BadRequestError({ ...init, hint: 'Check the ids and parameters sent' });
  }
  if (status === 401) {
    return new UnauthorizedError({
      ...init,
      hint: 'Check the tenant, client id and secret or certificate, and that the token scope is the Defender API (https://api.securitycenter.microsoft.com/.default)',
    });
  }
  if (status === 403) {
    return new ForbiddenError({
      ...init,
      hint: `Grant the app registration the application permission ${operation.permission} on WindowsDefenderATP and admin consent`,
    });
  }
  if (status === 404) {
    const what = operation.subject === 'none' ? 'the URL' : `the ${operation.subject} id`;
    return new NotFoundError({ ...init, hint: `Check ${what}` });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfterMs(headers['retry-after'], envelope?.message, nowMs);
    const wait = retryAfterMs === undefined ? 'a minute' : `${Math.ceil(retryAfterMs / 1000)} s`;
    return new RateLimitedError({
      ...init,
      retryAfterMs,
      hint: `Wait ${wait} before calling again; the quota is per API, tenant and application`,
    });
  }
  if (status >= 500 && status <= 599) {
    return new ServerError({
      ...init,
      hint: 'Retry later; if it persists, quote the target/request id to support',
    });
  }
  return new UnexpectedResponseError({
    ...init,
    reason: envelope?.message ?? `unexpected HTTP ${status}`,
    hint: 'Check that the endpoint is the Defender for Endpoint API',
  });
}
