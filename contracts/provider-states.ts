/**
 * The provider-state catalogue: every state a consumer pact may name, in plain words, listed once and
 * imported by both sides. Consumer tests take the names from here; the simulator verification runs
 * `setUp` against the simulator's typed control surface; the live verification runs `live.setUp` against
 * the real service, only where `live.safe` says it can be done without harm.
 *
 * State names are templates: `machine {machineId} exists and is restricted`. A pact may carry the
 * template with its params (`given(providerStates.machineRestricted.name, { machineId })`, as the kit's own consumer tests write it) or the name filled
 * in (`machine 1e5b… exists and is restricted`); {@link resolveState} understands both.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { NotFoundError } from '../client/errors.ts';
import type { DefenderClient } from '../client/index.ts';
import type { SimulatorControl } from '../mock/core/control-api.ts';
import { providerStateNames } from '../mock/core/provider-state-names.ts';

/** Parameters of a state, by name (`machineId`, `actionId`). */
export type StateParams = Readonly<Record<string, string>>;

/** Values a state hands back to the verifier for `fromProviderState` expressions (`${actionId}`). */
export type InjectedValues = Record<string, string>;

/**
 * Who the verified request is sent as. A `Bearer` Authorization header the pact recorded is replaced by a
 * token for this caller; a request recorded without one (or with another scheme) is sent as recorded:
 * - `remediation-app`: an app holding Machine.RestrictExecution and Machine.Read.All (the default);
 * - `app-without-restrict-role`: an app holding Machine.Read.All only;
 * - `invalid-token`: a token the service must refuse (bad signature).
 */
export type CallerKind = 'remediation-app' | 'app-without-restrict-role' | 'invalid-token';

/** What a state's simulator set-up gets besides the control surface. */
export interface SimulatorStateContext {
  /** The tenant the verification runs in (the demo tenant unless told otherwise). */
  tenantId: string;
  /** The caller the interaction's request will be sent as. */
  caller: CallerKind;
  /** The API operations the simulator routes (`operationId`, `method`, `pathTemplate`). */
  operations: readonly { operationId: string; method: string; pathTemplate: string }[];
  /**
   * Sends an API request to the simulator as `caller`, for set-ups the control surface does not offer
   * (creating an action the way a client does, spending a quota).
   */
  callApi(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** What a state's live set-up gets: the real service, through the project's client. */
export interface LiveStateContext {
  /** Client authenticated as the remediation app (MDE_CLIENT_ID). */
  client: DefenderClient;
  /** The allow-listed machine the live run acts on instead of the pact's example machine. */
  machineId: string;
  /** Whether MDE_LIVE_ALLOW_ACTIONS=1: real restrict/unrestrict/cancel actions may be created. */
  allowActions: boolean;
  /** Registers work to run after the interaction (cancelling an action the set-up created). */
  cleanup(task: () => Promise<void>): void;
}

/** Whether and how a state can be set up against the real service. */
export interface LiveSupport {
  /** True when the live run may set the state up (possibly needing the opt-ins in `requires`). */
  safe: boolean;
  /** Why, in one sentence: shown in the live report when the state is skipped. */
  reason: string;
  /** Opt-ins the live set-up needs: real actions (MDE_LIVE_ALLOW_ACTIONS=1), a client without the role. */
  requires?: readonly ('actions' | 'no-role-client')[];
  /**
   * Sets the state up on the real service. Returns what replaces the pact's values: `machineId` (the
   * machine the request targets) and any injected value (`actionId`).
   */
  setUp?(context: LiveStateContext, params: StateParams): Promise<InjectedValues>;
}

/** One provider state. */
export interface ProviderState {
  /** The state's name as a template: `machine {machineId} exists and is restricted`. */
  name: string;
  /** Its parameters, the `{…}` of the name. */
  params: readonly string[];
  /** What the provider guarantees when the state holds, in plain words. */
  description: string;
  /** Who the request is sent as under this state. @default 'remediation-app' */
  caller?: CallerKind;
  /** Makes the state hold in the simulator; returns injected values (`actionId`) if any. */
  setUp(
    control: SimulatorControl,
    params: StateParams,
    context: SimulatorStateContext,
  ): Promise<InjectedValues | undefined>;
  /** Undoes what a tenant reset does not (quotas). The verifier resets the tenant after every interaction. */
  tearDown?(control: SimulatorControl, params: StateParams, context: SimulatorStateContext): Promise<void>;
  live: LiveSupport;
}

const MACHINE_ID = /^[0-9a-f]{40}$/i;

function param(params: StateParams, name: string, state: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`Provider state "${state}" needs the parameter ${name}.`);
  }
  return value;
}

