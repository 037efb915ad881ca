/**
 * Verifies pacts against a running simulator: each interaction's provider states are set up through the
 * simulator's typed control surface (from the catalogue), its request is sent as the pact recorded it,
 * with a real token from the simulator's issuer in place of a recorded `Bearer` one (a request recorded
 * without a token, or with another scheme, goes as recorded and meets the simulator's 401), and the
 * tenant is reset afterwards. Every interaction of every pact gets a verdict: an unknown state, a pact
 * for another provider or a message interaction is that interaction's verdict, never the run's.
 * @module
 */
import type { RunningServer } from '../mock/server/server.ts';
import { createInteractionRunner, type StateHandlers } from './interaction-runner.ts';
import {
  type LoadedPact,
  type PactInteraction,
  providerName,
  readPact,
  recordedAuthorization,
  statesOf,
  unsupportedReason,
} from './pact-files.ts';
import {
  allProviderStates,
  type CallerKind,
  callerOf,
  type ProviderState,
  type ResolvedState,
  resolveState,
  type SimulatorStateContext,
} from './provider-states.ts';
import type { InteractionResult } from './report.ts';

/** A provider state a pact names that the catalogue does not know. */
export interface UnknownState {
  pactFile: string;
  description: string;
  state: string;
}

/** Options of {@link verifyAgainstSimulator}. */
export interface SimulatorVerificationOptions {
  /** Pact files to verify. */
  pactFiles: readonly string[];
  /** A started simulator (`startServer`), on plain HTTP. */
  server: RunningServer;
  /** The tenant states act on and tokens are minted for. @default the simulator's first tenant */
  tenantId?: string;
  /** The state catalogue. @default the built-in one */
  catalogue?: readonly ProviderState[];
  /** The provider name the pacts must be written against. @default 'defender-for-endpoint-api' */
  provider?: string;
  /** Where pact's own verifier output goes (`--verbose`); dropped without it. */
  verboseOut?: NodeJS.WritableStream | undefined;
}

/** True for the HTTP interactions of a pact (V4 also records messages, which the simulator does not speak). */
export function isHttpInteraction(interaction: PactInteraction): boolean {
  return unsupportedReason(interaction) === undefined;
}

/** True when the pact recorded a bearer token: only then is a real one put in its place. */
export function recordsBearerToken(interaction: PactInteraction): boolean {
  return /^Bearer\s+\S/i.test(recordedAuthorization(interaction) ?? '');
}

/** Resolves an interaction's states; the names the catalogue does not know are returned apart. */
export function resolveStates(
  interaction: PactInteraction,
  catalogue: readonly ProviderState[] = allProviderStates,
): { resolved: ResolvedState[]; unknown: string[] } {
  const resolved: ResolvedState[] = [];
  const unknown: string[] = [];
  for (const state of statesOf(interaction)) {
    const found = resolveState(state.name, state.params ?? {}, catalogue);
    if (found) resolved.push(found);
    else unknown.push(state.name);
  }
  return { resolved, unknown };
}

/** Every provider state of the pacts that the catalogue does not know. */
export function findUnknownStates(
  pacts: readonly LoadedPact[],
  catalogue: readonly ProviderState[] = allProviderStates,
): UnknownState[] {
  return pacts.flatMap(({ path, pact }) =>
    pact.interactions.filter(isHttpInteraction).flatMap((interaction) =>
      resolveStates(interaction, catalogue).unknown.map((state) => ({
        pactFile: path,
        description: interaction.description,
        state,
      })),
    ),
  );
}

/** The verdict of an interaction that was not sent: skipped (message, plugin) or failed before sending. */
export function verdictBeforeSending(
  pact: LoadedPact['pact'],
  interaction: PactInteraction,
  expectedProvider: string,
  catalogue: readonly ProviderState[],
): Pick<InteractionResult, 'outcome' | 'reason'> | undefined {
  const unsupported = unsupportedReason(interaction);
  if (unsupported !== undefined) return { outcome: 'skipped', reason: unsupported };
  if (pact.provider?.name !== expectedProvider) {
    return {
      outcome: 'failed',
      reason: `the pact is for provider "${pact.provider?.name}", not "${expectedProvider}" (pass --provider "${pact.provider?.name}" if it is meant for this service)`,
    };
  }
  const { unknown } = resolveStates(interaction, catalogue);
  if (unknown.length > 0) {
    return {
      outcome: 'failed',
      reason: `unknown provider state "${unknown.join('", "')}" (the supported states are listed below)`,
    };
  }
  return undefined;
}

