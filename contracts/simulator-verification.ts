/**
 * Verifies pacts against a running simulator: each interaction's provider states are set up through the
 * simulator's typed control surface (from the catalogue), its request is sent with a real token from the
 * simulator's issuer for the caller the states name, and the tenant is reset afterwards.
 * @module
 */
import type { RunningServer } from '../mock/server/server.ts';
import { runInteraction, type StateHandlers } from './interaction-runner.ts';
import { type LoadedPact, type PactInteraction, readPact, statesOf } from './pact-files.ts';
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
}

/** True for the HTTP interactions of a pact (V4 also records messages, which the simulator does not speak). */
export function isHttpInteraction(interaction: PactInteraction): boolean {
  return (
    (interaction.type === undefined || interaction.type === 'Synchronous/HTTP') &&
    typeof interaction.request?.method === 'string'
  );
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
 * Verifies every HTTP interaction of the pacts against the simulator, one at a time.
 * Interactions naming a state the catalogue does not know fail with that reason.
 */
export async function verifyAgainstSimulator(
  options: SimulatorVerificationOptions,
): Promise<InteractionResult[]> {
  const { server } = options;
  const catalogue = options.catalogue ?? allProviderStates;
  const { control } = server.simulator;
  const tenantId = options.tenantId ?? control.tenants()[0]?.id;
  if (tenantId === undefined) throw new Error('The simulator has no tenant to verify against.');
  const results: InteractionResult[] = [];
  for (const file of options.pactFiles) {
    const { pact } = await readPact(file);
    for (const interaction of pact.interactions.filter(isHttpInteraction)) {
      const names = statesOf(interaction).map((s) => s.name);
      const base = { pactFile: file, description: interaction.description, states: names };
      const { resolved, unknown } = resolveStates(interaction, catalogue);
      if (unknown.length > 0) {
        results.push({
          ...base,
          outcome: 'failed',
          reason: `unknown provider state "${unknown.join('", "')}"`,
        });
        continue;
      }
      const caller = callerOf(resolved);
      const context = stateContext(server, tenantId, caller);
      const setupErrors: string[] = [];
      const stateHandlers: StateHandlers = {};
      for (const state of resolved) {
        stateHandlers[state.name] = {
          setup: async () => {
            try {
              return (await state.entry.setUp(control, state.params, context)) ?? {};
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
      const token = await tokenFor(server, tenantId, caller);
      const run = await runInteraction({
        pact,
        interaction,
        providerBaseUrl: server.url,
        stateHandlers,
        rewrite: (request) => {
          request.headers.authorization = `Bearer ${token}`;
        },
      });
      control.reset(tenantId);
      if (setupErrors.length > 0) {
        results.push({
          ...base,
          outcome: 'failed',
          reason: `state set-up failed: ${setupErrors.join('; ')}`,
        });
      } else if (!run.ok) {
        results.push({ ...base, outcome: 'failed', reason: run.reason });
      } else {
        results.push({ ...base, outcome: 'verified' });
      }
    }
  }
  return results;
}