function machineParam(params: StateParams, state: string): string {
  const machineId = param(params, 'machineId', state);
  if (!MACHINE_ID.test(machineId)) {
    throw new Error(
      `Provider state "${state}": machineId ${machineId} is not a device id (40 hexadecimal characters).`,
    );
  }
  return machineId.toLowerCase();
}

/** Makes `machineId` an online, restricted machine of the tenant, adding it when the seed lacks it. */
function ensureRestrictedMachine(control: SimulatorControl, tenantId: string, machineId: string): void {
  const exists = control.tenant(tenantId).machines.some((m) => m.id === machineId);
  if (exists) {
    control.setMachine(tenantId, machineId, { online: true, outcome: 'succeed', restricted: true });
  } else {
    control.addMachine(tenantId, {
      id: machineId,
      computerDnsName: `contract-${machineId.slice(0, 8)}.contoso-demo.local`,
      osPlatform: 'Windows11',
      sim: { online: true, outcome: 'succeed', restricted: true },
    });
  }
}

async function createUnrestrict(context: SimulatorStateContext, machineId: string): Promise<string> {
  const answer = await context.callApi('POST', `/api/machines/${machineId}/unrestrictCodeExecution`, {
    Comment: 'Set up by the contract verification',
  });
  const id = answer.body.id;
  if (answer.status !== 201 || typeof id !== 'string') {
    throw new Error(`Creating an UnrestrictCodeExecution action answered HTTP ${answer.status}.`);
  }
  return id;
}

/** Live: cancels the pending or in-progress unrestricts on the machine, so a new one is accepted. */
async function clearPendingUnrestricts(context: LiveStateContext): Promise<void> {
  for (const status of ['Pending', 'InProgress'] as const) {
    const { value } = await context.client.listMachineActions({
      machineId: context.machineId,
      type: 'UnrestrictCodeExecution',
      status,
    });
    for (const action of value) {
      if (!context.allowActions) {
        throw new Error(
          `an UnrestrictCodeExecution action (${action.id}) is ${status} on ${context.machineId}; wait for it or set MDE_LIVE_ALLOW_ACTIONS=1 to cancel it`,
        );
      }
      await context.client.cancelMachineAction(action.id, 'Cancelled by the mde-sim live contract run');
    }
  }
}

async function cancelQuietly(client: DefenderClient, actionId: string): Promise<void> {
  try {
    await client.cancelMachineAction(actionId, 'Cancelled by the mde-sim live contract run');
  } catch {
    // Already final (Succeeded, Cancelled…): nothing to undo.
  }
}

function randomMachineId(): string {
  return randomBytes(20).toString('hex');
}

