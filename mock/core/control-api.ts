/**
 * @module
 * The simulator's control surface: typed methods for in-process users (MSW, tests) and the same
 * operations as a JSON HTTP API under `/_sim` for everyone else. This is the only place allowed its own
 * error shape (`{"error":{"code","message"}}` with mde-sim codes), since the real service has no such API.
 */
import type { IdentityProvider } from '../identity/token-issuer.ts';
import type { ActivityPage } from './activity-feed.ts';
import type { ApiOperation, ApiRouter } from './api-routes.ts';
import type { SimulatorClock } from './clock.ts';
import {
  ControlInputError,
  type ControlSchemaName,
  type ControlSchemas,
  checkControlInput,
  checkOperationId,
  checkRateLimitSetting,
  jsonPath,
  suggestName,
} from './control-schemas.ts';
import type { FaultPlan, FaultPlanInput } from './faults.ts';
import type { JournalEntry } from './journal.ts';
import type { WindowUsage } from './rate-limiter.ts';
import type { RetrySummary } from './retry-tracker.ts';
import type { MachineBehaviour, MachineSeed, TenantSeed } from './seed.ts';
import type { EffectiveRateLimits, RateLimitSetting, SimulatorState } from './simulator-state.ts';
import { isTerminal, type StoredAction, type TenantState } from './tenant-state.ts';
import { harFromJournal } from './traffic-har.ts';
import { type PactFromTrafficOptions, pactFromTraffic, type RecordedPact } from './traffic-pact.ts';
import type { TrafficRecorder } from './traffic-recorder.ts';
import type { SimRequest, SimResponse } from './types.ts';

export type { RateLimitSetting } from './simulator-state.ts';

/** A tenant as the control API shows it: ids, demo credentials, machines and their behaviour. */
export type TenantSummary = ControlSchemas['TenantSummary'];

/** One caller (tenant + app) of the API: its quota use and 429 record per operation it called. */
export interface CallerUsage {
  tenantId: string;
  clientId: string;
  /** The app's (or managed identity's) display name, null when the tenant no longer knows the id. */
  displayName: string | null;
  operations: {
    operationId: string;
    /** Each quota window with the admitted calls still inside it (none when quotas are off). */
    windows: WindowUsage[];
    throttled: number;
    earlyRetries: number;
    honouredRetries: number;
  }[];
}

