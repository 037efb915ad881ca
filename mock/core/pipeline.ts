/**
 * @module
 * The steps every API request goes through, in order. "Where is a 429 decided?" has its answer here.
 *
 *  1. normalize    `/api/v1.0/...` is `/api/...` (the spec's x-path-aliases)
 *  2. route        the spec's operations → 404 NotFound, 405 (empty body, `Allow`)
 *  3. authenticate bearer token (jose, via the offline Entra ID) → 401, or 403 for another audience
 *  4. settle       apply the tenant's due lifecycle transitions (Pending → InProgress → ...)
 *  5. throttle     per operation + tenant + app, every authenticated call counts → 429 + Retry-After
 *  6. authorize    roles / scopes / MDE role from the spec's x-mde-permissions → 403
 *  7. faults       injected plans → status, latency or a dropped connection
 *  8. validate     body and query against the spec (openapi-backend) → 400 in MDE's codes
 *  9. operation    machine-actions.ts (actions, machine lists, getPackageUri); the package download itself
 *                  (`/safedownload/...`) is investigation-package.ts, reached from simulator.ts
 * The journal entry is written by the caller (simulator.ts) for every answer, whatever step made it; then
 * simulator.ts compresses the answer when the client asked (content-encoding.ts: deflate, else gzip).
 * Quota keys are `tenant|app|operationId`; each operation's windows and 403 text come from its spec entry.
 */
import type { ApiOperation, ApiRouter } from './api-routes.ts';
import {
  authenticate,
  authorize,
  type Caller,
  type CallerCache,
  type ForbiddenWording,
  type TokenVerifier,
} from './authorization.ts';
import type { FaultDecision, FaultInjector } from './faults.ts';
import { type DuplicatePolicy, OPERATIONS, targetMachineId } from './machine-actions.ts';
import { describeError, errorResponse, mdeError } from './mde-errors.ts';
import type { RandomSource } from './random.ts';
import { quotaExceededMessage, type RateLimiter } from './rate-limiter.ts';
import type { RetryTracker } from './retry-tracker.ts';
import type { TenantState } from './tenant-state.ts';
import type { Clock, SimRequest, SimResponse } from './types.ts';

/** What the pipeline needs from the simulator. */
export interface PipelineDeps {
  router: ApiRouter;
  verifier: TokenVerifier;
  tenant(tid: string): TenantState | undefined;
  clock: Clock;
  random: RandomSource;
  limiter: RateLimiter;
  /** Whether quotas apply to a tenant (they can be switched off per tenant for load tests). */
  rateLimitsFor(tenantId: string, operation: ApiOperation): ApiOperation['rateLimits'];
  retries: RetryTracker;
  faults: FaultInjector;
  duplicatePolicy: DuplicatePolicy;
  forbiddenWording: ForbiddenWording;
  /** Callers by verified claims, so a repeat token skips rebuilding its caller. */
  callers: CallerCache;
  /** Origin written into host-bearing values (`@odata.context`) instead of the one called. */
  publicOrigin?: string | undefined;
}

/** The answer and what the journal should know about how it was made. */
export interface PipelineResult {
  response: SimResponse;
  operationId: string | undefined;
  caller: Caller | undefined;
  fault: FaultDecision | undefined;
  earlyRetry: { retryAfterSeconds: number; earlyByMs: number } | undefined;
}

const V1_PREFIX = /^\/api\/v1\.0(?=\/)/i;

/** The service's HSTS header (2024–2025 captures, payload 17). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** `|xxxxxxxx-xxxxxxxxxxxxxxxx.`: the Application-Insights request id the service puts in `target` (payload 10). */
export function correlationTarget(random: RandomSource): string {
  return `|${random.hex(8)}-${random.hex(16)}.`;
}

