/**
 * Verifies pacts against the real Defender for Endpoint service, with guardrails: requests only ever
 * target allow-listed machines (the pact's example machine is replaced by one of them), states that
 * cannot be set up safely are skipped with their reason, real actions are created only on opt-in and
 * cancelled afterwards, and the verdict is given per interaction.
 * @module
 */
import { readFile } from 'node:fs/promises';
import {
  DefenderClient,
  type MachineActionType,
  type MsalClientCertificateOptions,
  MsalClientCredential,
  type MsalClientSecretOptions,
  parseCertificatePem,
  resolveEndpoint,
} from '../client/index.ts';
import { createInteractionRunner, type StateHandlers } from './interaction-runner.ts';
import { type PactInteraction, providerName, readPact, statesOf } from './pact-files.ts';
import { allProviderStates, type CallerKind, callerOf, type LiveStateContext } from './provider-states.ts';
import type { InteractionResult } from './report.ts';
import { recordsBearerToken, resolveStates, verdictBeforeSending } from './simulator-verification.ts';

/** Settings of a live run, from the environment (see {@link liveSettingsFromEnv}). */
export interface LiveSettings {
  /** The API base URL (`MDE_BASE_URL`, or the host of `MDE_REGION`). */
  baseUrl: string;
  tenantId: string;
  /** The remediation app: needs Machine.RestrictExecution and Machine.Read.All. */
  credentials: MsalClientSecretOptions | MsalClientCertificateOptions;
  /** `MDE_AUTHORITY_HOST`. @default 'https://login.microsoftonline.com' */
  authorityHost: string;
  /** `MDE_CA_FILE`'s content: extra CA trusted for the API and the authority. */
  caPem?: string | undefined;
  /** `MDE_LIVE_MACHINE_IDS`: the only machines requests may target. */
  machineIds: string[];
  /** `MDE_LIVE_ALLOW_ACTIONS=1`: real restrict/unrestrict/cancel actions may be created. */
  allowActions: boolean;
  /** `MDE_LIVE_NO_ROLE_CLIENT_ID` + `_SECRET`: an app without Machine.RestrictExecution, for 403 states. */
  noRoleCredentials?: MsalClientSecretOptions | undefined;
}

/** The variables a live run needs, for the "skipped" message. */
export const liveRequiredVariables =
  'MDE_TENANT_ID, MDE_CLIENT_ID, MDE_CLIENT_SECRET (or MDE_CLIENT_CERTIFICATE_PATH), MDE_REGION (or MDE_BASE_URL) and MDE_LIVE_MACHINE_IDS';

/**
 * Reads the live settings. `missing` lists what is absent when there are no credentials at all;
 * a partial configuration throws naming the variable.
 */
export async function liveSettingsFromEnv(
  env: NodeJS.ProcessEnv,
): Promise<{ settings: LiveSettings } | { missing: string[] }> {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const tenantId = value('MDE_TENANT_ID');
  const clientId = value('MDE_CLIENT_ID');
  const secret = value('MDE_CLIENT_SECRET');
  const certificatePath = value('MDE_CLIENT_CERTIFICATE_PATH');
  const missing = [
    ...(tenantId ? [] : ['MDE_TENANT_ID']),
    ...(clientId ? [] : ['MDE_CLIENT_ID']),
    ...(secret || certificatePath ? [] : ['MDE_CLIENT_SECRET or MDE_CLIENT_CERTIFICATE_PATH']),
  ];
  if (missing.length > 0 || tenantId === undefined || clientId === undefined) return { missing };

  const base = value('MDE_BASE_URL') ?? value('MDE_REGION');
  if (base === undefined) throw new Error('Live verification needs MDE_REGION (e.g. eu) or MDE_BASE_URL.');
  const baseUrl = resolveEndpoint(base, value('MDE_BASE_URL') ? 'MDE_BASE_URL' : 'MDE_REGION').href.replace(
    /\/$/,
    '',
  );
  const machineIds = (value('MDE_LIVE_MACHINE_IDS') ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  if (machineIds.length === 0) {
    throw new Error(
      'MDE_LIVE_MACHINE_IDS is empty. Name the machine(s) the run may act on (comma-separated device ids).',
    );
  }
  const notIds = machineIds.filter((id) => !/^[0-9a-f]{40}$/.test(id));
  if (notIds.length > 0)
    throw new Error(`MDE_LIVE_MACHINE_IDS: ${notIds.join(', ')} is not a device id (40 hex characters).`);
  const caFile = value('MDE_CA_FILE');
  const credentials: LiveSettings['credentials'] = secret
    ? { tenantId, clientId, clientSecret: secret }
    : { tenantId, clientId, certificate: parseCertificatePem(await readFile(certificatePath!, 'utf8')) };
  const noRoleId = value('MDE_LIVE_NO_ROLE_CLIENT_ID');
  const noRoleSecret = value('MDE_LIVE_NO_ROLE_CLIENT_SECRET');
  return {
    settings: {
      baseUrl,
      tenantId,
      credentials,
      authorityHost: value('MDE_AUTHORITY_HOST') ?? 'https://login.microsoftonline.com',
      caPem: caFile === undefined ? undefined : await readFile(caFile, 'utf8'),
      machineIds,
      allowActions: value('MDE_LIVE_ALLOW_ACTIONS') === '1',
      noRoleCredentials:
        noRoleId && noRoleSecret ? { tenantId, clientId: noRoleId, clientSecret: noRoleSecret } : undefined,
    },
  };
}

const scope = ['https://api.securitycenter.microsoft.com/.default'];

function tokenRoles(token: string): string[] {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      roles?: unknown;
    };
    return Array.isArray(payload.roles) ? payload.roles.map(String) : [];
  } catch {
    return [];
  }
}