/** Error of a control call, with the status the HTTP control API answers. */
export class ControlError extends Error {
  override name = 'ControlError';
  readonly status: number;
  readonly code: string;
  /** JSON pointer of the bad value in the request body, when there is one. */
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** The typed control surface. Every input is checked against openapi/mde-sim-control.yaml. */
export interface SimulatorControl {
  tenants(): TenantSummary[];
  tenant(idOrDomain: string): TenantSummary;
  /** Seeds (or replaces) a tenant. */
  addTenant(seed: TenantSeed): TenantSummary;
  /** Restores one tenant's seed, or everything (tenants, quotas, faults, journal) when no id is given. */
  reset(tenantId?: string): void;
  addMachine(tenantId: string, machine: MachineSeed): TenantSummary['machines'][number];
  /** Sets a machine online/offline, failing or succeeding, restricted or not, and its timing. */
  setMachine(
    tenantId: string,
    machineId: string,
    change: MachineBehaviour,
  ): TenantSummary['machines'][number];
  /** A tenant's actions, oldest first (lifecycle settled to now). */
  actions(tenantId: string): StoredAction[];
  clockState(): { now: string; mode: 'running' | 'frozen' };
  advanceClock(ms: number): void;
  setClock(at: string | number): void;
  freezeClock(): void;
  resumeClock(): void;
  journal(options?: { limit?: number; tenantId?: string }): JournalEntry[];
  addFault(plan: FaultPlanInput): FaultPlan;
  faults(): FaultPlan[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  setRateLimits(tenantId: string, setting: RateLimitSetting): void;
  rateLimits(tenantId: string): EffectiveRateLimits;
  /** How callers behaved after 429s: throttled, early retries, honoured retries. */
  retries(tenantId?: string): RetrySummary[];
  /** Every status actions took after the cursor `after` (lifecycle settled to now first). */
  events(options?: { after?: number; limit?: number; tenantId?: string }): ActivityPage;
  /** Who called the API: per caller and operation, quota windows in use and the 429 record. */
  callers(tenantId?: string): CallerUsage[];
  /** Mints an access token with any claims (expired, wrong audience, missing role, forged types...). */
  mintToken(request: MintTokenRequest): Promise<string>;
  rotateSigningKeys(): Promise<void>;
  /** Switches traffic recording (bodies and state in the journal, for pacts and HAR) on or off. */
  setRecording(enabled: boolean): void;
  recording(): boolean;
  /** A Pact V4 file from the calls recorded in the journal (traffic-pact.ts), and the calls left out. */
  recordedPact(options: PactFromTrafficOptions & { tenantId?: string }): RecordedPact;
  /** The journal as HAR 1.2, URLs on `origin`. */
  har(options: { origin: string; tenantId?: string }): ReturnType<typeof harFromJournal>;
  /** The HTTP form of all the above, under `/_sim` (protection is checked before, by the simulator). */
  handleHttp(request: SimRequest): Promise<SimResponse>;
}

/** What `mintToken` takes: claims to set or override, and how to sign. */
export type MintTokenRequest = ControlSchemas['MintTokenRequest'];

/** What the control surface needs from the simulator. */
export interface ControlDeps {
  clock: SimulatorClock;
  identity: IdentityProvider;
  state: SimulatorState;
  recorder: TrafficRecorder;
  operations: readonly ApiOperation[];
  /** Routes `/_sim` requests by the control document's path templates. */
  router: ApiRouter;
}

/** The latest instant the clock may reach: the end of year 9999 (timestamps have four-digit years). */
const LATEST_TIME_MS = 253_402_300_799_999;

function bad(message: string, field?: string): ControlError {
  return new ControlError(400, 'InvalidControlRequest', message, field);
}

/** Runs a control-schemas check, turning its refusal into the control API's 400 naming the field. */
function refusing<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ControlInputError) throw bad(error.message, error.pointer);
    throw error;
  }
}

/** Checks a control input against its schema; a refusal is a 400 naming the field. */
function checked<N extends ControlSchemaName>(name: N, value: unknown, what?: string): ControlSchemas[N] {
  return refusing(() => checkControlInput(name, value, what));
}

/** Checks a tenant seed (a control request, a seed file entry or code), naming the first bad field. */
export function validateTenantSeed(value: unknown, what = 'tenant seed'): TenantSeed {
  const seed = checked('TenantSeed', value, what) as TenantSeed;
  // What the schema cannot say about a backlog: final, on a machine of the seed, unique ids.
  const machineIds = new Set(seed.machines.map((machine) => machine.id.toLowerCase()));
  const actionIds = new Set<string>();
  seed.history?.forEach((action, index) => {
    const at = (field: string) => jsonPath(what, `/history/${index}/${field}`);
    if (!isTerminal(action.status))
      throw bad(
        `${at('status')} must be final (Succeeded, Failed, TimeOut or Cancelled) in a seed's history`,
        `/history/${index}/status`,
      );
    if (!machineIds.has(String(action.machineId).toLowerCase()))
      throw bad(
        `${at('machineId')}: '${action.machineId}' is not a machine of this seed`,
        `/history/${index}/machineId`,
      );
    const id = action.id.toLowerCase();
    if (actionIds.has(id))
      throw bad(`${at('id')}: '${action.id}' appears twice in the history`, `/history/${index}/id`);
    actionIds.add(id);
  });
  return seed;
}