/** Runs an API request (not a control-API or identity request) through every step. */
export async function runApiPipeline(deps: PipelineDeps, req: SimRequest): Promise<PipelineResult> {
  const result: PipelineResult = {
    response: { status: 500, headers: {}, body: '' },
    operationId: undefined,
    caller: undefined,
    fault: undefined,
    earlyRetry: undefined,
  };
  const target = () => correlationTarget(deps.random);
  const correlationId = deps.random.uuid();
  const secure = req.origin.startsWith('https:');
  const answer = (response: SimResponse): PipelineResult => {
    response.headers['mise-correlation-id'] ??= correlationId;
    // Every recorded answer over HTTPS carries HSTS (payloads 10, 17); a plain-HTTP listener must not send it.
    if (secure) response.headers['strict-transport-security'] = HSTS;
    result.response = response;
    return result;
  };

  // 1-2. normalize and route
  const path = req.path.replace(V1_PREFIX, '/api');
  const route = deps.router.match(req.method, path);
  if (route.kind === 'not-found') return answer(mdeError(target(), 'routeNotFound'));
  if (route.kind === 'method-not-allowed') {
    return answer({
      status: 405,
      headers: { allow: route.allow.join(', '), 'content-length': '0' },
      body: '',
    });
  }
  const { operation, params } = route;
  result.operationId = operation.operationId;

  // 3. authenticate
  const authn = await authenticate(req.headers.authorization, deps.verifier, deps.tenant, deps.callers);
  if (!authn.ok)
    return answer(mdeError(target(), authn.error === 'unauthorized' ? 'unauthorized' : 'forbidden'));
  const { caller, tenant } = authn.value;
  result.caller = caller;

  // 4. settle the lifecycle up to now
  const now = deps.clock.now();
  tenant.settle(now);

  // 5. throttle: keyed like the service's Destination+TenantID+AppID
  result.earlyRetry = deps.retries.observe(tenant.id, caller.clientId, operation.operationId, now);
  const windows = deps.rateLimitsFor(tenant.id, operation);
  if (windows.length > 0) {
    const decision = deps.limiter.take(
      `${tenant.id}|${caller.clientId}|${operation.operationId}`,
      windows,
      now,
    );
    if (!decision.admitted) {
      deps.retries.throttled(
        tenant.id,
        caller.clientId,
        operation.operationId,
        now,
        decision.retryAfterSeconds,
      );
      const message = quotaExceededMessage(decision.window, decision.retryAfterSeconds);
      return answer(
        errorResponse(429, '429', message, tenant.id, { 'retry-after': String(decision.retryAfterSeconds) }),
      );
    }
  }

  // 6. authorize
  const refusal = authorize(caller, tenant, operation.permissions, deps.forbiddenWording);
  if (refusal !== undefined) return answer(mdeError(target(), 'forbiddenBecause', refusal));

  // 7. faults
  const fault = deps.faults.active
    ? deps.faults.decide({
        operationId: operation.operationId,
        tenantId: tenant.id,
        machineId: targetMachineId(operation.operationId, params, tenant),
      })
    : undefined;
  if (fault) {
    result.fault = fault;
    const faulted = await applyFault(deps, fault, tenant, caller, operation, target);
    if (faulted) return answer(faulted);
  }

  // 8. validate the body and the query
  const body = readBody(deps.router, operation, req, params);
  if ('status' in body) {
    const problem = body;
    return answer(mdeError(target(), problem.name, ...(problem.args as [string])));
  }

  // 9. the operation, on the (possibly later, after injected latency) current time
  const current = deps.clock.now();
  tenant.settle(current);
  const handler = OPERATIONS[operation.operationId];
  if (!handler)
    throw new Error(`No handler for operationId ${operation.operationId}: spec and core disagree`);
  return answer(
    handler({
      operation,
      tenant,
      caller,
      params,
      query: req.query,
      body: body.value,
      origin: deps.publicOrigin ?? req.origin,
      now: current,
      target,
      newActionId: () => deps.random.uuid(),
      randomHex: (length) => deps.random.hex(length),
      lastUpdateDelayMs: () => (5 + Math.floor(deps.random.next() * 95)) / 10_000,
      duplicatePolicy: deps.duplicatePolicy,
    }),
  );
}

type BodyProblem = {
  status: 400;
  name: 'invalidRequestBody' | 'missingParameter' | 'invalidInput' | 'odataError';
  args: string[];
};