/** Machine ids in a request path (`/machines/{id}/…`). */
function machinesInPath(path: string): string[] {
  return [...path.matchAll(/\/machines\/([0-9a-fA-F]{40})(?=\/|$)/g)].map((m) => m[1]!.toLowerCase());
}

/** True when the interaction would create a real action: a POST the pact expects to succeed. */
function createsAction(interaction: PactInteraction): boolean {
  return interaction.request.method.toUpperCase() === 'POST' && interaction.response.status < 300;
}

/** The type of the action an interaction creates, when it creates one. */
function actionTypeOf(interaction: PactInteraction): MachineActionType | undefined {
  if (!createsAction(interaction)) return undefined;
  if (/\/unrestrictCodeExecution$/i.test(interaction.request.path)) return 'UnrestrictCodeExecution';
  if (/\/restrictCodeExecution$/i.test(interaction.request.path)) return 'RestrictCodeExecution';
  return undefined;
}

/** Options of {@link verifyLive}. */
export interface LiveVerificationOptions {
  settings: LiveSettings;
  pactFiles: readonly string[];
  /** The provider name the pacts must name. @default 'defender-for-endpoint-api' */
  provider?: string | undefined;
  /** Where pact's own verifier output goes (`--verbose`); dropped without it. */
  verboseOut?: NodeJS.WritableStream | undefined;
}

