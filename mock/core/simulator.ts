/**
 * @module
 * `createSimulator`: one simulated MDE service (tenants, machines, actions, the offline Entra ID,
 * quotas, faults, journal and clock) behind one function, `handle(request) → response`. The standalone
 * server, the express adapter and the MSW handlers all call it; none of them adds behaviour.
 */
import { controlSpec } from '../../openapi/control-spec.gen.ts';
import { spec as generatedSpec } from '../../openapi/spec.gen.ts';
import type { PersistedSigningKeys } from '../identity/signing-keys.ts';
import { createIdentityProvider, type IdentityProvider } from '../identity/token-issuer.ts';
import { type ApiOperation, createApiRouter } from './api-routes.ts';
import type { ForbiddenWording } from './authorization.ts';
import { SimulatorClock, type SimulatorClockOptions } from './clock.ts';
import { encodeAnswer } from './content-encoding.ts';
import { controlErrorResponse, createControlApi, type SimulatorControl } from './control-api.ts';
import { ControlAccess, type ControlAccessOptions } from './control-guard.ts';
import { ControlInputError, checkControlInput, checkRateLimitSetting } from './control-schemas.ts';
import { dashboardResponse, isDashboardPath } from './dashboard.ts';
import { demoTenant } from './demo-tenant.ts';
import { downloadPackage, isPackageDownload, type PackageDownloadDeps } from './investigation-package.ts';
import { journalHeaders, journalQuery } from './journal.ts';
import type { DuplicatePolicy } from './machine-actions.ts';
import { mdeError } from './mde-errors.ts';
import { correlationTarget, type PipelineDeps, type PipelineResult, runApiPipeline } from './pipeline.ts';
import { createRandom } from './random.ts';
import type { TenantSeed } from './seed.ts';
import { type RateLimitSetting, SimulatorState, type StateSnapshot } from './simulator-state.ts';
import { DEFAULT_RETENTION, type LifecycleOptions, type RetentionPolicy } from './tenant-state.ts';
import { TrafficRecorder } from './traffic-recorder.ts';
import type { SimRequest, SimResponse } from './types.ts';
import { fromWebRequest, toWebResponse } from './web.ts';

