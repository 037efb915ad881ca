/**
 * The Defender for Endpoint machine-action client: one method per API operation, plus waiting for an action
 * to reach a final status. Transport, authentication and retries live in the request pipeline.
 * @module
 */
import { setTimeout as sleepTimer } from 'node:timers/promises';
import type {
  Machine,
  MachineAction,
  MachineActionCollection,
  MachineActionStatus,
  MachineActionType,
} from '../openapi/index.ts';
import { AbortError, ActionAlreadyInProgressError, WaitTimeoutError } from './errors.ts';
import { defaultUserAgent, HttpTransport } from './http-transport.ts';
import { machineActionsQuery } from './odata-query.ts';
import { resolveEndpoint } from './regions.ts';
import { RequestPipeline } from './request-pipeline.ts';
import type { OperationContext } from './response-errors.ts';
import type {
  DefenderClientOptions,
  ListMachineActionsOptions,
  MachineActionOptions,
  OperationOptions,
  SleepFunction,
  WaitForMachineActionOptions,
} from './types.ts';

/** Scope asked of the credential unless `scopes` is given. */
export const defaultScope = 'https://api.securitycenter.microsoft.com/.default';

/** Statuses after which a machine action never changes again. */
export const terminalStatuses: readonly MachineActionStatus[] = [
  'Succeeded',
  'Failed',
  'TimeOut',
  'Cancelled',
];

/** True when the action will not change any more (Succeeded, Failed, TimeOut, Cancelled). */
export function isTerminalStatus(status: MachineActionStatus | string): boolean {
  return (terminalStatuses as readonly string[]).includes(status);
}

const defaultSleep: SleepFunction = async (ms, signal) => {
  await sleepTimer(ms, undefined, signal === undefined ? undefined : { signal });
};

function positiveInteger(value: number | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < min) {
    throw new TypeError(`Invalid option ${name}: ${value} (an integer >= ${min} is expected).`);
  }
  return value;
}

function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`Invalid ${name}: a non-empty string is expected.`);
  }
  return value;
}

const readPermission = 'Machine.Read.All (or Machine.ReadWrite.All)';

/**
 * Client of the Defender for Endpoint machine-action API.
 *
 * @example
 * ```ts
 * const client = new DefenderClient({
 *   credential: new MsalClientCredential({ tenantId, clientId, clientSecret }),
 *   endpoint: 'eu',
 * });
 * const action = await client.unrestrictCodeExecution(machineId, 'Cleaned and validated');
 * const final = await client.waitForMachineAction(action.id);
 * console.log(final.status); // Succeeded, Failed, TimeOut or Cancelled
 * await client.close();
 * ```
 */
export class DefenderClient {
  /** The API base URL the client calls (`<endpoint>/api/...`). */
  readonly baseUrl: URL;
  readonly #transport: HttpTransport;
  readonly #pipeline: RequestPipeline;
  readonly #sleep: SleepFunction;
  readonly #now: () => number;