/** The catalogue. Every name a consumer may use with `given`. */
export const providerStates = {
  machineRestricted: {
    name: providerStateNames.machineRestricted,
    params: ['machineId'],
    description:
      'The machine is onboarded, online and restricted to Microsoft-signed code, and no action is pending on it: an unrestrict is accepted (201).',
    async setUp(control, params, context) {
      ensureRestrictedMachine(control, context.tenantId, machineParam(params, this.name));
      return undefined;
    },
    live: {
      safe: true,
      reason:
        'runs on the allow-listed machine, which must exist; its restriction is not changed first, and pending unrestricts on it are cancelled only with MDE_LIVE_ALLOW_ACTIONS=1',
      async setUp(context) {
        await context.client.getMachine(context.machineId);
        await clearPendingUnrestricts(context);
        return { machineId: context.machineId };
      },
    },
  },
  unrestrictPending: {
    name: providerStateNames.unrestrictPending,
    params: ['machineId'],
    description:
      'The machine exists and an UnrestrictCodeExecution action on it is Pending: a second unrestrict is refused with 400 ActiveRequestAlreadyExists. Injects `actionId`, the pending action.',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      ensureRestrictedMachine(control, context.tenantId, machineId);
      // An offline machine never picks the action up, so it stays Pending whatever the clock does.
      control.setMachine(context.tenantId, machineId, { online: false });
      return { actionId: await createUnrestrict(context, machineId) };
    },
    live: {
      safe: true,
      requires: ['actions'],
      reason:
        'needs a real unrestrict on the allow-listed machine (MDE_LIVE_ALLOW_ACTIONS=1); the action is cancelled afterwards',
      async setUp(context) {
        const action = await context.client.unrestrictCodeExecution(
          context.machineId,
          'Contract verification by mde-sim (cancelled right after)',
          { resolveInProgress: true },
        );
        context.cleanup(() => cancelQuietly(context.client, action.id));
        return { machineId: context.machineId, actionId: action.id };
      },
    },
  },
  machineMissing: {
    name: providerStateNames.machineMissing,
    params: ['machineId'],
    description: 'No machine has that id in the tenant: action calls answer 404 ResourceNotFound.',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      if (control.tenant(context.tenantId).machines.some((m) => m.id === machineId)) {
        throw new Error(
          `Provider state "${this.name}": ${machineId} is a machine of the seeded tenant; pick an id that is not seeded.`,
        );
      }
      return undefined;
    },
    live: {
      safe: true,
      reason: 'a fresh random device id names no machine (checked with a GET first)',
      async setUp(context) {
        const machineId = randomMachineId();
        try {
          await context.client.getMachine(machineId);
        } catch (error) {
          if (error instanceof NotFoundError) return { machineId };
          throw error;
        }
        throw new Error(`the random device id ${machineId} names a machine`);
      },
    },
  },
  callerLacksRole: {
    name: providerStateNames.callerLacksRole,
    params: [],
    caller: 'app-without-restrict-role',
    description:
      'The request comes with a valid app token whose roles do not include Machine.RestrictExecution (it has Machine.Read.All): action calls answer 403 Forbidden.',
    async setUp() {
      return undefined;
    },
    live: {
      safe: true,
      requires: ['no-role-client'],
      reason:
        'needs a second app registration without Machine.RestrictExecution (MDE_LIVE_NO_ROLE_CLIENT_ID and MDE_LIVE_NO_ROLE_CLIENT_SECRET)',
    },
  },
  callerTokenInvalid: {
    name: providerStateNames.callerTokenInvalid,
    params: [],
    caller: 'invalid-token',
    description:
      'The bearer token is not one the service accepts (bad signature, expired): every call answers 401 Unauthorized.',
    async setUp() {
      return undefined;
    },
    live: {
      safe: true,
      reason: 'the request carries a token with a broken signature, which the service refuses',
    },
  },
  rateLimitExhausted: {
    name: providerStateNames.rateLimitExhausted,
    params: [],
    description:
      "The caller's quota for every operation is used up in the current window: calls answer 429 with Retry-After.",
    async setUp(control, _params, context) {
      const limits = Object.fromEntries(
        context.operations.map((op) => [op.operationId, [{ limit: 1, windowSeconds: 60 }]]),
      );
      control.setRateLimits(context.tenantId, { enabled: true, limits });
      // Spend the one call of each operation (every authenticated call counts, whatever it answers).
      for (const op of context.operations) {
        const path = op.pathTemplate.replace(/\{[^}]+\}/g, '0'.repeat(40));
        const method = op.method.toUpperCase() === 'POST' ? 'POST' : 'GET';
        await context.callApi(method, path, method === 'POST' ? { Comment: 'spend the quota' } : undefined);
      }
      return undefined;
    },
    async tearDown(control, _params, context) {
      control.setRateLimits(context.tenantId, { enabled: true, limits: {} });
    },
    live: {
      safe: false,
      reason:
        "exhausting the real quota means 100 calls a minute against the tenant's shared quota, which would throttle every other integration of that app",
    },
  },
  actionExists: {
    name: providerStateNames.actionExists,
    params: ['actionId'],
    description:
      'A machine action exists; its real id is injected as `actionId` (use fromProviderState in the path).',
    async setUp(control, _params, context) {
      const machineId = control.tenant(context.tenantId).machines.find((m) => m.online)?.id;
      if (machineId === undefined)
        throw new Error('The tenant has no online machine to create an action on.');
      control.setMachine(context.tenantId, machineId, { restricted: true });
      return { actionId: await createUnrestrict(context, machineId) };
    },
    live: {
      safe: true,
      reason: "reads the newest existing action of the allow-listed machine; none exists yet, it's skipped",
      async setUp(context) {
        const { value } = await context.client.listMachineActions({ machineId: context.machineId, top: 1 });
        const action = value[0];
        if (action === undefined) throw new Error(`no machine action exists on ${context.machineId} yet`);
        return { actionId: action.id };
      },
    },
  },
  actionMissing: {
    name: providerStateNames.actionMissing,
    params: ['actionId'],
    description: 'No machine action has that GUID: getMachineAction answers 404 ResourceNotFound.',
    async setUp(control, params, context) {
      const actionId = param(params, 'actionId', this.name);
      if (control.actions(context.tenantId).some((a) => a.id === actionId)) {
        throw new Error(`Provider state "${this.name}": ${actionId} exists in the tenant.`);
      }
      return undefined;
    },
    live: {
      safe: true,
      reason: 'a fresh random GUID names no action',
      async setUp() {
        return { actionId: randomUUID() };
      },
    },
  },
  machineNotIsolated: {
    name: 'machine {machineId} exists and is not isolated',
    params: ['machineId'],
    description:
      'The machine is onboarded and online, not isolated, with no action pending: isolate, scan, collect, quarantine and offboard are accepted (201).',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      ensureRestrictedMachine(control, context.tenantId, machineId);
      control.setMachine(context.tenantId, machineId, { isolation: 'None' });
      return undefined;
    },
    live: {
      safe: false,
      reason:
        'the interactions under this state isolate, scan or offboard a real device, which no contract run should do',
    },
  },
  machineIsolated: {
    name: 'machine {machineId} exists and is isolated',
    params: ['machineId'],
    description:
      'The machine is online and isolated (Full), with no unisolate pending: an unisolate is accepted (201).',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      ensureRestrictedMachine(control, context.tenantId, machineId);
      control.setMachine(context.tenantId, machineId, { isolation: 'Full' });
      return undefined;
    },
    live: { safe: false, reason: 'it needs a real device isolated first' },
  },
  scanPending: {
    name: 'a RunAntiVirusScan action is pending on machine {machineId}',
    params: ['machineId'],
    description:
      'An antivirus scan on the machine is Pending: another scan is refused with 400 ActiveRequestAlreadyExists. Injects `actionId`.',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      ensureRestrictedMachine(control, context.tenantId, machineId);
      control.setMachine(context.tenantId, machineId, { online: false });
      const answer = await context.callApi('POST', `/api/machines/${machineId}/runAntiVirusScan`, {
        Comment: 'Set up by the contract verification',
        ScanType: 'Quick',
      });
      return { actionId: expectCreated(answer, 'RunAntiVirusScan') };
    },
    live: { safe: false, reason: 'it needs a real scan pending on a device' },
  },
  fileSeenOnMachine: {
    name: 'machine {machineId} has seen file {sha1}',
    params: ['machineId', 'sha1'],
    description:
      'The machine exists and has seen the file with that SHA-1: StopAndQuarantineFile is accepted (201).',
    async setUp(control, params, context) {
      const machineId = machineParam(params, this.name);
      const sha1 = param(params, 'sha1', this.name).toLowerCase();
      ensureRestrictedMachine(control, context.tenantId, machineId);
      control.setMachine(context.tenantId, machineId, { files: [sha1] });
      return undefined;
    },
    live: { safe: false, reason: 'quarantining a file on a real device stops a running program' },
  },
  packageCollected: {
    name: 'investigation package collection {actionId} has succeeded',
    params: ['actionId'],
    description:
      'A CollectInvestigationPackage action Succeeded; its real id is injected as `actionId`: getPackageUri answers 200 with a link.',
    async setUp(control, _params, context) {
      const machineId = onlineMachine(control, context.tenantId);
      const answer = await context.callApi('POST', `/api/machines/${machineId}/collectInvestigationPackage`, {
        Comment: 'Set up by the contract verification',
      });
      const actionId = expectCreated(answer, 'CollectInvestigationPackage');
      // Past pickup and execution under any lifecycle setting the kit uses (5 s + 15 s by default).
      control.advanceClock(10 * 60 * 1000);
      return { actionId };
    },
    live: { safe: false, reason: 'a real collection takes minutes and gathers data from a device' },
  },
  packageCollecting: {
    name: 'investigation package collection {actionId} has not finished',
    params: ['actionId'],
    description:
      'A CollectInvestigationPackage action is still Pending (its machine is offline); its id is injected as `actionId`: getPackageUri answers 404.',
    async setUp(control, _params, context) {
      const machineId = onlineMachine(control, context.tenantId);
      control.setMachine(context.tenantId, machineId, { online: false });
      const answer = await context.callApi('POST', `/api/machines/${machineId}/collectInvestigationPackage`, {
        Comment: 'Set up by the contract verification',
      });
      return { actionId: expectCreated(answer, 'CollectInvestigationPackage') };
    },
    live: { safe: false, reason: 'it needs a real collection in progress' },
  },
} as const satisfies Record<string, ProviderState>;