/** Minimal logger interface (pino's methods); the core never logs tokens or secrets. */
export interface SimulatorLogger {
  /** Per-request lines (method, path, status, operation, duration; never headers or bodies). Optional. */
  debug?(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Options of {@link createSimulator}; every one has a default. */
export interface SimulatorOptions {
  /** Tenants to seed. @default the demo tenant (see demo-tenant.ts) */
  tenants?: TenantSeed[];
  /** The clock, or options for a new one. @default a running clock at real time */
  clock?: SimulatorClock | SimulatorClockOptions;
  /** Seed for ids, correlation ids and timestamps' sub-microsecond gaps. @default random */
  seed?: number | string;
  /** Action lifecycle timing. @default pickup 5 s, execution 15 s, offline TimeOut after 3 days */
  lifecycle?: Partial<LifecycleOptions>;
  /** A second action of the same type while one is active: 400 (`reject`) or the pending action (201). @default 'reject' */
  duplicatePolicy?: DuplicatePolicy;
  /** Wording of the 403 for a missing application role. @default 'current' (2026) */
  forbiddenWording?: ForbiddenWording;
  /**
   * Quotas: `true` (the spec's `x-mde-rate-limits`), `false` (off), or a setting with windows per operationId
   * (load tests raise them). Per tenant overridable through the control API. @default true
   */
  rateLimits?: boolean | RateLimitSetting;
  /**
   * How long final actions are kept (Pending/InProgress are never dropped); `false` keeps every action.
   * @default 30 simulated days, at most 50,000 final actions per tenant
   */
  retention?: Partial<RetentionPolicy> | false;
  /** Who may use the control API (`/_sim`): extra host names, a control token. @default loopback names, no token */
  controlAccess?: ControlAccessOptions;
  /** Request journal size (entries). @default 1000 */
  journalCapacity?: number;
  /**
   * Whether the journal also keeps bodies (redacted) and the state each API call met, for
   * `GET /_sim/journal/pact` and `/_sim/journal/har`; switchable at run time. @default false
   */
  recordTraffic?: boolean;
  /** Signing keys persisted from an earlier run (the server keeps them in its state dir). */
  identityKeys?: PersistedSigningKeys | string;
  /** Called (and awaited) after every signing-key rotation with the keys to persist. @default none */
  onKeysRotated?: (keys: PersistedSigningKeys) => void | Promise<void>;
  /** The OpenAPI document. @default the project's spec (openapi/defender-machine-actions.yaml) */
  spec?: object;
  /** Where to log. @default nothing */
  logger?: SimulatorLogger;
  /**
   * The origin written into host-bearing values such as `@odata.context`, in place of the one the client
   * called (`https://api.security.microsoft.com`), so answers read as the service writes them whatever
   * host serves them. @default the origin of each request
   */
  publicOrigin?: string;
}

/** A running simulator. */
export interface Simulator {
  /** Answers one request (API, identity or control API). Never rejects: a bug becomes a logged 500. */
  handle(request: SimRequest): Promise<SimResponse>;
  /** The same, for hosts that speak fetch (MSW, service workers). */
  fetch(request: Request): Promise<Response>;
  /** The clock everything reads: freeze, advance, set. */
  readonly clock: SimulatorClock;
  /** Seeding, machine behaviour, faults, quotas, journal, tokens: the typed control surface. */
  readonly control: SimulatorControl;
  /** The offline Entra ID (token endpoint, JWKS, verification, minting). */
  readonly identity: IdentityProvider;
  /** The API operations of the spec, as routed. */
  readonly operations: readonly ApiOperation[];
  /** The control API's door: hosts it answers to, and its token (servers add their names here). */
  readonly controlAccess: ControlAccess;
  /** Counts changes worth persisting; a persister saves when it moved (the request path only counts). */
  readonly changes: number;
  /** Tenants, machines, actions, quotas, fault plans and the clock, as a copy (persistence). */
  snapshot(): PersistedState;
  /** The same as JSON text, serialized straight from the live state (no intermediate copy). */
  snapshotJson(): string;
  /** Replaces the state with a snapshot's; refuses (TypeError naming the path) one that is not valid. */
  restore(snapshot: unknown): void;
  /** Releases timers (sleepers wake). */
  close(): void;
}

/** What `snapshot()` returns and `restore()` takes (the state file of `serve --persist`). */
export interface PersistedState {
  format: 'mde-sim-state';
  version: 1;
  /** Simulator-clock time of the snapshot. */
  savedAt: string;
  clock: { mode: 'running' | 'frozen'; nowMs: number };
  state: StateSnapshot;
}

const DEFAULT_LIFECYCLE: LifecycleOptions = {
  pickupDelayMs: 5_000,
  executionMs: 15_000,
  offlineTimeoutMs: 3 * 24 * 60 * 60 * 1000,
};

const NO_LOG: SimulatorLogger = { info() {}, warn() {}, error() {} };

/** Creates a simulator. Options are validated here, once; a bad one throws a TypeError naming it. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const lifecycle = { ...DEFAULT_LIFECYCLE, ...options.lifecycle };
  for (const [name, value] of Object.entries(lifecycle)) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new TypeError(`lifecycle.${name} must be a number of ms >= 0`);
  }
  if (options.duplicatePolicy && !['reject', 'return-pending'].includes(options.duplicatePolicy)) {
    throw new TypeError("duplicatePolicy must be 'reject' or 'return-pending'");
  }
  if (options.forbiddenWording && !['current', 'legacy'].includes(options.forbiddenWording)) {
    throw new TypeError("forbiddenWording must be 'current' or 'legacy'");
  }
  const publicOrigin = options.publicOrigin === undefined ? undefined : checkOrigin(options.publicOrigin);
  const clock = options.clock instanceof SimulatorClock ? options.clock : new SimulatorClock(options.clock);
  const random = createRandom(options.seed);
  const logger = options.logger ?? NO_LOG;
  const [router, controlRouter] = await Promise.all([
    createApiRouter(options.spec ?? generatedSpec),
    createApiRouter(controlSpec),
  ]);
  const state = new SimulatorState({
    tenants: options.tenants ?? [demoTenant()],
    lifecycle,
    retention: retentionOf(options.retention),
    rateLimits: rateLimitSettingOf(options.rateLimits, router.operations),
    operations: router.operations,
    journalCapacity: options.journalCapacity ?? 1000,
  });
  const controlAccess = new ControlAccess(options.controlAccess);

  const identity = createIdentityProvider({
    clock,
    // Clients sign assertions with their wall clock, even when the simulator's clock was moved.
    clientAssertionClock: new SimulatorClock(),
    random,
    directory: { findTenant: (idOrDomain) => state.findTenant(idOrDomain), tenants: () => state.tenants() },
    ...(options.identityKeys === undefined ? {} : { keys: options.identityKeys }),
    ...(options.onKeysRotated === undefined ? {} : { onKeysRotated: options.onKeysRotated }),
  });
  // Persisted keys are proven now (each signs and verifies a test token), not at the first token request.
  if (options.identityKeys !== undefined) await identity.jwks();
  const recorder = new TrafficRecorder(
    { router, tenants: () => state.tenants(), tenant: (id) => state.tenantById(id) },
    options.recordTraffic ?? false,
  );

  const deps: PipelineDeps = {
    router,
    verifier: identity,
    tenant: (tid) => state.tenantById(tid),
    clock,
    random,
    limiter: state.limiter,
    retries: state.retries,
    faults: state.faults,
    duplicatePolicy: options.duplicatePolicy ?? 'reject',
    forbiddenWording: options.forbiddenWording ?? 'current',
    callers: new WeakMap(),
    publicOrigin,
    rateLimitsFor: (tenantId, operation) => state.rateLimitsFor(tenantId, operation),
  };

  const packageDeps: PackageDownloadDeps = { tenants: () => state.tenants(), now: () => clock.now(), random };

  const control = createControlApi({
    clock,
    identity,
    state,
    recorder,
    operations: router.operations,
    router: controlRouter,
  });

  async function handle(request: SimRequest): Promise<SimResponse> {
    const startedAt = clock.now();
    const facts = recorder.enabled ? recorder.observe(request, startedAt) : undefined;
    let result: PipelineResult;
    try {
      if (request.path === '/_sim' || request.path.startsWith('/_sim/')) {
        const refusal = controlAccess.check(request);
        const response = refusal ? controlErrorResponse(refusal) : await control.handleHttp(request);
        result = { ...emptyResult(), response, operationId: 'control' };
      } else if (isDashboardPath(request.path) && controlAccess.allowsHost(request)) {
        result = { ...emptyResult(), response: dashboardResponse(request), operationId: 'dashboard' };
      } else if (/^\/api(\/|$)/i.test(request.path)) {
        result = await runApiPipeline(deps, request);
      } else if (isPackageDownload(request.path)) {
        const response = downloadPackage(packageDeps, request);
        result = { ...emptyResult(), response, operationId: 'packageDownload' };
      } else {
        const answered = await identity.handle(request);
        result = answered
          ? { ...emptyResult(), response: answered, operationId: 'identity' }
          : { ...emptyResult(), response: mdeError(correlationTarget(random), 'routeNotFound') };
      }
    } catch (error) {
      // An exception here is a simulator bug, not an injected fault: log it loudly, answer MDE's 500.
      logger.error(
        { err: error, method: request.method, path: request.path },
        'simulator bug: unhandled exception',
      );
      result = { ...emptyResult(), response: mdeError(correlationTarget(random), 'internalError') };
    }
    const { response } = result;
    // Anything but a read may change state (an action, a cancel, a control call): the persister looks.
    if (request.method !== 'GET' && request.method !== 'HEAD') state.changed();
    if (isQuietRead(request.method, result.operationId, response.status)) return response;
    state.journal.add({
      seq: 0,
      atMs: startedAt,
      method: request.method,
      path: request.path,
      query: journalQuery(request.query),
      status: response.dropConnection ? 0 : response.status,
      operation: result.operationId,
      tenantId: result.caller?.tenantId,
      clientId: result.caller?.clientId,
      errorCode: response.status >= 400 ? errorCodeOf(response.body) : undefined,
      fault: result.fault ? { planId: result.fault.plan.id, kind: result.fault.effect.kind } : undefined,
      earlyRetry: result.earlyRetry,
      headers: journalHeaders(request.headers),
      remote: request.remote,
      durationMs: clock.now() - startedAt,
      exchange: recorder.enabled ? recorder.exchange(request, response, facts) : undefined,
    });
    if (result.fault) logger.info({ fault: result.fault.plan.id, path: request.path }, 'injected fault');
    logger.debug?.(
      { method: request.method, path: request.path, status: response.status, operation: result.operationId },
      'request',
    );
    // The MDE API compresses when asked (content-encoding.ts); identity, control and downloads do not.
    const isApi =
      result.operationId !== 'control' &&
      result.operationId !== 'identity' &&
      result.operationId !== 'packageDownload';
    return isApi ? encodeAnswer(response, request.headers['accept-encoding']) : response;
  }

  /** The persisted form, sharing the live objects: serialize or copy it before the next request. */
  const persistedView = (): PersistedState => {
    const now = clock.now();
    return {
      format: 'mde-sim-state',
      version: 1,
      savedAt: new Date(now).toISOString(),
      clock: { mode: clock.mode, nowMs: now },
      state: state.snapshot(),
    };
  };

  return {
    handle,
    async fetch(request) {
      return toWebResponse(await handle(await fromWebRequest(request)));
    },
    clock,
    control,
    identity,
    operations: router.operations,
    controlAccess,
    get changes() {
      return state.changes;
    },
    snapshot() {
      return structuredClone(persistedView());
    },
    snapshotJson() {
      return JSON.stringify(persistedView());
    },
    restore(snapshot) {
      let persisted: PersistedState;
      try {
        persisted = checkControlInput('PersistedState', snapshot, 'state') as unknown as PersistedState;
      } catch (error) {
        if (error instanceof ControlInputError) throw new TypeError(error.message);
        throw error;
      }
      state.restore(persisted.state);
      if (persisted.clock.mode === 'frozen') clock.freeze();
      clock.setTime(persisted.clock.nowMs);
      if (persisted.clock.mode === 'running') clock.resume();
    },
    close() {
      clock.wakeAll();
    },
  };
}

function retentionOf(option: SimulatorOptions['retention']): RetentionPolicy {
  if (option === false) return { maxAgeMs: null, maxFinalActions: null };
  const policy = { ...DEFAULT_RETENTION, ...option };
  if (policy.maxAgeMs !== null && !(Number.isFinite(policy.maxAgeMs) && policy.maxAgeMs >= 0))
    throw new TypeError('retention.maxAgeMs must be a number of ms >= 0, or null');
  if (
    policy.maxFinalActions !== null &&
    !(Number.isInteger(policy.maxFinalActions) && policy.maxFinalActions >= 0)
  )
    throw new TypeError('retention.maxFinalActions must be an integer >= 0, or null');
  return policy;
}

function rateLimitSettingOf(
  option: SimulatorOptions['rateLimits'],
  operations: readonly ApiOperation[],
): RateLimitSetting {
  if (option === undefined || option === true) return { enabled: true };
  if (option === false) return { enabled: false };
  let setting: RateLimitSetting;
  try {
    setting = checkRateLimitSetting(
      option,
      operations.map((op) => op.operationId),
      'rateLimits',
    ) as RateLimitSetting;
  } catch (error) {
    if (error instanceof ControlInputError) throw new TypeError(error.message);
    throw error;
  }
  return setting;
}

/** `https://host[:port]` and nothing more, or a TypeError naming the option. */
function checkOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    !['http:', 'https:'].includes(url.protocol) ||
    `${url.origin}/` !== url.href.replace(/\/?$/, '/')
  ) {
    throw new TypeError(
      `publicOrigin must be an origin such as https://api.security.microsoft.com, got ${value}`,
    );
  }
  return url.origin;
}

function emptyResult(): PipelineResult {
  return {
    response: { status: 500, headers: {}, body: '' },
    operationId: undefined,
    caller: undefined,
    fault: undefined,
    earlyRetry: undefined,
  };
}

function errorCodeOf(body: string): string | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    const error = parsed.error;
    if (typeof error === 'string') return error; // AADSTS answers: {"error":"invalid_client",...}
    if (typeof error === 'object' && error !== null) return String((error as { code?: unknown }).code);
  } catch {
    // not JSON: no code
  }
  return undefined;
}

/**
 * Successful reads of the control API and of the live page are not journaled: a page or script polling
 * `/_sim` would otherwise push the calls a test or a demo wants to see out of the bounded journal (WireMock
 * keeps its admin calls out of its request log for the same reason). Refused and failed reads still are.
 */
function isQuietRead(method: string, operationId: string | undefined, status: number): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    status < 400 &&
    (operationId === 'control' || operationId === 'dashboard')
  );
}
