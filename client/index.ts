/**
 * Client for the Microsoft Defender for Endpoint machine-action API (`mde-sim/client`): typed operations,
 * token credentials, retries that are safe for actions, and one error class per outcome.
 *
 * Deliberately not exported: the request pipeline, transport and retry decision functions (internal seams that
 * may change; configure them through {@link DefenderClientOptions}), and the CLI (run `mde` or import
 * `client/main.ts`).
 * @module
 */

export type {
  IsolationType,
  Machine,
  MachineAction,
  MachineActionCollection,
  MachineActionStatus,
  MachineActionType,
  MachineCollection,
  ScanType,
} from '../openapi/index.ts';
export { DefenderClient, defaultScope, isTerminalStatus, terminalStatuses } from './defender-client.ts';
export {
  AbortError,
  ActionAlreadyInProgressError,
  AuthenticationError,
  BadRequestError,
  DefenderApiError,
  type DefenderErrorCode,
  ErrorCodes,
  ForbiddenError,
  isDefenderApiError,
  NetworkError,
  NotFoundError,
  PackageDownloadError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedResponseError,
  WaitTimeoutError,
} from './errors.ts';
export { defaultUserAgent } from './http-transport.ts';
export {
  type MsalClientCertificateOptions,
  MsalClientCredential,
  type MsalClientSecretOptions,
  type MsalCredentialSettings,
  parseCertificatePem,
  UndiciNetworkClient,
} from './msal-credential.ts';
export { type Region, regions, resolveEndpoint } from './regions.ts';
export { StaticTokenCredential } from './static-token-credential.ts';
export type {
  AccessToken,
  AntivirusScanOptions,
  ClientLogger,
  ClientProxy,
  DefenderClientOptions,
  GetTokenOptions,
  InvestigationPackage,
  IsolateMachineOptions,
  ListMachineActionsOptions,
  ListMachinesOptions,
  MachineActionOptions,
  OperationOptions,
  RetryInfo,
  RetryReason,
  SleepFunction,
  TokenCredential,
  WaitForMachineActionOptions,
} from './types.ts';
