/**
 * @module
 * The simulator's control surface: typed methods for in-process users (MSW, tests) and the same
 * operations as a JSON HTTP API under `/_sim` for everyone else. This is the only place allowed its own
 * error shape (`{"error":{"code","message"}}` with mde-sim codes), since the real service has no such API.
 */
import type { IdentityProvider } from '../identity/token-issuer.ts';
import type { ApiOperation } from './api-routes.ts';
import type { SimulatorClock } from './clock.ts';
import type { FaultInjector, FaultPlan, FaultPlanInput } from './faults.ts';
import type { Journal, JournalEntry } from './journal.ts';
import type { RateLimiter, RateLimitWindow } from './rate-limiter.ts';
import type { RetrySummary, RetryTracker } from './retry-tracker.ts';
import type { MachineBehaviour, MachineSeed, TenantSeed } from './seed.ts';
import type { StoredAction, TenantState } from './tenant-state.ts';
import { harFromJournal } from './traffic-har.ts';
import { type PactFromTrafficOptions, pactFromTraffic, type RecordedPact } from './traffic-pact.ts';
import type { TrafficRecorder } from './traffic-recorder.ts';
import type { SimRequest, SimResponse } from './types.ts';

/** A tenant as the control API shows it: ids, demo credentials, machines and their behaviour. */
export interface TenantSummary {
  id: string;
  domain: string;
  displayName: string;
  apps: {
    clientId: string;
    displayName: string;
    clientSecret: string | null;
    hasCertificate: boolean;
    isPublicClient: boolean;
    roles: string[];
    delegatedScopes: string[];
  }[];
  users: {
    objectId: string;
    userPrincipalName: string;
    displayName: string;
    password: string;
    mdeRoles: string[];
    deviceGroups: string[];
  }[];
  machines: {
    id: string;
    computerDnsName: string | null;
    osPlatform: string | null;
    rbacGroupName: string | null;
    healthStatus: string | null;
    online: boolean;
    outcome: 'succeed' | 'fail';
    restricted: boolean;
  }[];
}

/** Quota setting of a tenant. */
export interface RateLimitSetting {
  /** Whether quotas apply to the tenant at all. */
  enabled?: boolean;
  /** Windows per operationId replacing the spec's. */
  limits?: Record<string, RateLimitWindow[]>;
}

/** Error of a control call, with the status the HTTP control API answers. */
export class ControlError extends Error {
  override name = 'ControlError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The typed control surface. */
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
  /** Switches traffic recording (bodies and state in the journal, for pacts and HAR) on or off. */
  setRecording(enabled: boolean): void;
  recording(): boolean;
  /** A Pact V4 file from the calls recorded in the journal (traffic-pact.ts), and the calls left out. */
  recordedPact(options: PactFromTrafficOptions & { tenantId?: string }): RecordedPact;
  /** The journal as HAR 1.2, URLs on `origin`. */
  har(options: { origin: string; tenantId?: string }): ReturnType<typeof harFromJournal>;
  addFault(plan: FaultPlanInput): FaultPlan;
  faults(): FaultPlan[];
  removeFault(id: string): boolean;
  clearFaults(): void;
  setRateLimits(tenantId: string, setting: RateLimitSetting): void;
  rateLimits(tenantId: string): { enabled: boolean; limits: Record<string, RateLimitWindow[]> };
  /** How callers behaved after 429s: throttled, early retries, honoured retries. */
  retries(tenantId?: string): RetrySummary[];
  /** Mints an access token with any claims (expired, wrong audience, missing role...). */
  mintToken(request: MintTokenRequest): Promise<string>;
  rotateSigningKeys(): Promise<void>;
  /** The HTTP form of all the above, under `/_sim`. */
  handleHttp(request: SimRequest): Promise<SimResponse>;
}

