/**
 * Every way a call to the Defender API can fail, as one class per outcome with a stable string `code`.
 * Callers branch on the class or on `code` (see {@link isDefenderApiError}), never on message text.
 * @module
 */

/** Stable codes carried by {@link DefenderApiError.code}. They never change between versions. */
export const ErrorCodes = {
  badRequest: 'MDE_ERR_BAD_REQUEST',
  actionInProgress: 'MDE_ERR_ACTION_IN_PROGRESS',
  unauthorized: 'MDE_ERR_UNAUTHORIZED',
  authentication: 'MDE_ERR_AUTHENTICATION',
  forbidden: 'MDE_ERR_FORBIDDEN',
  notFound: 'MDE_ERR_NOT_FOUND',
  rateLimited: 'MDE_ERR_RATE_LIMITED',
  server: 'MDE_ERR_SERVER',
  unexpectedResponse: 'MDE_ERR_UNEXPECTED_RESPONSE',
  network: 'MDE_ERR_NETWORK',
  timeout: 'MDE_ERR_TIMEOUT',
  waitTimeout: 'MDE_ERR_WAIT_TIMEOUT',
  aborted: 'MDE_ERR_ABORTED',
  packageDownload: 'MDE_ERR_PACKAGE_DOWNLOAD',
} as const;

/** One of the values of {@link ErrorCodes}. */
export type DefenderErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Context shared by every {@link DefenderApiError}; all fields but `operation` and `reason` are optional. */
export interface DefenderApiErrorInit {
  /** What the client was doing, as a verb phrase: "unrestrict code execution on machine 1e5b…". */
  operation: string;
  /** Why it failed: the MDE message, or a description of the transport failure. */
  reason: string;
  /** What the caller can do about it, one sentence. */
  hint?: string | undefined;
  /** HTTP status of the answer, when there was one. */
  status?: number | undefined;
  /** `error.code` of the MDE error envelope (`ActiveRequestAlreadyExists`, `ResourceNotFound`, `"429"`…). */
  mdeCode?: string | undefined;
  /** `error.target` of the MDE error envelope: the service's tracking id for this failure. */
  target?: string | undefined;
  /** The `mise-correlation-id` response header, when present. */
  requestId?: string | undefined;
  /** The underlying error (undici, msal, an abort reason…). */
  cause?: unknown;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/**
 * Base class of every error the client throws. `message` reads
 * "Failed to <operation>: <reason>. <what to do>".
 */
export class DefenderApiError extends Error {
  /** Stable, documented code; prefer it (or the class) over the message when branching. */
  readonly code: DefenderErrorCode;
  /** HTTP status, when the service answered. */
  readonly status: number | undefined;
  /** `error.code` from the MDE error envelope. */
  readonly mdeCode: string | undefined;
  /** `error.target` from the MDE error envelope (the service's tracking id). */
  readonly target: string | undefined;
  /** The `mise-correlation-id` response header, when present: quote it to Microsoft support. */
  readonly requestId: string | undefined;
  /** The operation that failed, as used in the message. */
  readonly operation: string;

  constructor(code: DefenderErrorCode, init: DefenderApiErrorInit) {
    const hint = init.hint === undefined ? '' : ` ${sentence(init.hint)}.`;
    super(`Failed to ${init.operation}: ${sentence(init.reason)}.${hint}`, { cause: init.cause });
    this.name = 'DefenderApiError';
    this.code = code;
    this.status = init.status;
    this.mdeCode = init.mdeCode;
    this.target = init.target;
    this.requestId = init.requestId;
    this.operation = init.operation;
  }
}

/** 400 from the service: a parameter or the body was refused (`InvalidRequestBody`, `BadRequest`…). */
export class BadRequestError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit, code: DefenderErrorCode = ErrorCodes.badRequest) {
    super(code, init);
    this.name = 'BadRequestError';
  }
}

/**
 * 400 `ActiveRequestAlreadyExists` ("Action is already in progress"): an action of the same type is
 * pending on the machine. Wait for it, cancel it, or use `resolveInProgress: true` to get it back.
 */
export class ActionAlreadyInProgressError extends BadRequestError {
  constructor(init: DefenderApiErrorInit) {
    super(init, ErrorCodes.actionInProgress);
    this.name = 'ActionAlreadyInProgressError';
  }
}

/** 401: the token was missing, expired or invalid, even after one forced refresh. */
export class UnauthorizedError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.unauthorized, init);
    this.name = 'UnauthorizedError';
  }
}