/** Builds the control surface. */
export function createControlApi(deps: ControlDeps): SimulatorControl {
  const { state, clock } = deps;
  const operationIds = deps.operations.map((op) => op.operationId);
  const tenantOf = (idOrDomain: string): TenantState => {
    const tenant = state.findTenant(idOrDomain);
    if (!tenant) throw new ControlError(404, 'TenantNotFound', `Tenant '${idOrDomain}' is not seeded`);
    tenant.settle(clock.now());
    return tenant;
  };
  const moveClockTo = (target: number): void => {
    if (!(target >= 0 && target <= LATEST_TIME_MS))
      throw bad('the clock cannot move past the end of year 9999 or before 1970');
    clock.setTime(target);
    state.changed();
  };

  const control: SimulatorControl = {
    tenants: () => [...state.tenants()].map(summarize),
    tenant: (id) => summarize(tenantOf(id)),
    addTenant: (seed) => summarize(state.addTenant(validateTenantSeed(seed, 'body'))),
    reset(tenantId) {
      if (tenantId === undefined) state.reset();
      else if (!state.reset(tenantOf(tenantId).id))
        throw new ControlError(404, 'TenantNotFound', `Tenant '${tenantId}' has no seed`);
    },
    addMachine(tenantId, machine) {
      const tenant = tenantOf(tenantId);
      const seed = checked('MachineSeed', machine) as MachineSeed;
      state.changed();
      return machineSummary(tenant.addMachine(seed));
    },
    setMachine(tenantId, machineId, change) {
      const tenant = tenantOf(tenantId);
      const behaviour = checked('MachineBehaviour', change) as MachineBehaviour;
      const record = tenant.machine(machineId);
      if (!record)
        throw new ControlError(
          404,
          'MachineNotFound',
          `Machine '${machineId}' is not in tenant ${tenant.id}`,
        );
      tenant.setBehaviour(record, behaviour, clock.now());
      state.changed();
      return machineSummary(record);
    },
    actions: (tenantId) => [...tenantOf(tenantId).allActions()].map((action) => structuredClone(action)),
    clockState: () => ({ now: new Date(clock.now()).toISOString(), mode: clock.mode }),
    advanceClock(ms) {
      const { advanceMs } = checked('ClockChange', { advanceMs: ms });
      moveClockTo(clock.now() + (advanceMs ?? 0));
    },
    setClock(at) {
      const { set } = checked('ClockChange', { set: at });
      const ms = typeof set === 'number' ? set : Date.parse(String(set));
      if (!Number.isFinite(ms)) throw bad('body.set must be an ISO date-time or ms since the epoch', '/set');
      moveClockTo(ms);
    },
    freezeClock() {
      clock.freeze();
      state.changed();
    },
    resumeClock() {
      clock.resume();
      state.changed();
    },
    journal(options = {}) {
      const tenantId = options.tenantId?.toLowerCase();
      return state.journal.list(
        tenantId === undefined ? undefined : (entry) => entry.tenantId === tenantId,
        options.limit,
      );
    },
    addFault(input) {
      const plan = checked('FaultPlanInput', input) as FaultPlanInput;
      if (plan.match?.operationId !== undefined)
        refusing(() =>
          checkOperationId(plan.match!.operationId!, operationIds, 'body', '/match/operationId'),
        );
      if (plan.count === undefined && plan.probability === undefined)
        throw bad('body: a fault plan needs count (the next N calls) or probability (a seeded fraction)');
      const { effect } = plan;
      if (effect.kind === 'latency') {
        const ranged =
          effect.minMs !== undefined && effect.maxMs !== undefined && effect.minMs <= effect.maxMs;
        if (effect.delayMs === undefined && !ranged)
          throw bad('body.effect: a latency effect needs delayMs, or minMs <= maxMs', '/effect');
      }
      if (plan.id !== undefined && state.faults.list().some((existing) => existing.id === plan.id))
        throw new ControlError(
          409,
          'FaultExists',
          `A fault plan '${plan.id}' exists; delete it first`,
          '/id',
        );
      state.changed();
      return state.faults.add(plan);
    },
    faults: () => state.faults.list(),
    removeFault(id) {
      state.changed();
      return state.faults.remove(id);
    },
    clearFaults() {
      state.changed();
      state.faults.clear();
    },
    setRateLimits(tenantId, setting) {
      const tenant = tenantOf(tenantId);
      const valid = refusing(() => checkRateLimitSetting(setting, operationIds));
      state.setRateLimits(tenant.id, valid as RateLimitSetting);
    },
    rateLimits: (tenantId) => state.rateLimitsOf(tenantOf(tenantId).id),
    retries: (tenantId) => state.retries.summaries(tenantId?.toLowerCase()),
    events(options = {}) {
      const now = clock.now();
      for (const tenant of state.tenants()) tenant.settle(now);
      return state.activity.since(options.after ?? 0, {
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId.toLowerCase() }),
      });
    },
    callers: (tenantId) => callerUsage(state, clock.now(), tenantId?.toLowerCase()),
    async mintToken(input) {
      const request = checked('MintTokenRequest', input);
      const tenant = tenantOf(request.tenantId);
      const app = request.clientId === undefined ? tenant.apps[0] : tenant.app(request.clientId);
      if (!app)
        throw bad(`body.clientId: '${request.clientId}' is not an app of tenant ${tenant.id}`, '/clientId');
      const wanted = request.user?.toLowerCase();
      const user =
        wanted === undefined
          ? undefined
          : tenant.users.find(
              (u) => u.userPrincipalName.toLowerCase() === wanted || u.objectId.toLowerCase() === wanted,
            );
      if (request.user !== undefined && !user)
        throw bad(`body.user: '${request.user}' is not in tenant ${tenant.id}`, '/user');
      const claims: Record<string, unknown> = { tid: tenant.id, appid: app.clientId };
      if (user) {
        Object.assign(claims, {
          scp: (app.delegatedScopes ?? []).join(' '),
          upn: user.userPrincipalName,
          unique_name: user.userPrincipalName,
          name: user.displayName,
          oid: user.objectId,
        });
      }
      // Free-form on purpose: tests forge tokens with claims of any type; verification checks their types.
      Object.assign(claims, request.claims ?? {});
      return deps.identity.mintToken(claims as Parameters<IdentityProvider['mintToken']>[0], {
        ...(request.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: request.lifetimeSeconds }),
        signWith: request.signWith ?? 'current',
      });
    },
    async rotateSigningKeys() {
      await deps.identity.rotateKeys();
      state.changed();
    },
    setRecording(enabled) {
      const change = checked('RecordingSetting', { enabled });
      deps.recorder.enabled = change.enabled;
    },
    recording: () => deps.recorder.enabled,
    recordedPact(options) {
      if (typeof options?.consumer !== 'string' || options.consumer.trim() === '')
        throw bad('consumer must name the consumer the pact is for', 'consumer');
      return pactFromTraffic(recordedEntries(state, options.tenantId), options);
    },
    har: (options) => harFromJournal(recordedEntries(state, options.tenantId), { origin: options.origin }),
    handleHttp: (request) => handleControlHttp(control, deps.router, request),
  };
  return control;
}

