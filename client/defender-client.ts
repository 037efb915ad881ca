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
  MachineCollection,
  PackageUri,
} from '../openapi/index.ts';
import {
  AbortError,
  ActionAlreadyInProgressError,
  PackageDownloadError,
  WaitTimeoutError,
} from './errors.ts';
import { defaultUserAgent, HttpTransport } from './http-transport.ts';
import { machineActionsQuery, machinesQuery } from './odata-query.ts';
import { resolveEndpoint } from './regions.ts';
import { RequestPipeline } from './request-pipeline.ts';
import type { OperationContext } from './response-errors.ts';
import type {
  AntivirusScanOptions,
  DefenderClientOptions,
  InvestigationPackage,
  IsolateMachineOptions,
  ListMachineActionsOptions,
  ListMachinesOptions,
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

/** An action endpoint: path segment, action type, what its errors say, and the permission it needs. */
interface ActionEndpoint {
  path: string;
  type: MachineActionType;
  verb: string;
  permission: string;
}

const ACTIONS = {
  unrestrict: {
    path: 'unrestrictCodeExecution',
    type: 'UnrestrictCodeExecution',
    verb: 'unrestrict code execution on',
    permission: 'Machine.RestrictExecution',
  },
  restrict: {
    path: 'restrictCodeExecution',
    type: 'RestrictCodeExecution',
    verb: 'restrict code execution on',
    permission: 'Machine.RestrictExecution',
  },
  isolate: { path: 'isolate', type: 'Isolate', verb: 'isolate', permission: 'Machine.Isolate' },
  unisolate: {
    path: 'unisolate',
    type: 'Unisolate',
    verb: 'release from isolation',
    permission: 'Machine.Isolate',
  },
  scan: {
    path: 'runAntiVirusScan',
    type: 'RunAntiVirusScan',
    verb: 'run an antivirus scan on',
    permission: 'Machine.Scan',
  },
  collect: {
    path: 'collectInvestigationPackage',
    type: 'CollectInvestigationPackage',
    verb: 'collect an investigation package from',
    permission: 'Machine.CollectForensics',
  },
  quarantine: {
    path: 'StopAndQuarantineFile',
    type: 'StopAndQuarantineFile',
    verb: 'stop and quarantine a file on',
    permission: 'Machine.StopAndQuarantine',
  },
  offboard: { path: 'offboard', type: 'Offboard', verb: 'offboard', permission: 'Machine.Offboard' },
} as const satisfies Record<string, ActionEndpoint>;

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
    return this.#machineAction(ACTIONS.unrestrict, machineId, { Comment: comment }, options);
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
    return this.#machineAction(ACTIONS.restrict, machineId, { Comment: comment }, options);
  }

  /**
   * Isolates a machine from the network (`POST /api/machines/{id}/isolate`); it stays connected to the
   * service. Needs `Machine.Isolate`. The service has no duplicate rule for isolate: a second call creates a
   * second action.
   * @example
   * ```ts
   * const action = await client.isolateMachine(machineId, 'Alert 1234', { isolationType: 'Full' });
   * ```
   */
  isolateMachine(
    machineId: string,
    comment: string,
    options: IsolateMachineOptions = {},
  ): Promise<MachineAction> {
    const body: Record<string, string> = { Comment: comment };
    if (options.isolationType !== undefined) body.IsolationType = options.isolationType;
    return this.#machineAction(ACTIONS.isolate, machineId, body, options);
  }

  /** Releases a machine from isolation (`POST /api/machines/{id}/unisolate`). Needs `Machine.Isolate`. */
  unisolateMachine(
    machineId: string,
    comment: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    return this.#machineAction(ACTIONS.unisolate, machineId, { Comment: comment }, options);
  }

  /**
   * Runs a Microsoft Defender Antivirus scan (`POST /api/machines/{id}/runAntiVirusScan`), `Quick` unless
   * `scanType` says `Full`. Needs `Machine.Scan`.
   */
  runAntiVirusScan(
    machineId: string,
    comment: string,
    options: AntivirusScanOptions = {},
  ): Promise<MachineAction> {
    const scanType = options.scanType ?? 'Quick';
    if (scanType !== 'Quick' && scanType !== 'Full')
      throw new TypeError(`Invalid option scanType: "${String(scanType)}" ('Quick' or 'Full' expected).`);
    return this.#machineAction(ACTIONS.scan, machineId, { Comment: comment, ScanType: scanType }, options);
  }

  /**
   * Collects an investigation package (`POST /api/machines/{id}/collectInvestigationPackage`). Needs
   * `Machine.CollectForensics`. Once the action Succeeded, {@link DefenderClient.downloadInvestigationPackage}.
   */
  collectInvestigationPackage(
    machineId: string,
    comment: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    return this.#machineAction(ACTIONS.collect, machineId, { Comment: comment }, options);
  }

  /**
   * Stops a file and quarantines it (`POST /api/machines/{id}/StopAndQuarantineFile`). Needs
   * `Machine.StopAndQuarantine`.
   * @param sha1 - the SHA-1 of the file, 40 hexadecimal characters.
   */
  stopAndQuarantineFile(
    machineId: string,
    comment: string,
    sha1: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    if (typeof sha1 !== 'string' || !/^[0-9a-f]{40}$/i.test(sha1))
      throw new TypeError(`Invalid sha1: "${String(sha1)}" (40 hexadecimal characters expected).`);
    return this.#machineAction(ACTIONS.quarantine, machineId, { Comment: comment, Sha1: sha1 }, options);
  }

  /** Offboards a machine (`POST /api/machines/{id}/offboard`; answered 201). Needs `Machine.Offboard`. */
  offboardMachine(
    machineId: string,
    comment: string,
    options?: MachineActionOptions,
  ): Promise<MachineAction> {
    return this.#machineAction(ACTIONS.offboard, machineId, { Comment: comment }, options);
  }

  async #machineAction(
    endpoint: ActionEndpoint,
    machineId: string,
    body: Record<string, string>,
    options: MachineActionOptions = {},
  ): Promise<MachineAction> {
    requiredString(machineId, 'machineId');
    requiredString(body.Comment, 'comment');
    const { path: pathAction, type, verb, permission } = endpoint;
    const send = () =>
      this.#pipeline.send<MachineAction>({
        method: 'POST',
        path: `/machines/${encodeURIComponent(machineId)}/${pathAction}`,
        body,
        operation: { description: `${verb} machine ${machineId}`, permission, subject: 'machine' },
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

  /**
   * A short-lived link to the package of a collection that Succeeded
   * (`GET /api/machineactions/{id}/GetPackageUri`). Needs `Machine.Read.All` (apps) and has its own quota,
   * 2 calls a minute: do not poll it, wait for the action first.
   * @throws NotFoundError until the collection succeeded.
   */
  async getPackageUri(actionId: string, options: OperationOptions = {}): Promise<string> {
    requiredString(actionId, 'actionId');
    const answer = await this.#pipeline.send<PackageUri>({
      method: 'GET',
      path: `/machineactions/${encodeURIComponent(actionId)}/getPackageUri`,
      operation: {
        description: `get the package link of machine action ${actionId}`,
        permission: readPermission,
        subject: 'machine action',
      },
      signal: options.signal,
    });
    return answer.value;
  }

  /**
   * Gets a package link ({@link DefenderClient.getPackageUri}) and downloads the zip at once (links expire
   * within minutes). The link is fetched without the API token.
   * @throws PackageDownloadError when the storage refuses the link (expired, gone).
   */
  async downloadInvestigationPackage(
    actionId: string,
    options: OperationOptions = {},
  ): Promise<InvestigationPackage> {
    const uri = await this.getPackageUri(actionId, options);
    return { uri, bytes: await this.downloadPackageUri(uri, options) };
  }

  /**
   * Downloads a package link from {@link DefenderClient.getPackageUri} (without the API token).
   * @throws PackageDownloadError when the storage refuses it: expired (403 `AuthenticationFailed`) or gone.
   */
  async downloadPackageUri(uri: string, options: OperationOptions = {}): Promise<Uint8Array> {
    requiredString(uri, 'uri');
    const operation = 'download an investigation package';
    const answer = await this.#transport.download(uri, operation, options.signal);
    if (answer.status === 200) return answer.bytes;
    const storageCode = answer.headers['x-ms-error-code'];
    throw new PackageDownloadError({
      operation,
      reason: `the package storage answered ${answer.status}${storageCode === undefined ? '' : ` ${storageCode}`}`,
      hint: 'Package links are short-lived: ask for a new one (getPackageUri) and download it at once',
      status: answer.status,
      storageCode,
    });
  }

  /**
   * Lists machines (`GET /api/machines`) with typed filters and/or a raw OData `filter`, checked locally.
   * Needs `Machine.Read.All`.
   * @example
   * ```ts
   * const { value } = await client.listMachines({ filter: "healthStatus eq 'Active' and riskScore eq 'High'" });
   * ```
   */
  async listMachines(options: ListMachinesOptions = {}): Promise<MachineCollection> {
    const query = machinesQuery(options);
    return this.#pipeline.send<MachineCollection>({
      method: 'GET',
      path: `/machines${query}`,
      operation: { description: 'list machines', permission: readPermission, subject: 'none' },
      signal: options.signal,
    });
  }

  /**
   * Machines seen with an internal IP within 15 minutes of a time in the last 30 days
   * (`GET /api/machines/findbyip(ip='…',timestamp=…)`). Needs `Machine.Read.All`.
   */
  async findMachinesByIp(
    ip: string,
    timestamp: Date | string,
    options: OperationOptions = {},
  ): Promise<MachineCollection> {
    requiredString(ip, 'ip');
    const at = timestamp instanceof Date ? timestamp : new Date(timestamp);
    if (Number.isNaN(at.getTime()))
      throw new TypeError(`Invalid timestamp: "${String(timestamp)}" is not a date.`);
    const when = at.toISOString().replace(/\.000Z$/, 'Z');
    return this.#pipeline.send<MachineCollection>({
      method: 'GET',
      path: `/machines/findbyip(ip='${encodeURIComponent(ip)}',timestamp=${when})`,
      operation: { description: `find machines by IP ${ip}`, permission: readPermission, subject: 'none' },
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