/** Runs the guarded live verification; never throws for one interaction, reports it instead. */
export async function verifyLive(options: LiveVerificationOptions): Promise<InteractionResult[]> {
  const { settings } = options;
  const msalSettings = { authorityHost: settings.authorityHost, caPem: settings.caPem };
  const credential = new MsalClientCredential(settings.credentials, msalSettings);
  const noRole =
    settings.noRoleCredentials === undefined
      ? undefined
      : new MsalClientCredential(settings.noRoleCredentials, msalSettings);
  const client = new DefenderClient({
    credential,
    endpoint: settings.baseUrl,
    caPem: settings.caPem,
    maxAttempts: 2,
  });
  const liveMachine = settings.machineIds[0]!;
  const results: InteractionResult[] = [];
  const runner = createInteractionRunner({ verboseOut: options.verboseOut });
  const expectedProvider = options.provider ?? providerName;
  const tokenFor = async (caller: CallerKind): Promise<string> => {
    if (caller === 'app-without-restrict-role') {
      const token = (await noRole!.getToken(scope))?.token ?? '';
      if (tokenRoles(token).includes('Machine.RestrictExecution')) {
        throw new Error(
          'the no-role client holds Machine.RestrictExecution: refusing to use it for a 403 state',
        );
      }
      return token;
    }
    const token = (await credential.getToken(scope))?.token ?? '';
    // A broken signature: well-formed, from the right issuer, refused by any service that checks.
    return caller === 'invalid-token' ? `${token.slice(0, token.lastIndexOf('.') + 1)}AAAA` : token;
  };

  try {
    for (const file of options.pactFiles) {
      const { pact } = await readPact(file);
      for (const interaction of pact.interactions) {
        const base = {
          pactFile: file,
          consumer: pact.consumer.name,
          description: interaction.description,
          states: statesOf(interaction).map((s) => s.name),
          ...(interaction.pending === true ? { pending: true } : {}),
        };
        const skip = (reason: string) => results.push({ ...base, outcome: 'skipped', reason });
        const early = verdictBeforeSending(pact, interaction, expectedProvider, allProviderStates);
        if (early !== undefined) {
          results.push({ ...base, ...early });
          continue;
        }
        const { resolved } = resolveStates(interaction, allProviderStates);
        const unsafe = resolved.find((s) => !s.entry.live.safe);
        if (unsafe) {
          skip(`state "${unsafe.entry.name}" is not set up live: ${unsafe.entry.live.reason}`);
          continue;
        }
        const needsActions = resolved.find((s) => s.entry.live.requires?.includes('actions'));
        if (needsActions && !settings.allowActions) {
          skip(`state "${needsActions.entry.name}" ${needsActions.entry.live.reason}`);
          continue;
        }
        const needsNoRole = resolved.find((s) => s.entry.live.requires?.includes('no-role-client'));
        if (needsNoRole && noRole === undefined) {
          skip(`state "${needsNoRole.entry.name}" ${needsNoRole.entry.live.reason}`);
          continue;
        }
        if (createsAction(interaction) && !settings.allowActions) {
          skip(
            'it creates a real machine action: set MDE_LIVE_ALLOW_ACTIONS=1 to allow it on the allow-listed machine',
          );
          continue;
        }
        const substituted = new Set(
          resolved.flatMap((s) => (s.params.machineId ? [s.params.machineId] : [])),
        );
        const stray = machinesInPath(interaction.request.path).filter(
          (id) => !settings.machineIds.includes(id) && !substituted.has(id),
        );
        if (stray.length > 0) {
          skip(
            `it targets machine ${stray.join(', ')}, which is not in MDE_LIVE_MACHINE_IDS and no state replaces`,
          );
          continue;
        }

        const caller = callerOf(resolved);
        const cleanups: (() => Promise<void>)[] = [];
        const replacements = new Map<string, string>();
        const safeMachines = new Set(settings.machineIds);
        const setupErrors: string[] = [];
        const context: LiveStateContext = {
          client,
          machineId: liveMachine,
          allowActions: settings.allowActions,
          cleanup: (task) => cleanups.push(task),
        };
        const stateHandlers: StateHandlers = {};
        for (const state of resolved) {
          stateHandlers[state.name] = {
            setup: async () => {
              if (state.entry.live.setUp === undefined) return {};
              try {
                const values = await state.entry.live.setUp(context, state.params);
                for (const [key, liveValue] of Object.entries(values)) {
                  const pactValue = state.params[key];
                  if (pactValue !== undefined && pactValue !== liveValue)
                    replacements.set(pactValue, liveValue);
                  if (key === 'machineId') safeMachines.add(liveValue.toLowerCase());
                }
                return values;
              } catch (error) {
                setupErrors.push(`state "${state.entry.name}": ${(error as Error).message}`);
                throw error;
              }
            },
          };
        }
        // A real token replaces a recorded Bearer one only: a request recorded without one goes as it is.
        let token: string | undefined;
        try {
          token = recordsBearerToken(interaction) ? await tokenFor(caller) : undefined;
        } catch (error) {
          results.push({
            ...base,
            outcome: 'failed',
            reason: `no token for the caller: ${(error as Error).message}`,
          });
          continue;
        }
        let refused: string | undefined;
        const startedAt = Date.now();
        const verdict = await runner.run({
          pact,
          interaction,
          providerBaseUrl: settings.baseUrl,
          caPem: settings.caPem,
          stateHandlers,
          rewrite: (request) => {
            let url = request.url;
            for (const [from, to] of replacements) url = url.split(from).join(to);
            const targets = machinesInPath(url.split('?')[0] ?? url);
            const offList = targets.filter((id) => !safeMachines.has(id));
            if (setupErrors.length > 0 || offList.length > 0) {
              // Never let it through: point it at a path the service answers 404 without acting.
              refused =
                setupErrors.length > 0
                  ? 'state set-up failed'
                  : `machine ${offList.join(', ')} is not allow-listed`;
              url = '/api/mde-sim-live-guard-refused';
            }
            request.url = url;
            if (token !== undefined) request.headers.authorization = `Bearer ${token}`;
          },
        });
        for (const task of cleanups) await task().catch(() => undefined);
        const createdType = actionTypeOf(interaction);
        if (createdType !== undefined) await cancelCreatedSince(client, liveMachine, createdType, startedAt);
        if (setupErrors.length > 0) {
          skip(`the state could not be set up live: ${setupErrors.join('; ')}`);
        } else if (refused !== undefined) {
          results.push({ ...base, outcome: 'failed', reason: `refused by the guard: ${refused}` });
        } else if (!verdict.passed) {
          results.push({
            ...base,
            ...(verdict.pending ? { pending: true } : {}),
            outcome: 'failed',
            reason: verdict.error ?? 'the service answered otherwise:',
            mismatches: verdict.mismatches,
          });
        } else {
          results.push({ ...base, outcome: 'verified' });
        }
      }
    }
  } finally {
    await runner.close();
    await client.close();
    await credential.close();
    await noRole?.close();
  }
  return results;
}

/** Cancels the actions the interaction created on the machine, so a live run leaves it as it was. */
async function cancelCreatedSince(
  client: DefenderClient,
  machineId: string,
  type: MachineActionType,
  sinceMs: number,
): Promise<void> {
  // A minute of slack for clock skew between this machine and the service.
  const since = new Date(sinceMs - 60_000);
  for (const status of ['Pending', 'InProgress'] as const) {
    const { value } = await client
      .listMachineActions({ machineId, type, status, createdAfter: since })
      .catch(() => ({ value: [] }));
    for (const action of value) {
      await client
        .cancelMachineAction(action.id, 'Cancelled by the mde-sim live contract run')
        .catch(() => undefined);
    }
  }
}
