/**
 * Optional Pact Broker (or PactFlow) integration, on only when `PACT_BROKER_BASE_URL` is set: publishing
 * the consumer pacts, verifying the pacts the broker holds against the simulator and publishing the
 * results, and the `can-i-deploy` question. Without the variable nothing here touches the network.
 *
 * Run as a script for CI steps:
 *   node contracts/broker.ts publish                 # publish contracts/pacts/*.json
 *   node contracts/broker.ts can-i-deploy --pacticipant mde-sim-client --version <sha> --to-environment production
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { Verifier } from '@pact-foundation/pact';
import type { RunningServer } from '../mock/server/server.ts';
import { listPactFiles, pactsDir, providerName, readPact } from './pact-files.ts';
import { allProviderStates, type CallerKind } from './provider-states.ts';

/** Where the broker is and how to authenticate, read from the environment. */
export interface BrokerSettings {
  /** `PACT_BROKER_BASE_URL`. */
  baseUrl: string;
  /** `PACT_BROKER_TOKEN` (PactFlow), or `PACT_BROKER_USERNAME` + `PACT_BROKER_PASSWORD`. */
  token?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /** `PACT_APP_VERSION`, else the git commit. */
  version: string;
  /** `PACT_BRANCH`, else the git branch. */
  branch: string;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The broker settings, or undefined when `PACT_BROKER_BASE_URL` is not set (the default: offline). */
export function brokerSettingsFromEnv(env: NodeJS.ProcessEnv): BrokerSettings | undefined {
  const baseUrl = env.PACT_BROKER_BASE_URL?.trim();
  if (!baseUrl) return undefined;
  if (!env.PACT_BROKER_TOKEN && !(env.PACT_BROKER_USERNAME && env.PACT_BROKER_PASSWORD)) {
    throw new Error(
      'PACT_BROKER_BASE_URL is set but neither PACT_BROKER_TOKEN nor PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD is.',
    );
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    token: env.PACT_BROKER_TOKEN,
    username: env.PACT_BROKER_USERNAME,
    password: env.PACT_BROKER_PASSWORD,
    version: env.PACT_APP_VERSION ?? git(['rev-parse', 'HEAD']) ?? 'unknown',
    branch: env.PACT_BRANCH ?? git(['rev-parse', '--abbrev-ref', 'HEAD']) ?? 'main',
  };
}

function authHeader(settings: BrokerSettings): string {
  if (settings.token) return `Bearer ${settings.token}`;
  return `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
}

/** Publishes pact files through the broker's `POST /contracts/publish` (what `pact-broker publish` does). */
export async function publishPacts(settings: BrokerSettings, files?: readonly string[]): Promise<void> {
  const paths = files ?? (await listPactFiles([pactsDir]));
  const pacts = await Promise.all(paths.map(async (path) => ({ path, loaded: await readPact(path) })));
  const consumers = new Set(pacts.map((p) => p.loaded.pact.consumer.name));
  for (const consumer of consumers) {
    const mine = pacts.filter((p) => p.loaded.pact.consumer.name === consumer);
    const body = {
      pacticipantName: consumer,
      pacticipantVersionNumber: settings.version,
      branch: settings.branch,
      contracts: await Promise.all(
        mine.map(async (p) => ({
          consumerName: consumer,
          providerName: p.loaded.pact.provider.name,
          specification: 'pact',
          contentType: 'application/json',
          content: (await readFile(p.path)).toString('base64'),
        })),
      ),
    };
    const response = await fetch(`${settings.baseUrl}/contracts/publish`, {
      method: 'POST',
      headers: {
        authorization: authHeader(settings),
        'content-type': 'application/json',
        accept: 'application/hal+json',
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `Failed to publish ${mine.map((p) => basename(p.path)).join(', ')}: the broker answered HTTP ${response.status} ${await response.text()}`,
      );
    }
  }
}

/**
 * Verifies the pacts the broker holds for the provider (main branch, matching branch, deployed or released)
 * against the simulator, and publishes the verification results under `settings.version`.
 * State handlers are keyed by the catalogue's template names.
 */
export async function verifyFromBroker(settings: BrokerSettings, server: RunningServer): Promise<void> {
  const { control } = server.simulator;
  const tenantId = control.tenants()[0]!.id;
  const apps = control.tenant(tenantId).apps;
  const appWith = (restrict: boolean) =>
    apps.find(
      (a) =>
        a.roles.includes('Machine.Read.All') && a.roles.includes('Machine.RestrictExecution') === restrict,
    )!.clientId;
  let caller: CallerKind = 'remediation-app';
  const context = {
    tenantId,
    get caller() {
      return caller;
    },
    operations: server.simulator.operations,
    async callApi(method: 'GET' | 'POST', path: string, body?: unknown) {
      const token = await control.mintToken({
        tenantId,
        clientId: appWith(caller !== 'app-without-restrict-role'),
      });
      const response = await server.simulator.handle({
        method,
        origin: server.url,
        path,
        query: '',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: JSON.parse(response.body || '{}') as Record<string, unknown> };
    },
  };
  const stateHandlers = Object.fromEntries(
    allProviderStates.map((entry) => [
      entry.name,
      async (params?: unknown) => {
        if (entry.caller) caller = entry.caller;
        return (await entry.setUp(control, (params ?? {}) as Record<string, string>, context)) ?? {};
      },
    ]),
  );
  await new Verifier({
    provider: providerName,
    providerBaseUrl: server.url,
    pactBrokerUrl: settings.baseUrl,
    ...(settings.token ? { pactBrokerToken: settings.token } : {}),
    ...(settings.username
      ? { pactBrokerUsername: settings.username, pactBrokerPassword: settings.password ?? '' }
      : {}),
    consumerVersionSelectors: [{ mainBranch: true }, { matchingBranch: true }, { deployedOrReleased: true }],
    enablePending: true,
    publishVerificationResult: true,
    providerVersion: settings.version,
    providerVersionBranch: settings.branch,
    stateHandlers,
    beforeEach: async () => {
      caller = 'remediation-app';
      control.reset(tenantId);
      control.setRateLimits(tenantId, { enabled: true, limits: {} });
    },
    requestFilter: (req, _res, next) => {
      if (req.path === '/_pactSetup') return next();
      // A real token replaces a recorded Bearer one only: a request recorded without one goes as it is.
      const recorded = req.headers.authorization;
      if (typeof recorded !== 'string' || !/^Bearer\s+\S/i.test(recorded)) return next();
      const mint =
        caller === 'invalid-token'
          ? control.mintToken({ tenantId, clientId: appWith(true), signWith: 'untrusted' })
          : control.mintToken({ tenantId, clientId: appWith(caller !== 'app-without-restrict-role') });
      mint.then((token) => {
        req.headers.authorization = `Bearer ${token}`;
        next();
      }, next);
    },
  }).verifyProvider();
}

/** Asks the broker whether `pacticipant` at `version` can be deployed to `environment` (`GET /can-i-deploy`). */
export async function canIDeploy(
  settings: BrokerSettings,
  query: { pacticipant: string; version: string; environment: string },
): Promise<{ deployable: boolean; reason: string }> {
  const url = new URL(`${settings.baseUrl}/can-i-deploy`);
  url.searchParams.set('pacticipant', query.pacticipant);
  url.searchParams.set('version', query.version);
  url.searchParams.set('environment', query.environment);
  const response = await fetch(url, {
    headers: { authorization: authHeader(settings), accept: 'application/hal+json' },
  });
  if (!response.ok)
    throw new Error(`can-i-deploy: the broker answered HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { summary?: { deployable?: boolean | null; reason?: string } };
  return { deployable: body.summary?.deployable === true, reason: body.summary?.reason ?? '' };
}

async function main(argv: string[]): Promise<number> {
  const settings = brokerSettingsFromEnv(process.env);
  if (settings === undefined) {
    process.stdout.write(
      'broker step skipped: set PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN (or _USERNAME/_PASSWORD)\n',
    );
    return 0;
  }
  const [command, ...rest] = argv;
  if (command === 'publish') {
    await publishPacts(settings, rest.length > 0 ? await listPactFiles(rest) : undefined);
    process.stdout.write(`published the pacts as version ${settings.version} (branch ${settings.branch})\n`);
    return 0;
  }
  if (command === 'can-i-deploy') {
    const { values } = parseArgs({
      args: rest,
      options: {
        pacticipant: { type: 'string', default: 'mde-sim-client' },
        version: { type: 'string', default: settings.version },
        'to-environment': { type: 'string', default: 'production' },
      },
    });
    const answer = await canIDeploy(settings, {
      pacticipant: values.pacticipant,
      version: values.version,
      environment: values['to-environment'],
    });
    process.stdout.write(
      `${answer.deployable ? 'Computer says yes \\o/' : 'Computer says no ¯\\_(ツ)_/¯'}\n${answer.reason}\n`,
    );
    return answer.deployable ? 0 : 1;
  }
  process.stderr.write(
    'usage: node contracts/broker.ts publish [pact files…] | can-i-deploy [--pacticipant p] [--version v] [--to-environment e]\n',
  );
  return 2;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
