/**
 * The contract kit (`mde-sim/contracts`): the provider-state catalogue consumer tests name, verification of
 * pacts against the simulator (and, guarded, against the real service), and the comparison of pacts with
 * the OpenAPI document.
 *
 * Deliberately not exported: the per-interaction runner and the broker helpers (internal seams; the broker
 * steps are scripts, `node contracts/broker.ts`).
 * @module
 */

export { jsonReport, junitReport, type VerifyRun } from './ci-reports.ts';
export {
  type LiveSettings,
  type LiveVerificationOptions,
  liveSettingsFromEnv,
  verifyLive,
} from './live-verification.ts';
export {
  consumerName,
  listPactFiles,
  type PactFile,
  type PactInteraction,
  pactsDir,
  providerName,
  readPact,
} from './pact-files.ts';
export type { Mismatch } from './pact-mismatches.ts';
export { PactRecordError, registerPactCommand } from './pact-recorder.ts';
export {
  allProviderStates,
  type CallerKind,
  describeCatalogue,
  type InjectedValues,
  type LiveStateContext,
  type LiveSupport,
  type ProviderState,
  providerStates,
  type ResolvedState,
  resolveState,
  type SimulatorStateContext,
  type StateParams,
  stateName,
} from './provider-states.ts';
export {
  failsRun,
  formatReport,
  type InteractionResult,
  type ReportSummary,
  summarize,
} from './report.ts';
export {
  findUnknownStates,
  type SimulatorVerificationOptions,
  type UnknownState,
  verifyAgainstSimulator,
} from './simulator-verification.ts';
export { compareWithSpec, formatFindings, type SpecFinding, specWithPathAliases } from './spec-comparison.ts';
export {
  defaultPublicOrigin,
  registerVerifyCommand,
  type VerifyCommandIo,
  VerifyFailedError,
} from './verify-command.ts';
