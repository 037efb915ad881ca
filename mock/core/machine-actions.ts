/**
 * @module
 * The API's operations, one function per operationId of the spec: every action POST (one factory,
 * {@link createMachineAction}, told apart by type, duplicate rule, scope, body checks), the action reads,
 * cancel, getPackageUri, and the machine reads and lists (one OData list answer for both entity sets).
 * Each runs after routing, authentication, throttling, authorization and validation, against one tenant's
 * state; what an action does to its machine once it Succeeded is the lifecycle's (tenant-state.ts).
 */
import type { MachineActionType } from '../../openapi/index.ts';
import type { ApiOperation } from './api-routes.ts';
import { type Caller, checkDeviceGroup } from './authorization.ts';
import { PACKAGE_LINK_LIFETIME_MS, packageDownloadUrl } from './investigation-package.ts';
import { type MdeErrorName, type MessageArgs, mdeError } from './mde-errors.ts';
import { equalityOn } from './odata-filter.ts';
import { type ListPage, ODataQueryError, parseListQuery, selectPage } from './odata-query.ts';
import type { MachineRecord, NewAction, StoredAction, TenantState } from './tenant-state.ts';
import { isTerminal } from './tenant-state.ts';
import { parseTimestamp } from './timestamps.ts';
import type { SimResponse } from './types.ts';

/** Content type of every MDE success answer (payloads 16, 17). */
export const SUCCESS_CONTENT_TYPE =
  'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';

/** What to answer to a second action of the same type while one is active (mde-api.md §3). */
export type DuplicatePolicy = 'reject' | 'return-pending';

/** Everything an operation may read. */
export interface OperationContext {
  operation: ApiOperation;
  tenant: TenantState;
  caller: Caller;
  params: Record<string, string>;
  query: string;
  body: Record<string, unknown> | undefined;
  origin: string;
  now: number;
  /** A fresh error correlation id (`target`). */
  target: () => string;
  newActionId: () => string;
  /** Random lower-case hex (download tokens). */
  randomHex: (length: number) => string;
  /** Microseconds-scale gap between creation and lastUpdate stamps on a new action (ms). */
  lastUpdateDelayMs: () => number;
  duplicatePolicy: DuplicatePolicy;
}

type Operation = (ctx: OperationContext) => SimResponse;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The pipeline adds `mise-correlation-id` (and HSTS over HTTPS) to every answer, these included.
function ok(status: number, body: string): SimResponse {
  return { status, headers: { 'content-type': SUCCESS_CONTENT_TYPE, 'odata-version': '4.0' }, body };
}

/**
 * `{"@odata.context": ..., ...entity}` serialized without copying the entity into a new object first
 * (the copy was a visible share of each request in the benchmark). Key order is the entity's.
 */
function withContext(context: string, entity: object): string {
  const json = JSON.stringify(entity);
  return `{"@odata.context":${JSON.stringify(context)}${json === '{}' ? '}' : `,${json.slice(1)}`}`;
}

/** An error answer from the table, with a fresh `target`. */
function fail<N extends MdeErrorName>(ctx: OperationContext, name: N, ...args: MessageArgs<N>): SimResponse {
  return mdeError(ctx.target(), name, ...args);
}

function actionEntity(ctx: OperationContext, action: StoredAction): string {
  return withContext(`${ctx.origin}/api/$metadata#MachineActions/$entity`, action);
}

/** What distinguishes one action endpoint from another. */
interface ActionEndpoint {
  type: MachineActionType;
  /**
   * Whether an active action of the same type on the machine refuses a new one (400 ActiveRequestAlreadyExists).
   * Documented for restrict, unrestrict, unisolate, scan and package collection (D2-D4); a user report shows
   * a second isolate accepted while one was pending (I1), so isolate does not conflict.
   */
  conflicts: boolean;
  /** The action's `scope` from the body. */
  scope?: (body: Record<string, unknown>) => string | null;
  /** Endpoint-specific checks of the body against the machine, run before the duplicate check. */
  check?: (ctx: OperationContext, machine: MachineRecord) => SimResponse | undefined;
  /** The file a StopAndQuarantineFile is about. */
  file?: (body: Record<string, unknown>) => string;
}

const SHA1 = /^[0-9a-f]{40}$/i;

/** Every action POST: find the machine, check the caller's device group and the body, refuse a duplicate, create. */
function createMachineAction(endpoint: ActionEndpoint): Operation {
  return (ctx) => {
    const machineId = ctx.params.id ?? '';
    const machine = ctx.tenant.machine(machineId);
    if (!machine || machine.entity.id !== machineId.toLowerCase())
      return fail(ctx, 'machineNotFound', machineId);
    const refusal = checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, machine.entity);
    if (refusal !== undefined) return fail(ctx, 'forbiddenBecause', refusal);
    const problem = endpoint.check?.(ctx, machine);
    if (problem) return problem;
    const body = ctx.body ?? {};
    const file = endpoint.file?.(body);
    if (endpoint.conflicts) {
      const active = ctx.tenant.activeAction(machine.entity.id, endpoint.type, file);
      if (active) {
        if (ctx.duplicatePolicy === 'return-pending') return ok(201, actionEntity(ctx, active));
        return fail(ctx, 'actionInProgress');
      }
    }
    const input: NewAction = {
      type: endpoint.type,
      machine,
      requestor: ctx.caller.requestor,
      requestorComment: body.Comment as string,
      scope: endpoint.scope?.(body) ?? null,
      relatedFileInfo: file === undefined ? null : { fileIdentifier: file, fileIdentifierType: 'Sha1' },
    };
    const action = ctx.tenant.createAction(input, ctx.newActionId(), ctx.now, ctx.lastUpdateDelayMs());
    return ok(201, actionEntity(ctx, action));
  };
}

