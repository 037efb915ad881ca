/**
 * @module
 * Every error the simulated API can answer, in one table: HTTP status, MDE `code` and message.
 * Messages are the real service's where a capture or the docs give them (mde-api.md §3–§5), otherwise
 * the project's decisions (mde-api.md, last section). One function builds the wire envelope.
 */
import type { SimResponse } from './types.ts';

/** Content type of every MDE error answer (no odata parameters, as recorded: payload 10). */
export const ERROR_CONTENT_TYPE = 'application/json; charset=utf-8';

const ERRORS = {
  /** Second action of the same type on a machine while one is Pending/InProgress. */
  actionInProgress: {
    status: 400,
    code: 'ActiveRequestAlreadyExists',
    message: () => 'Action is already in progress',
  },
  invalidRequestBody: { status: 400, code: 'InvalidRequestBody', message: () => 'Request body is incorrect' },
  missingParameter: {
    status: 400,
    code: 'MissingRequiredParameter',
    message: (name: string) => `Parameter ${name} is missing.`,
  },
  invalidInput: { status: 400, code: 'InvalidInput', message: (name: string) => `Invalid input ${name}.` },
  /** OData key that is not a GUID (payload 10, verbatim). */
  invalidGuidKey: {
    status: 400,
    code: 'BadRequest',
    message: (key: string) =>
      `The key value (${key}) from request is not valid. The key value should be format of type 'Edm.Guid'.`,
  },
  odataError: {
    status: 400,
    code: 'ODataError',
    message: (detail: string) => `Invalid OData URI query: ${detail}`,
  },
  cannotCancel: {
    status: 400,
    code: 'InvalidInput',
    message: (id: string, status: string) =>
      `Machine action ${id} is already in a final state (${status}) and can't be cancelled.`,
  },
  /** getPackageUri on an action of another type (payload 11, verbatim). */
  notAPackageAction: {
    status: 400,
    code: 'InvalidInput',
    message: () => 'Provided Guid is not a valid id for a CollectInvestigationPackage action',
  },
  /** StopAndQuarantineFile with a malformed Sha1 (payload 12, verbatim; its trigger is our decision). */
  recognitionError: {
    status: 400,
    code: 'BadRequest',
    message: () => 'A recognition error occurred.. Fix syntax errors in your query.',
  },
  /** findbyip with a timestamp that is not a date or not within the last 30 days (D9: 400, body ours). */
  findByIpTimestamp: {
    status: 400,
    code: 'InvalidInput',
    message: () => 'Invalid input timestamp. The timestamp must be within the last 30 days.',
  },
  unauthorized: {
    status: 401,
    code: 'Unauthorized',
    message: () => 'Unauthorized (invalid or expired authorization header).',
  },
  forbidden: {
    status: 403,
    code: 'Forbidden',
    message: () => 'Forbidden (valid token but insufficient permission for the action).',
  },
  /** Custom-text 403 (missing roles, scopes, portal role, device group). */
  forbiddenBecause: { status: 403, code: 'Forbidden', message: (text: string) => text },
  machineNotFound: {
    status: 404,
    code: 'ResourceNotFound',
    message: (id: string) => `Machine ${id} was not found`,
  },
  actionNotFound: {
    status: 404,
    code: 'ResourceNotFound',
    message: (id: string) => `Machine action ${id} was not found`,
  },
  /** getPackageUri before the collection succeeded (D5: 404, body ours). */
  packageNotReady: {
    status: 404,
    code: 'ResourceNotFound',
    message: (id: string, status: string) =>
      `The investigation package of machine action ${id} is not available (status ${status})`,
  },
  /** StopAndQuarantineFile for a hash the device never saw (body recorded in I9; status inferred). */
  fileNotOnMachine: {
    status: 404,
    code: 'ResourceNotFound',
    message: (sha1: string, machineId: string) => `Sha1 ${sha1} was not found in machine ${machineId}`,
  },
  /** GET /api/machines on a tenant without machines (D8: "you see 404 Not Found"). */
  noMachines: { status: 404, code: 'ResourceNotFound', message: () => 'No machines were found' },
  routeNotFound: { status: 404, code: 'NotFound', message: () => 'General Not Found error message.' },
  quotaExceeded: { status: 429, code: '429', message: (text: string) => text },
  /** The docs: "(No error message, retry the operation.)" */
  internalError: { status: 500, code: 'InternalServerError', message: () => '' },
  serviceUnavailable: {
    status: 503,
    code: 'ServiceUnavailable',
    message: () => 'The service is temporarily unavailable. Retry the operation.',
  },
} as const;

/** Names of the errors in the table. */
export type MdeErrorName = keyof typeof ERRORS;

/** Arguments of a table entry's message. */
export type MessageArgs<N extends MdeErrorName> = Parameters<(typeof ERRORS)[N]['message']>;

/** Status, code and message of a table entry. */
export function describeError<N extends MdeErrorName>(
  name: N,
  ...args: MessageArgs<N>
): { status: number; code: string; message: string } {
  const entry = ERRORS[name];
  return {
    status: entry.status,
    code: entry.code,
    message: (entry.message as (...a: unknown[]) => string)(...args),
  };
}

/** Builds the wire answer `{"error":{"code","message","target"}}` (compact JSON, as the service sends it). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  target: string,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'content-type': ERROR_CONTENT_TYPE, ...headers },
    body: JSON.stringify({ error: { code, message, target } }),
  };
}

/** Shorthand: the wire answer of a table entry. */
export function mdeError<N extends MdeErrorName>(
  target: string,
  name: N,
  ...args: MessageArgs<N>
): SimResponse {
  const { status, code, message } = describeError(name, ...args);
  return errorResponse(status, code, message, target);
}