/** Parses and checks the body (and query) with MDE's error codes (mde-api.md decisions, "Body errors"). */
function readBody(
  router: ApiRouter,
  operation: ApiOperation,
  req: SimRequest,
  params: Record<string, string>,
): { value: Record<string, unknown> | undefined } | BodyProblem {
  let value: Record<string, unknown> | undefined;
  if (operation.hasBody) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body ?? '');
    } catch {
      return { status: 400, name: 'invalidRequestBody', args: [] };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { status: 400, name: 'invalidRequestBody', args: [] };
    }
    value = parsed as Record<string, unknown>;
    for (const field of operation.requiredBodyFields) {
      if (!Object.hasOwn(value, field)) return { status: 400, name: 'missingParameter', args: [field] };
    }
  }
  const problems = router.validate(operation, {
    params,
    query: req.query,
    headers: req.headers,
    body: value,
  });
  for (const problem of problems) {
    if (problem.location === 'body') {
      if (problem.keyword === 'required')
        return { status: 400, name: 'missingParameter', args: [problem.name ?? ''] };
      if (problem.keyword === 'minLength' || problem.keyword === 'maxLength' || problem.keyword === 'enum')
        return { status: 400, name: 'invalidInput', args: [problem.name ?? ''] };
      return { status: 400, name: 'invalidRequestBody', args: [] };
    }
    if (
      problem.location === 'query' &&
      problem.keyword === 'additionalProperties' &&
      problem.name?.startsWith('$')
    ) {
      // The OData library's wording for an unknown system query option (mde-actions-family.md §8, I8).
      const detail = `Custom query option '${problem.name}' that starts with '$' is not supported.`;
      return { status: 400, name: 'odataError', args: [detail] };
    }
    // The `$filter` grammar (the spec's `pattern`) is left to the operation's parser, whose message names
    // the clause it refuses, as the service's does; the pattern is for readers and contract comparisons.
    if (problem.location === 'query' && problem.keyword !== 'pattern') {
      return { status: 400, name: 'odataError', args: [`${problem.name ?? 'query'} ${problem.message}`] };
    }
    // Path keys are checked by the operations themselves, with the service's own messages.
  }
  for (const field of operation.requiredBodyFields) {
    if (value?.[field] === '') return { status: 400, name: 'invalidInput', args: [field] };
  }
  return { value };
}

async function applyFault(
  deps: PipelineDeps,
  fault: FaultDecision,
  tenant: TenantState,
  caller: Caller,
  operation: ApiOperation,
  target: () => string,
): Promise<SimResponse | undefined> {
  const { effect } = fault;
  if (effect.kind === 'latency') {
    await deps.clock.sleep(fault.delayMs);
    return undefined;
  }
  if (effect.kind === 'drop') return { status: 0, headers: {}, body: '', dropConnection: true };
  const headers: Record<string, string> = {};
  if (effect.retryAfterSeconds !== undefined) headers['retry-after'] = String(effect.retryAfterSeconds);
  const defaults: Record<number, () => { code: string; message: string }> = {
    400: () => describeError('actionInProgress'),
    429: () => ({
      code: '429',
      message: quotaExceededMessage(
        operation.rateLimits[0] ?? { limit: 100, windowSeconds: 60 },
        effect.retryAfterSeconds ?? 1,
      ),
    }),
    500: () => describeError('internalError'),
    503: () => describeError('serviceUnavailable'),
  };
  const fallback = defaults[effect.status]?.() ?? {
    code: 'BadRequest',
    message: 'General Bad Request error message.',
  };
  if (effect.status === 429) {
    deps.retries.throttled(
      tenant.id,
      caller.clientId,
      operation.operationId,
      deps.clock.now(),
      effect.retryAfterSeconds ?? 1,
    );
    headers['retry-after'] ??= '1';
  }
  return errorResponse(
    effect.status,
    effect.code ?? fallback.code,
    effect.message ?? fallback.message,
    effect.status === 429 ? tenant.id : target(),
    headers,
  );
}
