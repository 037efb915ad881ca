/**
 * @module
 * The API's operations, one function per operationId of the spec. Each runs after routing,
 * authentication, throttling, authorization and validation, against one tenant's state.
 */
import type { MachineActionType } from '../../openapi/index.ts';
import type { ApiOperation } from './api-routes.ts';
import { type Caller, checkDeviceGroup } from './authorization.ts';
import { type MdeErrorName, type MessageArgs, mdeError } from './mde-errors.ts';
import { MAX_TOP, matches, ODataQueryError, parseListQuery } from './odata-query.ts';
import type { StoredAction, TenantState } from './tenant-state.ts';
import { isTerminal } from './tenant-state.ts';
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

/** restrictCodeExecution / unrestrictCodeExecution: create the action, or refuse a duplicate. */
function createCodeExecutionAction(type: MachineActionType): Operation {
  return (ctx) => {
    const machineId = ctx.params.id ?? '';
    const machine = ctx.tenant.machine(machineId);
    if (!machine || machine.entity.id !== machineId.toLowerCase())
      return fail(ctx, 'machineNotFound', machineId);
    const refusal = checkDeviceGroup(ctx.caller, ctx.tenant, ctx.operation.permissions, machine.entity);
    if (refusal !== undefined) return fail(ctx, 'forbiddenBecause', refusal);
    const active = ctx.tenant.activeAction(machine.entity.id, type);
    if (active) {
      if (ctx.duplicatePolicy === 'return-pending') return ok(201, actionEntity(ctx, active));
      return fail(ctx, 'actionInProgress');
    }
    const comment = ctx.body?.Comment as string;
    const action = ctx.tenant.createAction(
      { type, machine, requestor: ctx.caller.requestor, requestorComment: comment },
      ctx.newActionId(),
      ctx.now,
      ctx.lastUpdateDelayMs(),
    );
    return ok(201, actionEntity(ctx, action));
  };
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

const listMachineActions: Operation = (ctx) => {
  let query: ReturnType<typeof parseListQuery>;
  try {
    query = parseListQuery(new URLSearchParams(ctx.query), ctx.operation.filterCapabilities);
  } catch (error) {
    if (error instanceof ODataQueryError) return fail(ctx, 'odataError', error.message);
    throw error;
  }
  // A machineId equality narrows the scan to that machine's index.
  const byMachine = query.clauses.find((clause) => clause.field === 'machineId' && clause.op === 'eq');
  const source = byMachine ? ctx.tenant.actionsOn(String(byMachine.value)) : ctx.tenant.allActions();
  const selected: StoredAction[] = [];
  for (const action of source) if (matches(action, query.clauses)) selected.push(action);
  // Default order, newest first (inferred, see the spec's x-fidelity-reason); indexes hold oldest first.
  selected.reverse();
  if (query.orderBy) {
    const { field, descending } = query.orderBy;
    const key = (action: StoredAction) => String((action as Record<string, unknown>)[field] ?? '');
    selected.sort((a, b) => (descending ? -1 : 1) * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  const page = selected.slice(query.skip, query.skip + Math.min(query.top, MAX_TOP));
  const body: Record<string, unknown> = query.count
    ? { '@odata.count': selected.length, value: page }
    : { value: page };
  return ok(200, withContext(`${ctx.origin}/api/$metadata#MachineActions`, body));
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
  unrestrictCodeExecution: createCodeExecutionAction('UnrestrictCodeExecution'),
  restrictCodeExecution: createCodeExecutionAction('RestrictCodeExecution'),
  getMachineAction,
  listMachineActions,
  cancelMachineAction,
  getMachine,
};

/** The machine an operation call targets, for fault matching (actions: the action's machine). */
export function targetMachineId(
  operationId: string,
  params: Record<string, string>,
  tenant: TenantState,
): string | undefined {
  const id = params.id;
  if (id === undefined) return undefined;
  if (operationId === 'getMachineAction' || operationId === 'cancelMachineAction') {
    return GUID.test(id) ? (tenant.action(id)?.machineId ?? undefined) : undefined;
  }
  return tenant.machine(id)?.entity.id ?? id;
}
