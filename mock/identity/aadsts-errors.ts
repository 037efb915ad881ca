/**
 * @module
 * Every error the offline Entra ID answers with: AADSTS code, HTTP status, OAuth `error` and message, in one
 * table, and the one function that turns an entry into the real error body and headers.
 *
 * Messages are the real service's wording as far as it is known; entries or parts marked `inferred` were not
 * checked against a captured response.
 */
import type { SimResponse } from '../core/types.ts';

/** One row of the table: what the real service answers for one failure. */
export interface AadstsErrorDefinition<P> {
  /** The AADSTS number, reported in `error_codes` and as the `AADSTS<code>:` prefix of the description. */
  code: number;
  status: 400 | 401 | 403 | 405;
  /** The OAuth 2.0 `error` value. */
  error: string;
  /** The description after `AADSTS<code>: `. */
  message: (params: P) => string;
  /** `suberror`, which msal uses to classify interaction-required errors. */
  suberror?: string;
}

function entry<P = Record<string, never>>(definition: AadstsErrorDefinition<P>): AadstsErrorDefinition<P> {
  return definition;
}

function federatedMismatch(claim: string, value: string): string {
  return `No matching federated identity record found for presented assertion ${claim} '${value}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`;
}

/** The table. Keys are this project's stable names; callers never match on message text. */
export const aadstsErrors = {
  tenantNotFound: entry<{ tenant: string }>({
    code: 90002,
    status: 400,
    error: 'invalid_request',
    message: ({ tenant }) =>
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  /** inferred: the code the real service gives for client credentials on `/common` or `/organizations` is unverified. */
  tenantRequired: entry<{ tenant: string }>({
    code: 90002,
    status: 400,
    error: 'invalid_request',
    message: ({ tenant }) =>
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  applicationNotFound: entry<{ clientId: string; tenantDisplayName: string }>({
    code: 700016,
    status: 400,
    error: 'unauthorized_client',
    message: ({ clientId, tenantDisplayName }) =>
      `Application with identifier '${clientId}' was not found in the directory '${tenantDisplayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  invalidClientSecret: entry<{ clientId: string }>({
    code: 7000215,
    status: 401,
    error: 'invalid_client',
    message: ({ clientId }) =>
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  missingClientCredential: entry({
    code: 7000218,
    status: 401,
    error: 'invalid_client',
    message: () =>
      `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
  }),
  /** The `Reason` text varies in the real service; this wording is inferred from user reports. */
  invalidClientAssertion: entry<{ reason: string }>({
    code: 700027,
    status: 401,
    error: 'invalid_client',
    message: ({ reason }) => `Client assertion contains an invalid signature. [Reason - ${reason}]`,
  }),
  /** inferred wording (the code is the real one for an expired or not-yet-valid assertion). */
  clientAssertionTimeRange: entry<{ now: string; notBefore: string; expires: string }>({
    code: 700024,
    status: 401,
    error: 'invalid_client',
    message: ({ now, notBefore, expires }) =>
      `Client assertion is not within its valid time range. Current time: ${now}, assertion valid from ${notBefore}, expiry time of assertion ${expires}.`,
  }),
  clientAssertionIssuerMismatch: entry({
    code: 700021,
    status: 401,
    error: 'invalid_client',
    message: () => `Client assertion application identifier doesn't match 'client_id' parameter.`,
  }),
  /** inferred: code and wording for an assertion whose `aud` is not this token endpoint. */
  clientAssertionAudience: entry<{ audience: string }>({
    code: 700027,
    status: 401,
    error: 'invalid_client',
    message: ({ audience }) =>
      `Client assertion contains an invalid signature. [Reason - The audience '${audience}' is not valid for this token endpoint.]`,
  }),
  /**
   * Workload identity federation: no federated credential matches the assertion. AADSTS700213's wording, and
   * `invalid_client` with 401, are as in public reports of 2024-2025 (Azure/login#482, dotnet/maui#31978,
   * Azure/azure-workload-identity#1200); 700211 (issuer) and 700212 (audience) follow the same template
   * (inferred).
   */
  federatedIssuerMismatch: entry<{ issuer: string }>({
    code: 700211,
    status: 401,
    error: 'invalid_client',
    message: ({ issuer }) => federatedMismatch('issuer', issuer),
  }),
  federatedAudienceMismatch: entry<{ audience: string }>({
    code: 700212,
    status: 401,
    error: 'invalid_client',
    message: ({ audience }) => federatedMismatch('audience', audience),
  }),
  federatedSubjectMismatch: entry<{ subject: string }>({
    code: 700213,
    status: 401,
    error: 'invalid_client',
    message: ({ subject }) => federatedMismatch('subject', subject),
  }),
  /**
   * inferred: the reference is silent; code, `error` and wording as MSAL libraries handle them (MSAL Python
   * and msal-node branch on `invalid_instance` to report an untrusted authority).
   */
  unknownInstance: entry({
    code: 50049,
    status: 400,
    error: 'invalid_instance',
    message: () => 'Unknown or invalid instance.',
  }),
  /** inferred wording. */
  unsupportedGrantType: entry<{ grantType: string }>({
    code: 70003,
    status: 400,
    error: 'unsupported_grant_type',
    message: ({ grantType }) => `The app requested an unsupported grant type '${grantType}'.`,
  }),
  clientCredentialsScopeNotDefault: entry<{ scope: string }>({
    code: 1002012,
    status: 400,
    error: 'invalid_scope',
    message: ({ scope }) =>
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  invalidScope: entry<{ scope: string }>({
    code: 70011,
    status: 400,
    error: 'invalid_scope',
    message: ({ scope }) =>
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
  }),
  multipleResources: entry<{ scope: string }>({
    code: 28000,
    status: 400,
    error: 'invalid_scope',
    message: ({ scope }) =>
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
  }),
  resourceNotFound: entry<{ resource: string; tenant: string }>({
    code: 500011,
    status: 400,
    error: 'invalid_resource',
    message: ({ resource, tenant }) =>
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  invalidUsernameOrPassword: entry({
    code: 50126,
    status: 400,
    error: 'invalid_grant',
    message: () => 'Error validating credentials due to invalid username or password.',
  }),
  userNotFound: entry<{ tenant: string }>({
    code: 50034,
    status: 400,
    error: 'invalid_grant',
    message: ({ tenant }) =>
      `The user account {EUII Hidden} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory.`,
  }),
  consentRequired: entry<{ clientId: string; appName: string }>({
    code: 65001,
    status: 400,
    error: 'invalid_grant',
    suberror: 'consent_required',
    message: ({ clientId, appName }) =>
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  }),
  missingParameter: entry<{ name: string }>({
    code: 900144,
    status: 400,
    error: 'invalid_request',
    message: ({ name }) => `The request body must contain the following parameter: '${name}'.`,
  }),
  postRequired: entry<{ method: string }>({
    code: 900561,
    status: 400,
    error: 'invalid_request',
    message: ({ method }) => `The endpoint only accepts POST requests. Received a ${method} request.`,
  }),
} as const;

/** A stable name of an AADSTS answer. */
export type AadstsErrorName = keyof typeof aadstsErrors;

/** The parameters the message of `name` needs. */
export type AadstsErrorParams<N extends AadstsErrorName> = Parameters<(typeof aadstsErrors)[N]['message']>[0];

/** Per-request values every AADSTS body carries. */
export interface AadstsErrorContext {
  /** Milliseconds since the epoch, from the injected clock. */
  nowMs: number;
  /** Our request id (the real service's `trace_id` and `x-ms-request-id`). */
  traceId: string;
  /** The caller's `client-request-id`, or a fresh id. */
  correlationId: string;
}

/** The headers every token-endpoint answer carries (success or error). */
export function tokenEndpointHeaders(context: Pick<AadstsErrorContext, 'traceId' | 'correlationId'>) {
  return {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    pragma: 'no-cache',
    expires: '-1',
    'x-content-type-options': 'nosniff',
    'x-ms-request-id': context.traceId,
    'client-request-id': context.correlationId,
  };
}

/** `2026-11-29 01:02:03Z`, the format of the real `timestamp` field. */
export function aadTimestamp(nowMs: number): string {
  return `${new Date(Math.floor(nowMs)).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Builds the real AADSTS error answer for a table entry. */
export function aadstsErrorResponse<N extends AadstsErrorName>(
  name: N,
  params: AadstsErrorParams<N>,
  context: AadstsErrorContext,
): SimResponse {
  const definition = aadstsErrors[name] as AadstsErrorDefinition<AadstsErrorParams<N>>;
  const timestamp = aadTimestamp(context.nowMs);
  const description =
    `AADSTS${definition.code}: ${definition.message(params)}\r\n` +
    `Trace ID: ${context.traceId}\r\nCorrelation ID: ${context.correlationId}\r\nTimestamp: ${timestamp}`;
  const body: Record<string, unknown> = {
    error: definition.error,
    error_description: description,
    error_codes: [definition.code],
    timestamp,
    trace_id: context.traceId,
    correlation_id: context.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${definition.code}`,
  };
  if (definition.suberror !== undefined) body.suberror = definition.suberror;
  return { status: definition.status, headers: tokenEndpointHeaders(context), body: JSON.stringify(body) };
}
