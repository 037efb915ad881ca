/**
 * @module
 * Traffic recording: when it is on, each journal entry also carries the exchange (request and response
 * bodies, the response's content headers) and the simulator's state just before the call (does the machine
 * exist, is an unrestrict pending on it, does the action exist), from which traffic-pact.ts infers provider
 * states. Off by default: bodies cost memory, and the journal is otherwise kept lean.
 *
 * Nothing secret is kept: form and JSON bodies have every secret-looking field (client_secret, password,
 * client_assertion, assertion, the tokens, code_verifier, a form's authorization `code`) replaced by `[redacted]`, a body that is
 * neither form nor JSON is kept only on API routes (where it is a comment or broken JSON a test sent), and
 * control-API (`/_sim`) exchanges, which list demo credentials, are not recorded at all.
 */
import type { ApiRouter } from './api-routes.ts';
import type { TenantState } from './tenant-state.ts';
import type { SimRequest, SimResponse } from './types.ts';

/** The state the call met, as far as provider states need it. */
export interface StateFacts {
  /** The tenant the call's token names (its `tid`), when readable. */
  tenantId: string | undefined;
  /** The machine named in the path (action and machine operations). */
  machine?: {
    /** The path's key: a device id or, for `GET /api/machines/{id}`, a computer DNS name. */
    key: string;
    /** The device id, when the machine exists. */
    id: string | undefined;
    exists: boolean;
    restricted: boolean;
    /** An UnrestrictCodeExecution action is Pending or InProgress on it. */
    unrestrictActive: boolean;
    /** A RestrictCodeExecution action is Pending or InProgress on it. */
    restrictActive: boolean;
  };
  /** The machine action named in the path (get and cancel). */
  action?: { id: string; exists: boolean; final: boolean; machineId: string | undefined };
}

/** What a recorded journal entry carries besides the lean fields. */
export interface RecordedExchange {
  /** The request body, redacted; undefined when the request had none. */
  requestBody: string | undefined;
  /** The response's content headers (content-type, retry-after, allow, odata-version, location). */
  responseHeaders: Record<string, string>;
  /** The response body, redacted (`''` for an empty one). */
  responseBody: string;
  /** The state the call met (API operations only). */
  facts: StateFacts | undefined;
}

/** What the recorder reads from the simulator. */
export interface TrafficRecorderDeps {
  router: ApiRouter;
  tenants(): Iterable<TenantState>;
  tenant(id: string): TenantState | undefined;
}

const V1_PREFIX = /^\/api\/v1\.0(?=\/)/i;
const SECRET_FIELD =
  /^(client_?secret|password|client_assertion|assertion|access_token|refresh_token|id_token|token|code_verifier|private_?key(pem)?)$/i;
/** In a form, `code` is an authorization code (secret); in JSON it is an error code (kept). */
const SECRET_FORM_FIELD = /^code$/i;
const KEPT_RESPONSE_HEADERS = ['content-type', 'retry-after', 'allow', 'odata-version', 'location'];
const FINAL = new Set(['Succeeded', 'Failed', 'TimeOut', 'Cancelled']);

/** Replaces secret-looking fields of a JSON value, recursively. */
function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) && field !== null && field !== '' ? '[redacted]' : redactJson(field);
  }
  return out;
}

/** A body with its secrets replaced; `api` bodies that are neither form nor JSON are kept as sent. */
export function redactBody(body: string, contentType: string | undefined, api: boolean): string {
  if (body === '') return '';
  if (/application\/x-www-form-urlencoded/i.test(contentType ?? '')) {
    const form = new URLSearchParams(body);
    for (const key of [...form.keys()])
      if (SECRET_FIELD.test(key) || SECRET_FORM_FIELD.test(key)) form.set(key, '[redacted]');
    return form.toString();
  }
  try {
    return JSON.stringify(redactJson(JSON.parse(body)));
  } catch {
    return api ? body : '[redacted: not JSON or a form]';
  }
}

/** The `tid` claim of a bearer token, read without verifying it: it only picks the tenant to observe. */
function tokenTenant(authorization: string | undefined): string | undefined {
  const payload = /^Bearer\s+[^.\s]+\.([^.\s]+)\./i.exec(authorization ?? '')?.[1];
  if (payload === undefined) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as {
      tid?: unknown;
    };
    return typeof claims.tid === 'string' ? claims.tid.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Records exchanges while switched on. */
export class TrafficRecorder {
  #enabled: boolean;
  readonly #deps: TrafficRecorderDeps;

  constructor(deps: TrafficRecorderDeps, enabled = false) {
    this.#deps = deps;
    this.#enabled = enabled;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(on: boolean) {
    this.#enabled = on;
  }

  /** The state an API call meets, read before the call changes it; undefined for other routes. */
  observe(request: SimRequest, now: number): StateFacts | undefined {
    if (!/^\/api(\/|$)/i.test(request.path)) return undefined;
    const route = this.#deps.router.match(request.method, request.path.replace(V1_PREFIX, '/api'));
    if (route.kind !== 'operation') return undefined;
    const tenantId = tokenTenant(request.headers.authorization);
    const key = route.params.id;
    const facts: StateFacts = { tenantId };
    if (key === undefined) return facts;
    const { operationId } = route.operation;
    const known = tenantId === undefined ? undefined : this.#deps.tenant(tenantId);
    if (operationId === 'getMachineAction' || operationId === 'cancelMachineAction') {
      const tenant = known ?? [...this.#deps.tenants()].find((t) => t.action(key) !== undefined);
      tenant?.settle(now);
      const action = tenant?.action(key);
      facts.action = {
        id: key,
        exists: action !== undefined,
        final: action ? FINAL.has(action.status) : false,
        machineId: action?.machineId,
      };
      return facts;
    }
    const tenant = known ?? [...this.#deps.tenants()].find((t) => t.machine(key) !== undefined);
    tenant?.settle(now);
    const machine = tenant?.machine(key);
    const id = machine?.entity.id;
    facts.machine = {
      key,
      id,
      exists: machine !== undefined,
      restricted: machine?.behaviour.restricted ?? false,
      unrestrictActive: id !== undefined && tenant?.activeAction(id, 'UnrestrictCodeExecution') !== undefined,
      restrictActive: id !== undefined && tenant?.activeAction(id, 'RestrictCodeExecution') !== undefined,
    };
    return facts;
  }

  /** The exchange to keep with the journal entry; undefined for control-API calls, which are not recorded. */
  exchange(
    request: SimRequest,
    response: SimResponse,
    facts: StateFacts | undefined,
  ): RecordedExchange | undefined {
    if (request.path === '/_sim' || request.path.startsWith('/_sim/')) return undefined;
    const api = /^\/api(\/|$)/i.test(request.path);
    const responseHeaders: Record<string, string> = {};
    for (const name of KEPT_RESPONSE_HEADERS) {
      const value = response.headers[name];
      if (value !== undefined) responseHeaders[name] = value;
    }
    return {
      requestBody:
        request.body === undefined
          ? undefined
          : redactBody(request.body, request.headers['content-type'], api),
      responseHeaders,
      responseBody: redactBody(response.body, response.headers['content-type'], api),
      facts,
    };
  }
}