/** What `mintToken` takes: claims to set or override, and how to sign. */
export interface MintTokenRequest {
  tenantId: string;
  /** App (client id) the token is for: its roles and display name fill the claims. */
  clientId?: string;
  /** A user (UPN or object id): makes a delegated token with the app's scopes. */
  user?: string;
  /** Claims to set or override (`aud`, `roles`, `scp`, `exp`...). */
  claims?: Record<string, unknown>;
  lifetimeSeconds?: number;
  /** `untrusted` signs with a key the simulator does not know (bad signature). @default 'current' */
  signWith?: 'current' | 'untrusted';
}

/** What the control surface needs from the simulator. */
export interface ControlDeps {
  clock: SimulatorClock;
  identity: IdentityProvider;
  journal: Journal;
  recorder: TrafficRecorder;
  faults: FaultInjector;
  retries: RetryTracker;
  limiter: RateLimiter;
  operations: readonly ApiOperation[];
  tenants: Map<string, TenantState>;
  findTenant(idOrDomain: string): TenantState | undefined;
  seedTenant(seed: TenantSeed): TenantState;
  resetTenant(tenantId: string): boolean;
  resetAll(): void;
  setRateLimits(tenantId: string, setting: RateLimitSetting): void;
  rateLimitsOf(tenantId: string): { enabled: boolean; limits: Record<string, RateLimitWindow[]> };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MACHINE_ID = /^[0-9a-f]{40}$/i;

function bad(message: string): ControlError {
  return new ControlError(400, 'InvalidControlRequest', message);
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
  };
}

/** Checks a tenant seed, naming the first bad field. */
export function validateTenantSeed(value: unknown): TenantSeed {
  if (typeof value !== 'object' || value === null) throw bad('tenant seed must be a JSON object');
  const seed = value as Record<string, unknown>;
  if (typeof seed.id !== 'string' || !GUID.test(seed.id)) throw bad('tenant id must be a GUID');
  if (typeof seed.domain !== 'string' || seed.domain === '')
    throw bad('tenant domain must be a non-empty string');
  if (typeof seed.displayName !== 'string') throw bad('tenant displayName must be a string');
  for (const list of ['apps', 'users', 'machines'] as const) {
    if (!Array.isArray(seed[list])) throw bad(`tenant ${list} must be an array`);
  }
  (seed.apps as unknown[]).forEach((app, i) => {
    const a = app as Record<string, unknown>;
    if (typeof a?.clientId !== 'string' || !GUID.test(a.clientId))
      throw bad(`apps[${i}].clientId must be a GUID`);
    if (typeof a.displayName !== 'string') throw bad(`apps[${i}].displayName must be a string`);
    if (!Array.isArray(a.roles) || a.roles.some((r) => typeof r !== 'string')) {
      throw bad(`apps[${i}].roles must be an array of strings`);
    }
  });
  (seed.users as unknown[]).forEach((user, i) => {
    const u = user as Record<string, unknown>;
    if (typeof u?.objectId !== 'string' || !GUID.test(u.objectId))
      throw bad(`users[${i}].objectId must be a GUID`);
    if (typeof u.userPrincipalName !== 'string') throw bad(`users[${i}].userPrincipalName must be a string`);
    if (typeof u.password !== 'string') throw bad(`users[${i}].password must be a string`);
    if (!Array.isArray(u.mdeRoles)) throw bad(`users[${i}].mdeRoles must be an array`);
    if (!Array.isArray(u.deviceGroups)) throw bad(`users[${i}].deviceGroups must be an array`);
  });
  (seed.machines as unknown[]).forEach((machine, i) => {
    validateMachineSeed(machine, `machines[${i}]`);
  });
  return value as TenantSeed;
}

function validateMachineSeed(value: unknown, name = 'machine'): MachineSeed {
  const m = value as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) throw bad(`${name} must be a JSON object`);
  if (typeof m.id !== 'string' || !MACHINE_ID.test(m.id)) throw bad(`${name}.id must be 40 hex characters`);
  if (typeof m.computerDnsName !== 'string' || m.computerDnsName === '') {
    throw bad(`${name}.computerDnsName must be a non-empty string`);
  }
  if (m.sim !== undefined) validateBehaviour(m.sim, `${name}.sim`);
  return value as MachineSeed;
}