  /** @throws TypeError naming the option when an option is invalid. */
  constructor(options: DefenderClientOptions) {
    if (typeof options?.credential?.getToken !== 'function') {
      throw new TypeError(
        'Invalid option credential: an object with a getToken(scopes, options) method is expected.',
      );
    }
    this.baseUrl = resolveEndpoint(requiredString(options.endpoint, 'option endpoint'));
    const scopes = options.scopes ?? [defaultScope];
    if (
      !Array.isArray(scopes) ||
      scopes.length === 0 ||
      scopes.some((s) => typeof s !== 'string' || s === '')
    ) {
      throw new TypeError('Invalid option scopes: a non-empty array of scope strings is expected.');
    }
    this.#sleep = options.sleep ?? defaultSleep;
    this.#now = options.now ?? Date.now;
    this.#transport = new HttpTransport({
      baseUrl: this.baseUrl,
      dispatcher: options.dispatcher,
      caPem: options.caPem,
      proxy: options.proxy,
      connectTimeoutMs: positiveInteger(options.connectTimeoutMs, 'connectTimeoutMs', 10_000),
      headersTimeoutMs: positiveInteger(options.headersTimeoutMs, 'headersTimeoutMs', 30_000),
      bodyTimeoutMs: positiveInteger(options.bodyTimeoutMs, 'bodyTimeoutMs', 30_000),
      keepAliveTimeoutMs: positiveInteger(options.keepAliveTimeoutMs, 'keepAliveTimeoutMs', 4_000),
      userAgent: options.userAgent ?? defaultUserAgent,
    });
    this.#pipeline = new RequestPipeline({
      transport: this.#transport,
      credential: options.credential,
      scopes,
      retry: {
        maxAttempts: positiveInteger(options.maxAttempts, 'maxAttempts', 4),
        baseRetryDelayMs: positiveInteger(options.baseRetryDelayMs, 'baseRetryDelayMs', 1_000, 0),
        maxRetryDelayMs: positiveInteger(options.maxRetryDelayMs, 'maxRetryDelayMs', 60_000, 0),
        random: options.random ?? Math.random,
      },
      sleep: this.#sleep,
      now: this.#now,
      onRetry: options.onRetry,
      logger: options.logger,
    });
  }

  /**
   * Removes the app restriction from a machine (`POST /api/machines/{id}/unrestrictCodeExecution`).
   * Needs the application permission `Machine.RestrictExecution`.
   * @param machineId - the 40-hex MDE device id.
   * @param comment - required by the service; shown in the portal's action center.
   * @returns the new action, usually `Pending`; pass its id to {@link DefenderClient.waitForMachineAction}.
   * @throws ActionAlreadyInProgressError when an unrestrict is already pending (unless `resolveInProgress`).
   */
  unrestrictCodeExecution(
    machineId: string,
    comment: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    return this.#machineAction(
      'unrestrictCodeExecution',
      'UnrestrictCodeExecution',
      machineId,
      comment,
      options,
    );
  }

  /**
   * Restricts the machine to Microsoft-signed code (`POST /api/machines/{id}/restrictCodeExecution`).
   * Same contract as {@link DefenderClient.unrestrictCodeExecution}.
   */
  restrictCodeExecution(
    machineId: string,
    comment: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    return this.#machineAction('restrictCodeExecution', 'RestrictCodeExecution', machineId, comment, options);
  }

  async #machineAction(
    pathAction: 'unrestrictCodeExecution' | 'restrictCodeExecution',
    type: MachineActionType,
    machineId: string,
    comment: string,
    options: MachineActionOptions = {},
  ): Promise<MachineAction> {
    requiredString(machineId, 'machineId');
    requiredString(comment, 'comment');
    const verb = pathAction === 'unrestrictCodeExecution' ? 'unrestrict' : 'restrict';
    const send = () =>
      this.#pipeline.send<MachineAction>({
        method: 'POST',
        path: `/machines/${encodeURIComponent(machineId)}/${pathAction}`,
        body: { Comment: comment },
        operation: {
          description: `${verb} code execution on machine ${machineId}`,
          permission: 'Machine.RestrictExecution',
          subject: 'machine',
        },
        signal: options.signal,
      });
    if (options.resolveInProgress !== true) return send();
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ActionAlreadyInProgressError)) throw error;
      const active = await this.#findActiveAction(machineId, type, options.signal);
      if (active !== undefined) return active;
      // The blocking action ended between the two calls: the service will now accept a new one.
      return send();
    }
  }

  async #findActiveAction(
    machineId: string,
    type: MachineActionType,
    signal: AbortSignal | undefined,
  ): Promise<MachineAction | undefined> {
    for (const status of ['Pending', 'InProgress'] as const) {
      const { value } = await this.listMachineActions({ machineId, type, status, signal });
      const newest = [...value].sort((a, b) =>
        (b.creationDateTimeUtc ?? '').localeCompare(a.creationDateTimeUtc ?? ''),
      )[0];
      if (newest !== undefined) return newest;
    }
    return undefined;
  }

  /** Reads one machine action (`GET /api/machineactions/{id}`). Needs `Machine.Read.All` or `Machine.ReadWrite.All`. */
  async getMachineAction(actionId: string, options: OperationOptions = {}): Promise<MachineAction> {
    requiredString(actionId, 'actionId');
    return this.#pipeline.send<MachineAction>({
      method: 'GET',
      path: `/machineactions/${encodeURIComponent(actionId)}`,
      operation: {
        description: `get machine action ${actionId}`,
        permission: readPermission,
        subject: 'machine action',
      },
      signal: options.signal,
    });
  }

  /**
   * Lists machine actions (`GET /api/machineactions`), the filters combined with `and` in an OData `$filter`.
   * @example
   * ```ts
   * const { value } = await client.listMachineActions({ machineId, status: 'Pending', top: 10 });
   * ```
   */
  async listMachineActions(options: ListMachineActionsOptions = {}): Promise<MachineActionCollection> {
    const query = machineActionsQuery(options);
    return this.#pipeline.send<MachineActionCollection>({
      method: 'GET',
      path: `/machineactions${query}`,
      operation: { description: 'list machine actions', permission: readPermission, subject: 'none' },
      signal: options.signal,
    });
  }

  /**
   * Cancels an action that has not reached a final status (`POST /api/machineactions/{id}/cancel`).
   * The service keeps the same action id and answers 200 with the action.
   */
  async cancelMachineAction(
    actionId: string,
    comment: string,
    options: OperationOptions = {},
  ): Promise<MachineAction> {
    requiredString(actionId, 'actionId');
    requiredString(comment, 'comment');
    const operation: OperationContext = {
      description: `cancel machine action ${actionId}`,
      permission: 'the permission of the action being cancelled (e.g. Machine.RestrictExecution)',
      subject: 'machine action',
    };
    return this.#pipeline.send<MachineAction>({
      method: 'POST',
      path: `/machineactions/${encodeURIComponent(actionId)}/cancel`,
      body: { Comment: comment },
      operation,
      signal: options.signal,
    });
  }

  /** Reads a machine by device id or computer name (`GET /api/machines/{id}`). Needs `Machine.Read.All`. */
  async getMachine(idOrName: string, options: OperationOptions = {}): Promise<Machine> {
    requiredString(idOrName, 'idOrName');
    return this.#pipeline.send<Machine>({
      method: 'GET',
      path: `/machines/${encodeURIComponent(idOrName)}`,
      operation: { description: `get machine ${idOrName}`, permission: readPermission, subject: 'machine' },
      signal: options.signal,
    });
  }

  /**
   * Polls an action until it reaches a final status and returns it. It does not throw when the action ended
   * Failed, TimeOut or Cancelled: read `status`.
   * @throws WaitTimeoutError when `timeoutMs` passes first (the action keeps running on the service).
   * @throws AbortError when `signal` aborts.
   */
  async waitForMachineAction(
    actionId: string,
    options: WaitForMachineActionOptions = {},
  ): Promise<MachineAction> {
    requiredString(actionId, 'actionId');
    let intervalMs = positiveInteger(options.pollIntervalMs, 'pollIntervalMs', 5_000, 0);
    const timeoutMs = positiveInteger(options.timeoutMs, 'timeoutMs', 600_000, 0);
    const multiplier = options.backoff?.multiplier ?? 1;
    if (!(multiplier >= 1))
      throw new TypeError(`Invalid option backoff.multiplier: ${multiplier} (>= 1 expected).`);
    const maxIntervalMs = options.backoff?.maxIntervalMs ?? Number.POSITIVE_INFINITY;
    const { signal } = options;
    const description = `wait for machine action ${actionId}`;
    const deadline = this.#now() + timeoutMs;
    let last: MachineAction | undefined;
    for (;;) {
      last = await this.getMachineAction(actionId, { signal });
      options.onPoll?.(last);
      if (isTerminalStatus(last.status)) return last;
      const remainingMs = deadline - this.#now();
      if (remainingMs <= 0) {
        throw new WaitTimeoutError<MachineAction>({
          operation: description,
          reason: `the action is still ${last.status} after ${Math.round(timeoutMs / 1000)} s`,
          hint: 'It keeps running on the service: poll it again later, or raise the timeout',
          action: last,
        });
      }
      try {
        await this.#sleep(Math.min(intervalMs, remainingMs), signal);
      } catch (error) {
        if (signal?.aborted) {
          throw new AbortError({
            operation: description,
            reason: 'the operation was aborted',
            cause: signal.reason,
          });
        }
        throw error;
      }
      intervalMs = Math.min(maxIntervalMs, Math.ceil(intervalMs * multiplier));
    }
  }

  /** Closes the client's connection pool (an injected `dispatcher` is left open). */
  close(): Promise<void> {
    return this.#transport.close();
  }
}
