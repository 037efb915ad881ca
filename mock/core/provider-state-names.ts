/**
 * @module
 * The names of the contract kit's provider states, as templates (`machine {machineId} exists and is
 * restricted`). They live in the core because the simulator writes them into pacts it records from real
 * traffic (traffic-pact.ts); the catalogue (contracts/provider-states.ts) takes its names from here and adds
 * what each state means and how it is set up.
 */
export const providerStateNames = {
  machineRestricted: 'machine {machineId} exists and is restricted',
  unrestrictPending: 'an UnrestrictCodeExecution action is pending on machine {machineId}',
  machineMissing: 'machine {machineId} does not exist',
  callerLacksRole: 'the caller lacks Machine.RestrictExecution',
  callerTokenInvalid: 'the caller presents an invalid token',
  rateLimitExhausted: 'the caller has exhausted its rate limit',
  actionExists: 'machine action {actionId} exists',
  actionMissing: 'machine action {actionId} does not exist',
} as const;

/** A state of the catalogue, by key. */
export type ProviderStateKey = keyof typeof providerStateNames;