/** StopAndQuarantineFile: a malformed hash gets payload 12; a hash the device never saw, I9's 404. */
function checkQuarantinedFile(ctx: OperationContext, machine: MachineRecord): SimResponse | undefined {
  const sha1 = String(ctx.body?.Sha1 ?? '');
  if (!SHA1.test(sha1)) return fail(ctx, 'recognitionError');
  const seen = machine.behaviour.files;
  if (seen !== undefined && !seen.some((known) => known.toLowerCase() === sha1.toLowerCase())) {
    return fail(ctx, 'fileNotOnMachine', sha1, machine.entity.id);
  }
  return undefined;
}

function actionById(ctx: OperationContext): StoredAction | SimResponse {
  const id = ctx.params.id ?? '';
  if (!GUID.test(id)) return fail(ctx, 'invalidGuidKey', id);
  return ctx.tenant.action(id) ?? fail(ctx, 'actionNotFound', id);
}

const getMachineAction: Operation = (ctx) => {
  const found = actionById(ctx);
  return 'status' in found && 'headers' in found ? found : ok(200, actionEntity(ctx, found as StoredAction));
};

const cancelMachineAction: Operation = (ctx) => {
  const found = actionById(ctx);
  if ('headers' in found) return found;
  const action = found as StoredAction;
  if (isTerminal(action.status)) return fail(ctx, 'cannotCancel', action.id, action.status);
  const comment = ctx.body?.Comment as string;
  return ok(
    200,
    actionEntity(ctx, ctx.tenant.cancelAction(action.id, ctx.caller.requestor, comment, ctx.now)),
  );
};

/** Runs a list query over entities and answers the OData collection (`@odata.count`, `@odata.nextLink`). */
function listAnswer<T extends object>(
  ctx: OperationContext,
  entitySet: 'MachineActions' | 'Machines',
  source: (query: ReturnType<typeof parseListQuery>) => Iterable<T>,
  defaultOrder: 'reverse' | 'as-is',
): SimResponse {
  const params = new URLSearchParams(ctx.query);
  let query: ReturnType<typeof parseListQuery>;
  try {
    query = parseListQuery(params, ctx.operation.filterCapabilities);
  } catch (error) {
    if (error instanceof ODataQueryError) return fail(ctx, 'odataError', error.message);
    throw error;
  }
  const selected: ListPage<T> = selectPage(source(query), query, params, defaultOrder);
  return collectionAnswer(ctx, entitySet, selected, query.count, ctx.operation.pathTemplate);
}

function collectionAnswer<T>(
  ctx: OperationContext,
  entitySet: 'MachineActions' | 'Machines',
  selected: ListPage<T>,
  withCount: boolean,
  path: string,
): SimResponse {
  const body: Record<string, unknown> = {};
  if (withCount) body['@odata.count'] = selected.matched;
  body.value = selected.page;
  if (selected.nextQuery !== undefined)
    body['@odata.nextLink'] = `${ctx.origin}${path}?${selected.nextQuery}`;
  return ok(200, withContext(`${ctx.origin}/api/$metadata#${entitySet}`, body));
}

// Default order newest first (inferred, see the spec's x-fidelity-reason), read lazily from the indexes'
// newest end. A machineId equality narrows the scan to that machine's index.
const listMachineActions: Operation = (ctx) =>
  listAnswer(
    ctx,
    'MachineActions',
    (query) => {
      const machineId = equalityOn(query.filter, 'machineId');
      return machineId === undefined
        ? ctx.tenant.allActionsNewestFirst()
        : ctx.tenant.actionsOnNewestFirst(machineId);
    },
    'as-is',
  );

/** The machines a caller may see: all for apps, their device groups' for users (D8). */
function* visibleMachines(ctx: OperationContext): IterableIterator<MachineRecord['entity']> {
  for (const record of ctx.tenant.machines()) {
    if (checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, record.entity) === undefined)
      yield record.entity;
  }
}

const listMachines: Operation = (ctx) => {
  // "If there are no recent machines, you see 404 Not Found" (D8): a tenant without any machine.
  if (ctx.tenant.machines().next().done) return fail(ctx, 'noMachines');
  return listAnswer(ctx, 'Machines', () => visibleMachines(ctx), 'as-is');
};