/** An online machine of the tenant (for states that need any machine to act on). */
function onlineMachine(control: SimulatorControl, tenantId: string): string {
  const machineId = control.tenant(tenantId).machines.find((m) => m.online)?.id;
  if (machineId === undefined) throw new Error('The tenant has no online machine to create an action on.');
  return machineId;
}

function expectCreated(answer: { status: number; body: Record<string, unknown> }, type: string): string {
  const id = answer.body.id;
  if (answer.status !== 201 || typeof id !== 'string') {
    throw new Error(`Creating a ${type} action answered HTTP ${answer.status}.`);
  }
  return id;
}

/** Every state of the catalogue. */
export const allProviderStates: readonly ProviderState[] = Object.values(providerStates);

/** Fills a state template: `stateName(providerStates.machineMissing, { machineId })`. */
export function stateName(state: ProviderState, params: StateParams = {}): string {
  return state.name.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/** A state of a pact, resolved against the catalogue. */
export interface ResolvedState {
  /** The state's name as the pact spells it. */
  name: string;
  entry: ProviderState;
  /** Params from the pact, plus those read from a filled-in name. */
  params: StateParams;
}

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\?\{(\w+)\\?\}/g, '(?<$1>\\S+)')}$`);
}

/**
 * Finds the catalogue entry of a pact's provider state, by its template or by its filled-in name.
 * @returns undefined when the catalogue has no such state.
 */
export function resolveState(
  name: string,
  params: Readonly<Record<string, unknown>> = {},
  catalogue: readonly ProviderState[] = allProviderStates,
): ResolvedState | undefined {
  const stringParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') stringParams[key] = String(value);
  }
  for (const entry of catalogue) {
    if (entry.name === name) return { name, entry, params: stringParams };
    const match = templatePattern(entry.name).exec(name);
    if (match) return { name, entry, params: { ...match.groups, ...stringParams } };
  }
  return undefined;
}

/** The caller an interaction's states ask for: the first that is not the default. */
export function callerOf(states: readonly ResolvedState[]): CallerKind {
  return states.find((s) => s.entry.caller !== undefined)?.entry.caller ?? 'remediation-app';
}

/** One line per state, for messages listing what the catalogue supports. */
export function describeCatalogue(catalogue: readonly ProviderState[] = allProviderStates): string {
  return catalogue.map((s) => `  - "${s.name}": ${s.description}`).join('\n');
}
