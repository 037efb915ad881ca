/**
 * Public option and interface types of the client, in one place beside the entry (`client/index.ts`).
 * Wire types (MachineAction, Machine…) come from the OpenAPI spec, never restated here.
 * @module
 */
import type { Dispatcher } from 'undici';
import type {
  IsolationType,
  MachineAction,
  MachineActionStatus,
  MachineActionType,
  ScanType,
} from '../openapi/index.ts';
import type { DefenderApiError } from './errors.ts';

/** A bearer token and when it expires (milliseconds since the epoch), as @azure/core-auth defines it. */
export interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}

/** Options passed to {@link TokenCredential.getToken}. */
export interface GetTokenOptions {
  /** Aborts the token request. */
  signal?: AbortSignal | undefined;
  /** Skip any cache and fetch a new token (the client asks once after a 401). */
  forceRefresh?: boolean | undefined;
}

/**
 * Source of bearer tokens. Structurally compatible with `@azure/identity` credentials
 * (`ClientSecretCredential`, `DefaultAzureCredential`…) and with {@link MsalClientCredential}.
 */
export interface TokenCredential {
  getToken(scopes: string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/** The subset of a pino logger the client uses. It logs method, path, status and timing; never tokens. */
export interface ClientLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Why the client is about to retry. */
export type RetryReason = 'rate-limited' | 'server-error' | 'network-error' | 'timeout' | 'unauthorized';

/** Passed to `onRetry` before each retry, after the delay has been decided and before it is slept. */
export interface RetryInfo {
  /** The operation being retried, e.g. "get machine action 7e3b…". */
  operation: string;
  method: 'GET' | 'POST';
  /** Path and query of the request. */
  path: string;
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** How long the client will sleep before the next attempt. 0 for the token refresh after a 401. */
  delayMs: number;
  reason: RetryReason;
  /** The failure that caused the retry. */
  error: DefenderApiError;
}

/** Sleeps `ms` milliseconds, rejecting early when `signal` aborts. Injected so tests run on a virtual clock. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options of {@link DefenderClient}. Validated once, in the constructor. */
export interface DefenderClientOptions {
  /** Where tokens come from: {@link MsalClientCredential}, an @azure/identity credential, or your own. */
  credential: TokenCredential;
  /**
   * A region name (`global`, `us`, `eu`, `uk`, `au`, `swa`, `ina`, `gcc`, `gcc-high`, `dod`, `securitycenter`…,
   * see `regions`) or a base URL such as `https://127.0.0.1:8443` (the simulator).
   * The client appends `/api/...`.
   */
  endpoint: string;
  /**
   * Scopes asked of the credential.
   * @default ['https://api.securitycenter.microsoft.com/.default']
   */
  scopes?: string[] | undefined;
  /**
   * Extra CA certificates (PEM) trusted for the API host, e.g. the simulator's CA. Ignored with `dispatcher`.
   */
  caPem?: string | undefined;
  /**
   * An HTTP proxy for the API (CONNECT for https), e.g. `{ url: process.env.HTTPS_PROXY }` or the simulator's
   * proxy mode; hosts matching `noProxy` (NO_PROXY syntax) are called directly. Ignored with `dispatcher`.
   * @default none (direct connections)
   */
  proxy?: ClientProxy | undefined;
  /** Use this undici dispatcher instead of the client's own pool (tests, MSW, proxies). Not closed by `close()`. */
  dispatcher?: Dispatcher | undefined;
  /**
   * TCP+TLS connect timeout.
   * @default 10000
   */
  connectTimeoutMs?: number | undefined;
  /**
   * Time allowed between sending the request and receiving the response headers.
   * @default 30000
   */
  headersTimeoutMs?: number | undefined;
  /**
   * Time allowed between two chunks of the response body.
   * @default 30000
   */
  bodyTimeoutMs?: number | undefined;
  /**
   * How long an idle keep-alive connection stays open.
   * @default 4000
   */
  keepAliveTimeoutMs?: number | undefined;
  /**
   * Total attempts per request, the first included, for 429, 5xx and network failures.
   * (The single retry after a 401 does not count.)
   * @default 4
   */
  maxAttempts?: number | undefined;
  /**
   * First backoff step for 5xx and network retries; attempt n waits random() * min(maxRetryDelayMs, base * 2^(n-1)).
   * @default 1000
   */
  baseRetryDelayMs?: number | undefined;
  /**
   * Longest delay the client will sleep before a retry. A 429 whose Retry-After is longer is not retried:
   * the client throws {@link RateLimitedError} at once with `retryAfterMs` set.
   * @default 60000
   */
  maxRetryDelayMs?: number | undefined;
  /** Called before every retry (observability, tests). Exceptions it throws abort the call. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** A pino logger (or anything with debug/info/warn). Nothing is logged by default. */
  logger?: ClientLogger | undefined;
  /**
   * Sleep used between retries and polls.
   * @default a real timer (node:timers/promises)
   */
  sleep?: SleepFunction | undefined;
  /**
   * Clock in milliseconds since the epoch, used for deadlines and token expiry.
   * @default Date.now
   */
  now?: (() => number) | undefined;
  /**
   * Random source in [0, 1) for backoff jitter.
   * @default Math.random
   */
  random?: (() => number) | undefined;
  /**
   * Overrides the User-Agent product token prefix.
   * @default `mde-sim-client/<version> (+node <version>)`
   */
  userAgent?: string | undefined;
}

/** Options accepted by every operation. */
export interface OperationOptions {
  /** Aborts the call, including retries and sleeps; it then rejects with {@link AbortError}. */
  signal?: AbortSignal | undefined;
}

/** Options of `unrestrictCodeExecution` and `restrictCodeExecution`. */
export interface MachineActionOptions extends OperationOptions {
  /**
   * When the service answers 400 ActiveRequestAlreadyExists, look the pending (then in-progress) action of the
   * same type on the machine up and return it instead of throwing {@link ActionAlreadyInProgressError}.
   * @default false
   */
  resolveInProgress?: boolean | undefined;
}

/** Options of `isolateMachine`. */
export interface IsolateMachineOptions extends MachineActionOptions {
  /** `Full`, `Selective` or `UnManagedDevice`. @default none sent (the service isolates fully; `scope` null) */
  isolationType?: IsolationType | undefined;
}

/** Options of `runAntiVirusScan`. */
export interface AntivirusScanOptions extends MachineActionOptions {
  /** `Quick` or `Full` (required by the service). @default 'Quick' */
  scanType?: ScanType | undefined;
}

/** Filters of `listMachines`, combined with `and` into an OData `$filter`. */
export interface ListMachinesOptions extends OperationOptions {
  /**
   * A raw OData `$filter` (e.g. `healthStatus eq 'Active' and (riskScore eq 'High' or riskScore eq 'Medium')`),
   * combined with the typed filters by `and`. Checked locally with the simulator's grammar: a filter the
   * service would refuse throws a TypeError before any request.
   */
  filter?: string | undefined;
  computerDnsName?: string | undefined;
  healthStatus?: string | undefined;
  onboardingStatus?: string | undefined;
  riskScore?: string | undefined;
  /** `$top`, at most 10000. */
  top?: number | undefined;
  /** `$skip`. */
  skip?: number | undefined;
}

/** What `downloadInvestigationPackage` returns. */
export interface InvestigationPackage {
  /** The short-lived link the package came from (getPackageUri). */
  uri: string;
  /** The zip's bytes. */
  bytes: Uint8Array;
}

/** Filters of `listMachineActions`, combined with `and` into an OData `$filter`. */
export interface ListMachineActionsOptions extends OperationOptions {
  /**
   * A raw OData `$filter` (e.g. XSOAR's `(machineId eq 'a' or machineId eq 'b') and status eq 'Pending'`),
   * combined with the typed filters by `and`; checked locally before any request (TypeError when refused).
   */
  filter?: string | undefined;
  machineId?: string | undefined;
  type?: MachineActionType | undefined;
  status?: MachineActionStatus | undefined;
  requestor?: string | undefined;
  /** Only actions created strictly after this instant (`creationDateTimeUtc gt ...`). */
  createdAfter?: Date | string | undefined;
  /** `$top`, at most 10000. */
  top?: number | undefined;
  /** `$skip`. */
  skip?: number | undefined;
}

/** Options of `waitForMachineAction`. */
export interface WaitForMachineActionOptions extends OperationOptions {
  /**
   * Delay between two polls.
   * @default 5000
   */
  pollIntervalMs?: number | undefined;
  /**
   * Grow the interval after each poll: interval = min(maxIntervalMs, interval * multiplier).
   * @default no backoff
   */
  backoff?: { multiplier: number; maxIntervalMs?: number | undefined } | undefined;
  /**
   * Give up after this long and throw {@link WaitTimeoutError} (the action keeps running on the service).
   * @default 600000 (10 minutes)
   */
  timeoutMs?: number | undefined;
  /** Called with every state seen, the first poll included (progress display). */
  onPoll?: ((action: MachineAction) => void) | undefined;
}

/** An HTTP proxy the client connects through. */
export interface ClientProxy {
  /** `http://host:port` of the proxy. */
  url: string;
  /** Hosts to reach directly, in NO_PROXY syntax (`127.0.0.1,.internal.example`). @default none */
  noProxy?: string | undefined;
}