const FIND_BY_IP_WINDOW_MS = 15 * 60 * 1000;
const FIND_BY_IP_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Machines seen with an internal IP within 15 minutes of a time (D9). The simulator keeps no IP history: a
 * machine counts as seen with its current addresses from `firstSeen` to `lastSeen` (to now while online).
 */
const findMachinesByIp: Operation = (ctx) => {
  const ip = (ctx.params.ip ?? '').trim();
  const at = parseTimestamp(ctx.params.timestamp ?? '');
  if (Number.isNaN(at) || at < ctx.now - FIND_BY_IP_MAX_AGE_MS || at > ctx.now + FIND_BY_IP_WINDOW_MS)
    return fail(ctx, 'findByIpTimestamp');
  const found: MachineRecord['entity'][] = [];
  for (const record of ctx.tenant.machines()) {
    const machine = record.entity;
    const hasIp = machine.lastIpAddress === ip || machine.ipAddresses.some((a) => a.ipAddress === ip);
    if (!hasIp) continue;
    const from = parseTimestamp(machine.firstSeen) - FIND_BY_IP_WINDOW_MS;
    const until =
      (record.behaviour.online ? ctx.now : parseTimestamp(machine.lastSeen)) + FIND_BY_IP_WINDOW_MS;
    if (at < from || at > until) continue;
    if (checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, machine) !== undefined) continue;
    found.push(machine);
  }
  return collectionAnswer(
    ctx,
    'Machines',
    { page: found, matched: found.length, nextQuery: undefined },
    false,
    '',
  );
};

/**
 * GET machineactions/{id}/getPackageUri (D5): a link to the package of a collection that Succeeded,
 * valid {@link PACKAGE_LINK_LIFETIME_MS}, on the listener that was called.
 */
const getPackageUri: Operation = (ctx) => {
  const found = actionById(ctx);
  if ('headers' in found) return found;
  const action = found as StoredAction;
  if (action.type !== 'CollectInvestigationPackage') return fail(ctx, 'notAPackageAction');
  const machine = ctx.tenant.machine(action.machineId ?? '');
  if (machine) {
    const refusal = checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, machine.entity);
    if (refusal !== undefined) return fail(ctx, 'forbiddenBecause', refusal);
  }
  if (action.status !== 'Succeeded') return fail(ctx, 'packageNotReady', action.id, action.status);
  const token = ctx.randomHex(64);
  ctx.tenant.addPackageLink({ token, actionId: action.id, expiresAtMs: ctx.now + PACKAGE_LINK_LIFETIME_MS });
  const body = { value: packageDownloadUrl(ctx.origin, token) };
  return ok(200, withContext(`${ctx.origin}/api/$metadata#Edm.String`, body));
};

const getMachine: Operation = (ctx) => {
  const idOrName = ctx.params.id ?? '';
  const machine = ctx.tenant.machine(idOrName);
  if (!machine) return fail(ctx, 'machineNotFound', idOrName);
  const refusal = checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, machine.entity);
  if (refusal !== undefined) return fail(ctx, 'forbiddenBecause', refusal);
  return ok(200, withContext(`${ctx.origin}/api/$metadata#Machines/$entity`, machine.entity));
};

/** The operations by operationId. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  unrestrictCodeExecution: createMachineAction({ type: 'UnrestrictCodeExecution', conflicts: true }),
  restrictCodeExecution: createMachineAction({ type: 'RestrictCodeExecution', conflicts: true }),
  isolateMachine: createMachineAction({
    type: 'Isolate',
    conflicts: false,
    scope: (body) => (typeof body.IsolationType === 'string' ? body.IsolationType : null),
  }),
  unisolateMachine: createMachineAction({ type: 'Unisolate', conflicts: true }),
  runAntiVirusScan: createMachineAction({
    type: 'RunAntiVirusScan',
    conflicts: true,
    scope: (body) => String(body.ScanType),
  }),
  collectInvestigationPackage: createMachineAction({ type: 'CollectInvestigationPackage', conflicts: true }),
  stopAndQuarantineFile: createMachineAction({
    type: 'StopAndQuarantineFile',
    conflicts: true,
    check: checkQuarantinedFile,
    file: (body) => String(body.Sha1).toLowerCase(),
  }),
  offboardMachine: createMachineAction({ type: 'Offboard', conflicts: true }),
  getMachineAction,
  listMachineActions,
  cancelMachineAction,
  getPackageUri,
  getMachine,
  listMachines,
  findMachinesByIp,
};

/** The machine an operation call targets, for fault matching (actions: the action's machine). */
export function targetMachineId(
  operationId: string,
  params: Record<string, string>,
  tenant: TenantState,
): string | undefined {
  const id = params.id;
  if (id === undefined) return undefined;
  if (
    operationId === 'getMachineAction' ||
    operationId === 'cancelMachineAction' ||
    operationId === 'getPackageUri'
  ) {
    return GUID.test(id) ? (tenant.action(id)?.machineId ?? undefined) : undefined;
  }
  return tenant.machine(id)?.entity.id ?? id;
}