/** The credential could not produce a token (wrong secret, unknown tenant, unreachable authority…). */
export class AuthenticationError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.authentication, init);
    this.name = 'AuthenticationError';
  }
}

/** 403: the token is valid but lacks the application role (e.g. `Machine.RestrictExecution`). */
export class ForbiddenError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.forbidden, init);
    this.name = 'ForbiddenError';
  }
}

/** 404: no machine or machine action with that id. */
export class NotFoundError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.notFound, init);
    this.name = 'NotFoundError';
  }
}

/** 429 after the retry budget was spent (or the wait asked for was longer than `maxRetryDelayMs`). */
export class RateLimitedError extends DefenderApiError {
  /** How long the service asked to wait, from `Retry-After` or the message; undefined if it did not say. */
  readonly retryAfterMs: number | undefined;

  constructor(init: DefenderApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(ErrorCodes.rateLimited, init);
    this.name = 'RateLimitedError';
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx from the service, after the retries that were safe to make. */
export class ServerError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.server, init);
    this.name = 'ServerError';
  }
}

/** An answer the client cannot use: an unexpected status (405, 3xx…) or a body that is not the expected JSON. */
export class UnexpectedResponseError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.unexpectedResponse, init);
    this.name = 'UnexpectedResponseError';
  }
}

/** The connection failed (refused, reset, closed, DNS, TLS). `cause` is the undici or socket error. */
export class NetworkError extends DefenderApiError {
  /** True when the request provably never reached the server (refused, DNS, connect timeout). */
  readonly requestNotSent: boolean;

  constructor(init: DefenderApiErrorInit & { requestNotSent: boolean }) {
    super(ErrorCodes.network, init);
    this.name = 'NetworkError';
    this.requestNotSent = init.requestNotSent;
  }
}

/** A connect, headers or body timeout of the HTTP layer expired. */
export class TimeoutError extends DefenderApiError {
  /** Which phase timed out. `connect` means the request was never sent. */
  readonly phase: 'connect' | 'headers' | 'body';

  constructor(init: DefenderApiErrorInit & { phase: 'connect' | 'headers' | 'body' }) {
    super(ErrorCodes.timeout, init);
    this.name = 'TimeoutError';
    this.phase = init.phase;
  }
}

/**
 * `waitForMachineAction` reached its deadline while the action was still Pending/InProgress.
 * The action keeps running on the service; `action` is the last state seen.
 */
export class WaitTimeoutError<TAction = unknown> extends DefenderApiError {
  /** The last state of the action that was observed, if any poll succeeded. */
  readonly action: TAction | undefined;

  constructor(init: DefenderApiErrorInit & { action?: TAction | undefined }) {
    super(ErrorCodes.waitTimeout, init);
    this.name = 'WaitTimeoutError';
    this.action = init.action;
  }
}

/**
 * The investigation package link was refused by the storage behind it (expired: 403 `AuthenticationFailed`;
 * gone: 404 `BlobNotFound`). `storageCode` is the storage's `x-ms-error-code`. Ask getPackageUri for a new link.
 */
export class PackageDownloadError extends DefenderApiError {
  /** The storage service's error code (`AuthenticationFailed`, `BlobNotFound`…), when it sent one. */
  readonly storageCode: string | undefined;

  constructor(init: DefenderApiErrorInit & { storageCode?: string | undefined }) {
    super(ErrorCodes.packageDownload, init);
    this.name = 'PackageDownloadError';
    this.storageCode = init.storageCode;
  }
}

/** The caller's `AbortSignal` fired. `name` is `AbortError`, as for fetch; `cause` is the signal's reason. */
export class AbortError extends DefenderApiError {
  constructor(init: DefenderApiErrorInit) {
    super(ErrorCodes.aborted, init);
    this.name = 'AbortError';
  }
}

/**
 * True when `error` is a {@link DefenderApiError}, optionally with the given `code`.
 * Matches on `code` too, so it works across duplicated copies of this module.
 * @example
 * ```ts
 * if (isDefenderApiError(e, 'MDE_ERR_ACTION_IN_PROGRESS')) { ... }
 * ```
 */
export function isDefenderApiError<C extends DefenderErrorCode>(
  error: unknown,
  code?: C,
): error is DefenderApiError & { code: C } {
  if (error instanceof DefenderApiError) return code === undefined || error.code === code;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = (error as { code?: unknown }).code;
  const known = (Object.values(ErrorCodes) as string[]).includes(candidate as string);
  return known && (code === undefined || candidate === code);
}
