/**
 * @module mde-sim
 * The simulator core: `createSimulator()` answers the MDE machine-action API, the offline Entra ID and
 * the control API from one function. It runs anywhere fetch does (Node, browsers, workers); the
 * standalone server, the express adapter and the MSW handlers are thin layers over it.
 */
export type { ApiOperation, OperationPermissions } from './core/api-routes.ts';
export type { Caller, ForbiddenWording } from './core/authorization.ts';
export { SimulatorClock, type SimulatorClockOptions } from './core/clock.ts';
export type {
  MintTokenRequest,
  RateLimitSetting,
  SimulatorControl,
  TenantSummary,
} from './core/control-api.ts';
export { DEMO_TENANT_ID, demoTenant } from './core/demo-tenant.ts';
export type { FaultEffect, FaultMatch, FaultPlan, FaultPlanInput } from './core/faults.ts';
export type { JournalEntry } from './core/journal.ts';
export type { DuplicatePolicy } from './core/machine-actions.ts';
export type { RateLimitWindow } from './core/rate-limiter.ts';
export type { RetrySummary } from './core/retry-tracker.ts';
export type { MachineBehaviour, MachineSeed, TenantSeed } from './core/seed.ts';
export {
  createSimulator,
  type Simulator,
  type SimulatorLogger,
  type SimulatorOptions,
} from './core/simulator.ts';
export type { LifecycleOptions } from './core/tenant-state.ts';
export { formatTimestamp, parseTimestamp } from './core/timestamps.ts';
export { type HarOptions, harFromJournal } from './core/traffic-har.ts';
export {
  type PactFromTrafficOptions,
  pactFromTraffic,
  type RecordedPact,
  type SkippedCall,
} from './core/traffic-pact.ts';
export type { RecordedExchange, StateFacts } from './core/traffic-recorder.ts';
export type {
  AppRegistration,
  Clock,
  FederatedCredential,
  ManagedIdentity,
  SimRequest,
  SimResponse,
  UserAccount,
} from './core/types.ts';
export { APP_SERVICE_IDENTITY_HEADER } from './identity/managed-identity.ts';
// Deliberately not exported: the pipeline steps, tenant state and limiter. They are the core's inside;
// everything a user needs goes through createSimulator() and its typed control surface.