function validateBehaviour(value: unknown, name = 'body'): MachineBehaviour {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(`${name} must be a JSON object`);
  const b = value as Record<string, unknown>;
  const known = new Set(['online', 'outcome', 'restricted', 'pickupDelayMs', 'executionMs']);
  for (const key of Object.keys(b))
    if (!known.has(key)) throw bad(`${name}.${key} is not a machine setting (${[...known].join(', ')})`);
  for (const key of ['online', 'restricted']) {
    if (b[key] !== undefined && typeof b[key] !== 'boolean')
      throw bad(`${name}.${key} must be true or false`);
  }
  if (b.outcome !== undefined && b.outcome !== 'succeed' && b.outcome !== 'fail') {
    throw bad(`${name}.outcome must be 'succeed' or 'fail'`);
  }
  for (const key of ['pickupDelayMs', 'executionMs']) {
    const v = b[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw bad(`${name}.${key} must be a number of ms >= 0`);
    }
  }
  return value as MachineBehaviour;
}

/** Builds the control surface. */
export function createControlApi(deps: ControlDeps): SimulatorControl {
  const tenantOf = (idOrDomain: string): TenantState => {
    const tenant = deps.findTenant(idOrDomain);
    if (!tenant) throw new ControlError(404, 'TenantNotFound', `Tenant ${idOrDomain} is not seeded`);
    tenant.settle(deps.clock.now());
    return tenant;
  };

  const control: SimulatorControl = {
    tenants: () => [...deps.tenants.values()].map(summarize),
    tenant: (id) => summarize(tenantOf(id)),
    addTenant: (seed) => summarize(deps.seedTenant(validateTenantSeed(seed))),
    reset(tenantId) {
      if (tenantId === undefined) deps.resetAll();
      else if (!deps.resetTenant(tenantOf(tenantId).id))
        throw new ControlError(404, 'TenantNotFound', `Tenant ${tenantId} has no seed`);
    },
    addMachine: (tenantId, machine) =>
      machineSummary(tenantOf(tenantId).addMachine(validateMachineSeed(machine))),
    setMachine(tenantId, machineId, change) {
      const tenant = tenantOf(tenantId);
      const record = tenant.machine(machineId);
      if (!record)
        throw new ControlError(404, 'MachineNotFound', `Machine ${machineId} is not in tenant ${tenant.id}`);
      tenant.setBehaviour(record, validateBehaviour(change), deps.clock.now());
      return machineSummary(record);
    },
    actions: (tenantId) => [...tenantOf(tenantId).allActions()].map((action) => structuredClone(action)),
    clockState: () => ({ now: new Date(deps.clock.now()).toISOString(), mode: deps.clock.mode }),
    advanceClock(ms) {
      if (!(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0))
        throw bad('advanceMs must be a number of ms >= 0');
      deps.clock.advance(ms);
    },
    setClock(at) {
      const ms = typeof at === 'number' ? at : Date.parse(at);
      if (!Number.isFinite(ms)) throw bad('set must be an ISO date-time or ms since the epoch');
      deps.clock.setTime(ms);
    },
    freezeClock: () => deps.clock.freeze(),
    resumeClock: () => deps.clock.resume(),
    journal(options = {}) {
      const tenantId = options.tenantId?.toLowerCase();
      return deps.journal.list(
        tenantId === undefined ? undefined : (entry) => entry.tenantId === tenantId,
        options.limit,
      );
    },
    setRecording(enabled) {
      if (typeof enabled !== 'boolean') throw bad('enabled must be true or false');
      deps.recorder.enabled = enabled;
    },
    recording: () => deps.recorder.enabled,
    recordedPact(options) {
      if (typeof options?.consumer !== 'string' || options.consumer.trim() === '')
        throw bad('consumer must name the consumer the pact is for');
      return pactFromTraffic(recordedEntries(deps.journal, options.tenantId), options);
    },
    har: (options) =>
      harFromJournal(recordedEntries(deps.journal, options.tenantId), { origin: options.origin }),
    addFault(plan) {
      try {
        return deps.faults.add(plan);
      } catch (error) {
        throw bad((error as Error).message);
      }
    },
    faults: () => deps.faults.list(),
    removeFault: (id) => deps.faults.remove(id),
    clearFaults: () => deps.faults.clear(),
    setRateLimits(tenantId, setting) {
      const tenant = tenantOf(tenantId);
      if (typeof setting !== 'object' || setting === null)
        throw bad('rate-limit setting must be a JSON object');
      if (setting.enabled !== undefined && typeof setting.enabled !== 'boolean')
        throw bad('enabled must be true or false');
      for (const [operationId, windows] of Object.entries(setting.limits ?? {})) {
        if (!deps.operations.some((op) => op.operationId === operationId))
          throw bad(`limits: unknown operationId ${operationId}`);
        if (
          !Array.isArray(windows) ||
          windows.some(
            (w) =>
              !(
                Number.isInteger(w?.limit) &&
                w.limit >= 1 &&
                Number.isInteger(w.windowSeconds) &&
                w.windowSeconds >= 1
              ),
          )
        ) {
          throw bad(`limits.${operationId} must be an array of { limit >= 1, windowSeconds >= 1 } integers`);
        }
      }
      deps.setRateLimits(tenant.id, setting);
    },
    rateLimits: (tenantId) => deps.rateLimitsOf(tenantOf(tenantId).id),
    retries: (tenantId) => deps.retries.summaries(tenantId?.toLowerCase()),
    async mintToken(request) {
      if (typeof request !== 'object' || request === null) throw bad('token request must be a JSON object');
      const tenant = tenantOf(String(request.tenantId ?? ''));
      const app = request.clientId === undefined ? tenant.apps[0] : tenant.app(request.clientId);
      if (!app) throw bad(`clientId ${request.clientId} is not an app of tenant ${tenant.id}`);
      const user =
        request.user === undefined
          ? undefined
          : tenant.users.find(
              (u) =>
                u.userPrincipalName.toLowerCase() === request.user?.toLowerCase() ||
                u.objectId === request.user,
            );
      if (request.user !== undefined && !user)
        throw bad(`user ${request.user} is not in tenant ${tenant.id}`);
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
      Object.assign(claims, request.claims ?? {});
      return deps.identity.mintToken(claims as Parameters<IdentityProvider['mintToken']>[0], {
        ...(request.lifetimeSeconds === undefined ? {} : { lifetimeSeconds: request.lifetimeSeconds }),
        signWith: request.signWith ?? 'current',
      });
    },
    rotateSigningKeys: () => deps.identity.rotateKeys(),
    handleHttp: (request) => handleControlHttp(control, request),
  };
  return control;
}