function appFor(server: RunningServer, tenantId: string, caller: CallerKind): string {
  const apps = server.simulator.control.tenant(tenantId).apps.filter((app) => !app.isPublicClient);
  const wanted =
    caller === 'app-without-restrict-role'
      ? apps.find(
          (app) => !app.roles.includes('Machine.RestrictExecution') && app.roles.includes('Machine.Read.All'),
        )
      : apps.find(
          (app) => app.roles.includes('Machine.RestrictExecution') && app.roles.includes('Machine.Read.All'),
        );
  if (wanted === undefined) {
    throw new Error(`Tenant ${tenantId} has no app registration fit for the caller "${caller}".`);
  }
  return wanted.clientId;
}

/** Mints the token the caller presents: a real one from the simulator's issuer, or one it refuses. */
async function tokenFor(server: RunningServer, tenantId: string, caller: CallerKind): Promise<string> {
  const { control } = server.simulator;
  if (caller === 'invalid-token') {
    return control.mintToken({
      tenantId,
      clientId: appFor(server, tenantId, 'remediation-app'),
      signWith: 'untrusted',
    });
  }
  return control.mintToken({ tenantId, clientId: appFor(server, tenantId, caller) });
}

function stateContext(server: RunningServer, tenantId: string, caller: CallerKind): SimulatorStateContext {
  const { simulator } = server;
  return {
    tenantId,
    caller,
    operations: simulator.operations,
    async callApi(method, path, body) {
      const token = await tokenFor(server, tenantId, caller);
      const response = await simulator.handle({
        method,
        origin: server.url,
        path,
        query: '',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(response.body) as Record<string, unknown>;
      } catch {
        // Not JSON (405, dropped): the status says enough.
      }
      return { status: response.status, body: parsed };
    },
  };
}

/**
 * Verifies every interaction of the pacts against the simulator, one at a time, and gives each a
 * verdict: verified, failed (with its mismatches), failed but pending, or skipped with the reason.
 */
export async function verifyAgainstSimulator(
  options: SimulatorVerificationOptions,
): Promise<InteractionResult[]> {
  const { server } = options;
  const catalogue = options.catalogue ?? allProviderStates;
  const expectedProvider = options.provider ?? providerName;
  const { control } = server.simulator;
  const tenantId = options.tenantId ?? control.tenants()[0]?.id;
  if (tenantId === undefined) throw new Error('The simulator has no tenant to verify against.');
  const results: InteractionResult[] = [];
  const runner = createInteractionRunner({ verboseOut: options.verboseOut });
  try {
    for (const file of options.pactFiles) {
      const { pact } = await readPact(file);
      for (const interaction of pact.interactions) {
        const names = statesOf(interaction).map((s) => s.name);
        const base = {
          pactFile: file,
          consumer: pact.consumer.name,
          description: interaction.description,
          states: names,
          ...(interaction.pending === true ? { pending: true } : {}),
        };
        const early = verdictBeforeSending(pact, interaction, expectedProvider, catalogue);
        if (early !== undefined) {
          results.push({ ...base, ...early });
          continue;
        }
        const { resolved } = resolveStates(interaction, catalogue);
        const caller = callerOf(resolved);
        const context = stateContext(server, tenantId, caller);
        const setupErrors: string[] = [];
        const stateHandlers: StateHandlers = {};
        for (const state of resolved) {
          stateHandlers[state.name] = {
            setup: async (params) => {
              try {
                const merged = { ...state.params, ...stringParams(params) };
                return (await state.entry.setUp(control, merged, context)) ?? {};
              } catch (error) {
                // pact's proxy only logs a failing handler and goes on: keep the reason for the verdict.
                setupErrors.push(`state "${state.name}": ${(error as Error).message}`);
                throw error;
              }
            },
            teardown: async () => {
              await state.entry.tearDown?.(control, state.params, context);
              control.reset(tenantId);
            },
          };
        }
        control.reset(tenantId);
        const token = recordsBearerToken(interaction) ? await tokenFor(server, tenantId, caller) : undefined;
        const verdict = await runner.run({
          pact,
          interaction,
          providerBaseUrl: server.url,
          stateHandlers,
          rewrite: (request) => {
            if (token !== undefined) request.headers.authorization = `Bearer ${token}`;
          },
        });
        control.reset(tenantId);
        const pending = base.pending === true || verdict.pending;
        const withPending = pending ? { ...base, pending: true } : base;
        if (setupErrors.length > 0) {
          results.push({
            ...withPending,
            outcome: 'failed',
            reason: `state set-up failed: ${setupErrors.join('; ')}`,
          });
        } else if (!verdict.passed) {
          results.push({
            ...withPending,
            outcome: 'failed',
            reason: verdict.error ?? 'the simulator answered otherwise:',
            mismatches: verdict.mismatches,
          });
        } else {
          results.push({ ...withPending, outcome: 'verified' });
        }
      }
    }
  } finally {
    await runner.close();
  }
  return results;
}

function stringParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  return out;
}