function json(status: number, body: unknown): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function parseJsonBody(request: SimRequest): unknown {
  if (request.body === undefined || request.body.trim() === '') return {};
  try {
    return JSON.parse(request.body);
  } catch (error) {
    throw bad(`body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads one query parameter that may appear once. */
function queryParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw bad(`query parameter ${name} may appear once`, name);
  return values[0];
}

/** Query parameters the route does not know are refused (a typo must not be silently ignored). */
function checkQuery(params: URLSearchParams, known: readonly string[]): void {
  for (const name of new Set(params.keys())) {
    if (!known.includes(name))
      throw bad(`unknown query parameter '${name}'${suggestName(name, known)}`, name);
  }
}

async function handleControlHttp(
  control: SimulatorControl,
  router: ApiRouter,
  request: SimRequest,
): Promise<SimResponse> {
  try {
    const route = router.match(request.method, request.path);
    if (route.kind === 'method-not-allowed') {
      throw new ControlError(
        405,
        'MethodNotAllowed',
        `${request.method} is not allowed on ${request.path} (allowed: ${route.allow.join(', ')})`,
      );
    }
    if (route.kind === 'not-found') {
      throw new ControlError(
        404,
        'NotFound',
        `No control route ${request.method} ${request.path}. See the README, "Control API".`,
      );
    }
    const { operation, params } = route;
    const query = new URLSearchParams(request.query);
    const body = operation.hasBody ? parseJsonBody(request) : undefined;
    const tenantId = params.tenantId ?? '';
    switch (operation.operationId) {
      case 'listTenants':
        return json(200, { tenants: control.tenants() });
      case 'addTenant':
        return json(201, control.addTenant(body as TenantSeed));
      case 'getTenant':
        return json(200, control.tenant(tenantId));
      case 'resetTenant':
        control.reset(tenantId);
        return json(200, control.tenant(tenantId));
      case 'resetAll':
        control.reset();
        return json(200, { tenants: control.tenants() });
      case 'addMachine':
        return json(201, control.addMachine(tenantId, body as MachineSeed));
      case 'setMachine':
        return json(200, control.setMachine(tenantId, params.machineId ?? '', body as MachineBehaviour));
      case 'listActions':
        return json(200, { actions: control.actions(tenantId) });
      case 'getRateLimits':
        return json(200, control.rateLimits(tenantId));
      case 'setRateLimits':
        control.setRateLimits(tenantId, body as RateLimitSetting);
        return json(200, control.rateLimits(tenantId));
      case 'getClock':
        return json(200, control.clockState());
      case 'changeClock': {
        const change = checked('ClockChange', body);
        if (change.mode === 'frozen') control.freezeClock();
        if (change.set !== undefined) control.setClock(change.set);
        if (change.advanceMs !== undefined) control.advanceClock(change.advanceMs);
        if (change.mode === 'running') control.resumeClock();
        return json(200, control.clockState());
      }
      case 'getJournal': {
        checkQuery(query, ['limit', 'tenantId']);
        const limit = queryParam(query, 'limit');
        if (
          limit !== undefined &&
          !(/^\d{1,6}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100_000)
        )
          throw bad('limit must be an integer from 1 to 100000', 'limit');
        const tenant = queryParam(query, 'tenantId');
        return json(200, {
          entries: control.journal({
            ...(limit === undefined ? {} : { limit: Number(limit) }),
            ...(tenant === undefined ? {} : { tenantId: tenant }),
          }),
        });
      }
      case 'listFaults':
        return json(200, { faults: control.faults() });
      case 'addFault':
        return json(201, control.addFault(body as FaultPlanInput));
      case 'clearFaults':
        control.clearFaults();
        return json(200, { faults: [] });
      case 'removeFault': {
        const faultId = params.faultId ?? '';
        if (!control.removeFault(faultId))
          throw new ControlError(404, 'FaultNotFound', `No fault plan '${faultId}'`);
        return json(200, { faults: control.faults() });
      }
      case 'getRetries': {
        checkQuery(query, ['tenantId']);
        return json(200, { retries: control.retries(queryParam(query, 'tenantId')) });
      }
      case 'getEvents': {
        checkQuery(query, ['after', 'limit', 'tenantId']);
        const after = queryParam(query, 'after');
        if (after !== undefined && !/^\d{1,15}$/.test(after))
          throw bad('after must be an integer >= 0 (the latest seq you saw)', 'after');
        const limit = queryParam(query, 'limit');
        if (limit !== undefined && !(/^\d{1,4}$/.test(limit) && Number(limit) >= 1))
          throw bad('limit must be an integer from 1 to 9999', 'limit');
        const tenant = queryParam(query, 'tenantId');
        return json(
          200,
          control.events({
            ...(after === undefined ? {} : { after: Number(after) }),
            ...(limit === undefined ? {} : { limit: Number(limit) }),
            ...(tenant === undefined ? {} : { tenantId: tenant }),
          }),
        );
      }
      case 'getCallers': {
        checkQuery(query, ['tenantId']);
        return json(200, { callers: control.callers(queryParam(query, 'tenantId')) });
      }
      case 'mintToken': {
        const token = await control.mintToken(body as MintTokenRequest);
        return json(201, { token_type: 'Bearer', access_token: token });
      }
      case 'rotateSigningKeys':
        await control.rotateSigningKeys();
        return json(200, { rotated: true });
      case 'getRecording':
        return json(200, { enabled: control.recording() });
      case 'setRecording': {
        const change = checked('RecordingSetting', body);
        control.setRecording(change.enabled);
        return json(200, { enabled: control.recording() });
      }
      case 'getRecordedPact': {
        checkQuery(query, ['consumer', 'provider', 'tenantId']);
        const tenant = queryParam(query, 'tenantId');
        const provider = queryParam(query, 'provider');
        const { pact } = control.recordedPact({
          consumer: queryParam(query, 'consumer') ?? '',
          ...(provider === undefined ? {} : { provider }),
          ...(tenant === undefined ? {} : { tenantId: tenant }),
        });
        return json(200, pact);
      }
      case 'getHar': {
        checkQuery(query, ['tenantId']);
        const tenant = queryParam(query, 'tenantId');
        return json(
          200,
          control.har({ origin: request.origin, ...(tenant === undefined ? {} : { tenantId: tenant }) }),
        );
      }
      default:
        throw new Error(`control route ${operation.operationId} has no handler: spec and code disagree`);
    }
  } catch (error) {
    if (error instanceof ControlError) return controlErrorResponse(error);
    throw error;
  }
}

/** The journal's entries of a tenant, with the unauthenticated calls (their token named no known tenant). */
function recordedEntries(state: SimulatorState, tenantId: string | undefined): JournalEntry[] {
  const wanted = tenantId?.toLowerCase();
  if (wanted === undefined) return state.journal.list();
  return state.journal.list((entry) => {
    const tenant = entry.tenantId ?? entry.exchange?.facts?.tenantId;
    return tenant === undefined || tenant === wanted;
  });
}

/** The control API's error body. */
export function controlErrorResponse(error: ControlError): SimResponse {
  return json(error.status, {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    },
  });
}

/** Joins the limiter's windows and the retry tracker's record per (tenant, app, operation). */
function callerUsage(state: SimulatorState, now: number, tenantId?: string): CallerUsage[] {
  const callers = new Map<string, CallerUsage>();
  const operationOf = (tenant: string, clientId: string, operationId: string) => {
    const callerKey = `${tenant}|${clientId}`;
    let caller = callers.get(callerKey);
    if (!caller) {
      const known = state.tenantById(tenant);
      const displayName =
        known?.app(clientId)?.displayName ??
        known?.managedIdentities.find((mi) => mi.clientId.toLowerCase() === clientId.toLowerCase())
          ?.displayName ??
        null;
      caller = { tenantId: tenant, clientId, displayName, operations: [] };
      callers.set(callerKey, caller);
    }
    let operation = caller.operations.find((op) => op.operationId === operationId);
    if (!operation) {
      operation = { operationId, windows: [], throttled: 0, earlyRetries: 0, honouredRetries: 0 };
      caller.operations.push(operation);
    }
    return operation;
  };
  for (const { key, windows } of state.limiter.usage(now, tenantId === undefined ? '' : `${tenantId}|`)) {
    const [tenant = '', clientId = '', operationId = ''] = key.split('|');
    operationOf(tenant, clientId, operationId).windows = windows;
  }
  for (const summary of state.retries.summaries(tenantId)) {
    Object.assign(operationOf(summary.tenantId, summary.clientId, summary.operationId), {
      throttled: summary.throttled,
      earlyRetries: summary.earlyRetries,
      honouredRetries: summary.honouredRetries,
    });
  }
  return [...callers.values()];
}

function summarize(tenant: TenantState): TenantSummary {
  return {
    id: tenant.id,
    domain: tenant.domain,
    displayName: tenant.displayName,
    apps: tenant.apps.map((app) => ({
      clientId: app.clientId,
      displayName: app.displayName,
      clientSecret: app.clientSecret ?? null,
      hasCertificate: app.certificatePem !== undefined,
      isPublicClient: app.isPublicClient ?? false,
      roles: [...app.roles],
      delegatedScopes: [...(app.delegatedScopes ?? [])],
    })),
    users: tenant.users.map((user) => ({
      objectId: user.objectId,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      password: user.password,
      mdeRoles: [...user.mdeRoles],
      deviceGroups: [...user.deviceGroups],
    })),
    machines: [...tenant.machines()].map(machineSummary),
  };
}

function machineSummary(record: ReturnType<TenantState['addMachine']>): TenantSummary['machines'][number] {
  return {
    id: record.entity.id,
    computerDnsName: record.entity.computerDnsName ?? null,
    osPlatform: record.entity.osPlatform ?? null,
    rbacGroupName: record.entity.rbacGroupName ?? null,
    healthStatus: record.entity.healthStatus ?? null,
    online: record.behaviour.online,
    outcome: record.behaviour.outcome,
    restricted: record.behaviour.restricted,
    isolation: record.behaviour.isolation,
    ...(record.behaviour.quarantinedFiles?.length
      ? { quarantinedFiles: [...record.behaviour.quarantinedFiles] }
      : {}),
    ...(record.behaviour.lastAntivirusScan
      ? { lastAntivirusScan: { ...record.behaviour.lastAntivirusScan } }
      : {}),
    ...(record.behaviour.offboardedAt === undefined ? {} : { offboardedAt: record.behaviour.offboardedAt }),
  };
}