/** The journal's entries of a tenant, with the unauthenticated calls (their token named no known tenant). */
function recordedEntries(journal: Journal, tenantId: string | undefined): JournalEntry[] {
  const wanted = tenantId?.toLowerCase();
  if (wanted === undefined) return journal.list();
  return journal.list((entry) => {
    const tenant = entry.tenantId ?? entry.exchange?.facts?.tenantId;
    return tenant === undefined || tenant === wanted;
  });
}

function json(status: number, body: unknown): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function parseJsonBody(request: SimRequest): Record<string, unknown> {
  if (request.body === undefined || request.body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch (error) {
    throw bad(`body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw bad('body must be a JSON object');
  return parsed as Record<string, unknown>;
}

async function handleControlHttp(control: SimulatorControl, request: SimRequest): Promise<SimResponse> {
  const segments = request.path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const params = new URLSearchParams(request.query);
  const route = `${request.method} /${segments.map((s, i) => (i % 2 === 1 && segments[0] === 'tenants' ? ':id' : s)).join('/')}`;
  try {
    const body = request.method === 'GET' ? {} : parseJsonBody(request);
    const [first, tenantId = '', sub, subId = ''] = segments;
    switch (route) {
      case 'GET /tenants':
        return json(200, { tenants: control.tenants() });
      case 'POST /tenants':
        return json(201, control.addTenant(body as unknown as TenantSeed));
      case 'GET /tenants/:id':
        return json(200, control.tenant(tenantId));
      case 'POST /tenants/:id/reset':
        control.reset(tenantId);
        return json(200, control.tenant(tenantId));
      case 'POST /reset':
        control.reset();
        return json(200, { tenants: control.tenants() });
      case 'POST /tenants/:id/machines':
        return json(201, control.addMachine(tenantId, body as unknown as MachineSeed));
      case 'PATCH /tenants/:id/machines/:id':
        return json(200, control.setMachine(tenantId, subId, body as MachineBehaviour));
      case 'GET /tenants/:id/actions':
        return json(200, { actions: control.actions(tenantId) });
      case 'GET /tenants/:id/rate-limits':
        return json(200, control.rateLimits(tenantId));
      case 'PUT /tenants/:id/rate-limits':
        control.setRateLimits(tenantId, body as RateLimitSetting);
        return json(200, control.rateLimits(tenantId));
      case 'GET /clock':
        return json(200, control.clockState());
      case 'POST /clock': {
        const known = ['advanceMs', 'set', 'mode'];
        const unknown = Object.keys(body).find((key) => !known.includes(key));
        if (unknown) throw bad(`clock: unknown field ${unknown} (use ${known.join(', ')})`);
        if (body.mode !== undefined && body.mode !== 'frozen' && body.mode !== 'running') {
          throw bad("clock: mode must be 'frozen' or 'running'");
        }
        if (body.mode === 'frozen') control.freezeClock();
        if (body.set !== undefined) control.setClock(body.set as string);
        if (body.advanceMs !== undefined) control.advanceClock(body.advanceMs as number);
        if (body.mode === 'running') control.resumeClock();
        return json(200, control.clockState());
      }
      case 'GET /journal': {
        const limit = params.get('limit');
        if (limit !== null && !/^\d+$/.test(limit)) throw bad('limit must be a positive integer');
        const tenant = params.get('tenantId');
        return json(200, {
          entries: control.journal({
            ...(limit === null ? {} : { limit: Number(limit) }),
            ...(tenant === null ? {} : { tenantId: tenant }),
          }),
        });
      }
      case 'GET /journal/recording':
        return json(200, { enabled: control.recording() });
      case 'PUT /journal/recording':
        control.setRecording(body.enabled as boolean);
        return json(200, { enabled: control.recording() });
      case 'GET /journal/pact': {
        const tenant = params.get('tenantId');
        const provider = params.get('provider');
        const { pact } = control.recordedPact({
          consumer: params.get('consumer') ?? '',
          ...(provider === null ? {} : { provider }),
          ...(tenant === null ? {} : { tenantId: tenant }),
        });
        return json(200, pact);
      }
      case 'GET /journal/har': {
        const tenant = params.get('tenantId');
        return json(
          200,
          control.har({ origin: request.origin, ...(tenant === null ? {} : { tenantId: tenant }) }),
        );
      }
      case 'GET /faults':
        return json(200, { faults: control.faults() });
      case 'POST /faults':
        return json(201, control.addFault(body as unknown as FaultPlanInput));
      case 'DELETE /faults':
        control.clearFaults();
        return json(200, { faults: [] });
      case 'GET /retries': {
        const tenant = params.get('tenantId');
        return json(200, { retries: control.retries(tenant ?? undefined) });
      }
      case 'POST /tokens': {
        const token = await control.mintToken(body as unknown as MintTokenRequest);
        return json(201, { token_type: 'Bearer', access_token: token });
      }
      case 'POST /keys/rotate':
        await control.rotateSigningKeys();
        return json(200, { rotated: true });
      default:
        if (first === 'faults' && tenantId !== '' && request.method === 'DELETE' && sub === undefined) {
          if (!control.removeFault(tenantId))
            throw new ControlError(404, 'FaultNotFound', `No fault plan ${tenantId}`);
          return json(200, { faults: control.faults() });
        }
        throw new ControlError(
          404,
          'NotFound',
          `No control route ${request.method} ${request.path}. See the README, "Control API".`,
        );
    }
  } catch (error) {
    if (error instanceof ControlError)
      return json(error.status, { error: { code: error.code, message: error.message } });
    throw error;
  }
}
