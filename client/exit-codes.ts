/**
 * Exit codes of the `mde` CLI, one per outcome, so scripts can branch without parsing text.
 *
 * | code | meaning                                                                        | error class / code                          |
 * |------|--------------------------------------------------------------------------------|---------------------------------------------|
 * | 0    | success (with --wait: the action Succeeded)                                    |                                             |
 * | 1    | unexpected internal error (a bug: please report it)                            | anything else                               |
 * | 2    | usage: bad arguments, missing credentials or options                           | commander errors, invalid option values     |
 * | 3    | bad request (400)                                                              | BadRequestError                             |
 * | 4    | an action of this type is already in progress on the machine (400)             | ActionAlreadyInProgressError                |
 * | 5    | unauthorized (401) or no token could be obtained                               | UnauthorizedError, AuthenticationError      |
 * | 6    | forbidden (403): the app lacks the permission                                  | ForbiddenError                              |
 * | 7    | not found (404)                                                                | NotFoundError                               |
 * | 8    | rate limited (429) after the retries                                           | RateLimitedError                            |
 * | 9    | server error (5xx) or an answer the client cannot use                          | ServerError, UnexpectedResponseError        |
 * | 10   | network failure or HTTP timeout                                                | NetworkError, TimeoutError                  |
 * | 11   | with --wait: the action ended Failed, TimeOut or Cancelled                     | (the action is printed)                     |
 * | 12   | with --wait: --timeout passed while the action was still Pending/InProgress    | WaitTimeoutError                            |
 * | 13   | the investigation package link was refused by its storage (expired, gone)      | PackageDownloadError                        |
 * | 130  | interrupted (Ctrl-C / abort)                                                   | AbortError                                  |
 * @module
 */
import { ErrorCodes, isDefenderApiError } from './errors.ts';

export const ExitCodes = {
  ok: 0,
  internal: 1,
  usage: 2,
  badRequest: 3,
  actionInProgress: 4,
  unauthorized: 5,
  forbidden: 6,
  notFound: 7,
  rateLimited: 8,
  server: 9,
  network: 10,
  actionNotSucceeded: 11,
  waitTimeout: 12,
  packageDownload: 13,
  aborted: 130,
} as const;

const byErrorCode: Record<string, number> = {
  [ErrorCodes.badRequest]: ExitCodes.badRequest,
  [ErrorCodes.actionInProgress]: ExitCodes.actionInProgress,
  [ErrorCodes.unauthorized]: ExitCodes.unauthorized,
  [ErrorCodes.authentication]: ExitCodes.unauthorized,
  [ErrorCodes.forbidden]: ExitCodes.forbidden,
  [ErrorCodes.notFound]: ExitCodes.notFound,
  [ErrorCodes.rateLimited]: ExitCodes.rateLimited,
  [ErrorCodes.server]: ExitCodes.server,
  [ErrorCodes.unexpectedResponse]: ExitCodes.server,
  [ErrorCodes.network]: ExitCodes.network,
  [ErrorCodes.timeout]: ExitCodes.network,
  [ErrorCodes.waitTimeout]: ExitCodes.waitTimeout,
  [ErrorCodes.aborted]: ExitCodes.aborted,
  [ErrorCodes.packageDownload]: ExitCodes.packageDownload,
};

/** The exit code for an error thrown by the client. */
export function exitCodeFor(error: unknown): number {
  if (isDefenderApiError(error)) return byErrorCode[error.code] ?? ExitCodes.internal;
  return ExitCodes.internal;
}
