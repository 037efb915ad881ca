/**
 * The contract kit (`mde-sim/contracts`): the provider-state catalogue that consumer tests name. Verification
 * itself is the `mde-sim verify` command (README, "Contracts").
 *
 * Deliberately not exported: the verification functions, the per-interaction runner, the live-mode and
 * broker helpers and the CLI plumbing. They are the command's inside and may change; the command line is
 * the stable surface.
 * @module
 */

export {
  allProviderStates,
  type CallerKind,
  describeCatalogue,
  type InjectedValues,
  type ProviderState,
  providerStates,
  type StateParams,
  stateName,
} from './provider-states.ts';
