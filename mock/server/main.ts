/**
 * @module
 * `mde-sim`: the simulator's command line. `mde-sim serve` starts the server with the demo tenant and
 * prints one machine-readable line, `mde-sim ready {json}`, once it listens, then a human tour;
 * `mde-sim ca` shows the CA and how to trust it; `mde-sim verify` checks pacts. The bin (`cli.ts`, a
 * Node-version guard) and the standalone executable (`exe/entry.ts`) call {@link main} / {@link createProgram}.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { registerPactCommand } from '../../contracts/pact-recorder.ts';
import { registerVerifyCommand } from '../../contracts/verify-command.ts';
import { validateTenantSeed } from '../core/control-api.ts';
import { ControlInputError, type ControlSchemas, checkControlInput } from '../core/control-schemas.ts';
import { demoTenant } from '../core/demo-tenant.ts';
import type { TenantSeed } from '../core/seed.ts';
import type { SimulatorOptions } from '../core/simulator.ts';
import { registerCaCommand, trustInstructions } from './ca-command.ts';
import { isLoopback, type RunningServer, startServer } from './server.ts';
import { loadOrCreateAppCertificate } from './tls.ts';

/** The config file's shape (`--config`, JSON): every field optional, flags and env override it. */
export type ConfigFile = ControlSchemas['ServeConfig'];

function intervalArg(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 10 || ms > 3_600_000)
    throw new InvalidArgumentError('must be an integer number of ms from 10 to 3600000');
  return ms;
}

/** Reads and checks the config file against the `ServeConfig` schema (openapi/mde-sim-control.yaml). */
async function readConfigFile(path: string): Promise<ConfigFile> {
  const value = await readJson<unknown>(path, 'config file');
  try {
    return checkControlInput('ServeConfig', value, 'config');
  } catch (error) {
    if (error instanceof ControlInputError) throw new Error(`config file ${path}: ${error.message}`);
    throw error;
  }
}

/** Reads a seed file: a JSON array of tenant seeds, each checked against the `TenantSeed` schema. */
export async function readSeedFile(path: string): Promise<TenantSeed[]> {
  const value = await readJson<unknown>(path, 'seed file');
  if (!Array.isArray(value)) throw new Error(`seed file ${path}: $ must be a JSON array of tenant seeds`);
  return value.map((entry, index) => {
    try {
      return validateTenantSeed(entry, `$[${index}]`);
    } catch (error) {
      throw new Error(`seed file ${path}: ${(error as Error).message}`);
    }
  });
}

function retentionOf(
  retention: NonNullable<ConfigFile['retention']>,
): NonNullable<SimulatorOptions['retention']> {
  if (typeof retention === 'boolean') return false;
  const DAY_MS = 24 * 60 * 60 * 1000;
  return {
    ...(retention.maxAgeDays === undefined
      ? {}
      : { maxAgeMs: retention.maxAgeDays === null ? null : retention.maxAgeDays * DAY_MS }),
    ...(retention.maxFinalActions === undefined ? {} : { maxFinalActions: retention.maxFinalActions }),
  };
}

/** What a non-loopback bind exposes, said once at start. */
function exposureWarning(host: string, server: RunningServer, generated: boolean): string {
  return [
    '',
    `WARNING: listening on ${host}, beyond this machine. Anyone who can reach these ports can:`,
    '  - call the simulated MDE API and get tokens from its offline Entra ID with the demo credentials;',
    '  - use the control API (demo secrets, token minting, faults, reset) with the control token.',
    generated
      ? `Control token (generated, shown once): ${server.controlToken}`
      : 'Control token: the one you gave (--control-token / MDE_SIM_CONTROL_TOKEN).',
    'Send it as Authorization: Bearer <token> or X-MDE-Sim-Control-Token: <token> on /_sim requests.',
    '',
  ].join('\n');
}

function portArg(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be an integer from 0 to 65535 (0 picks a free port)');
  }
  return port;
}

async function readJson<T>(path: string, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Loads the demo tenant with its app certificate registered (generated once in the state dir). */
async function demoTenantWithCertificate(
  stateDir: string,
): Promise<{ seed: TenantSeed; certPath: string; keyPath: string }> {
  const seed = demoTenant();
  const cert = await loadOrCreateAppCertificate(stateDir, 'soar-playbook');
  const soar = seed.apps[0]!;
  soar.certificatePem = cert.certPem;
  const dir = resolve(stateDir, 'tls', 'apps');
  return {
    seed,
    certPath: resolve(dir, 'soar-playbook.crt'),
    keyPath: resolve(dir, 'soar-playbook.key'),
  };
}

function banner(
  server: RunningServer,
  certificate: { certPath: string; keyPath: string } | undefined,
): string {
  const tenants = server.simulator.control.tenants();
  const lines: string[] = [];
  for (const tenant of tenants) {
    lines.push('', `Tenant ${tenant.displayName}  id ${tenant.id}  (${tenant.domain})`);
    lines.push('  Apps (demo credentials):');
    for (const app of tenant.apps) {
      const secret = app.clientSecret ? `secret ${app.clientSecret}` : 'public client';
      lines.push(
        `    ${app.displayName.padEnd(26)} client id ${app.clientId}  ${secret}  roles [${app.roles.join(', ')}]`,
      );
    }
    if (certificate && tenant.apps[0]?.hasCertificate) {
      lines.push(
        `    certificate of ${tenant.apps[0].displayName}: ${certificate.certPath} (key ${certificate.keyPath})`,
      );
    }
    lines.push('  Users (demo passwords):');
    for (const user of tenant.users) {
      lines.push(
        `    ${user.userPrincipalName.padEnd(44)} ${user.password.padEnd(20)} roles [${user.mdeRoles.join(', ')}] groups [${user.deviceGroups.join(', ')}]`,
      );
    }
    lines.push('  Machines:');
    for (const m of tenant.machines) {
      const state = [
        m.online ? 'online' : 'OFFLINE',
        m.restricted ? 'restricted' : 'unrestricted',
        m.outcome === 'fail' ? 'actions FAIL' : '',
      ];
      lines.push(
        `    ${m.id}  ${String(m.computerDnsName).padEnd(38)} ${String(m.rbacGroupName).padEnd(13)} ${state.filter(Boolean).join(', ')}`,
      );
    }
  }
  const tenant = tenants[0];
  const app = tenant?.apps.find((a) => a.clientSecret && a.roles.includes('Machine.RestrictExecution'));
  const machine = tenant?.machines.find((m) => m.restricted && m.online);
  if (tenant && app && machine) {
    lines.push(
      '',
      'Try it (token from the offline Entra ID, then remove app restriction):',
      `  TOKEN=$(curl -s ${server.url}/${tenant.id}/oauth2/v2.0/token -d grant_type=client_credentials \\`,
      `    -d client_id=${app.clientId} -d 'client_secret=${app.clientSecret}' \\`,
      `    -d scope=https://api.securitycenter.microsoft.com/.default | sed -E 's/.*"access_token":"([^"]*)".*/\\1/')`,
      `  curl -s -X POST ${server.url}/api/machines/${machine.id}/unrestrictCodeExecution \\`,
      `    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
      `    -d '{"Comment":"Machine cleaned and validated"}'`,
    );
  }
  if (server.httpsUrl && server.caCertPath) {
    lines.push(
      '',
      `HTTPS (for msal-node and other Entra ID clients): ${server.httpsUrl}  CA: ${server.caCertPath}`,
      trustInstructions(server.caCertPath).replaceAll('https://127.0.0.1:5443', server.httpsUrl),
    );
  }
  if (server.proxyUrl) {
    lines.push(
      `Proxy for clients that keep Microsoft's host names: HTTPS_PROXY=${server.proxyUrl}  (trust the CA above)`,
    );
  }
  lines.push(`Control API: ${server.url}/_sim/tenants   Stop: Ctrl+C`);
  lines.push(`Live page of the tenant (fleet, actions, quotas, journal): ${server.url}/`, '');
  return lines.join('\n');
}

/**
 * What `serve` uses when neither a flag, its environment variable nor the config file says otherwise. The
 * serve action applies these values; here they are shown in `serve --help` (commander's own defaults would
 * hide the config file's values behind them).
 */
const serveDefaults: Record<string, string> = {
  '--host': '127.0.0.1',
  '--port': '5080',
  '--https-port': '5443',
  '--state-dir': '.mde-sim (relative to the working directory)',
  '--seed-file': 'the demo tenant',
  '--clock': 'running',
  '--duplicate-policy': 'reject',
  '--forbidden-wording': 'current',
  '--persist-interval': '1000',
  '--proxy-port': 'none (proxy mode off)',
  '--log-level': 'info',
};

function describeServeDefaults(program: Command): void {
  const serve = program.commands.find((command) => command.name() === 'serve');
  if (serve === undefined) return;
  for (const option of serve.options) {
    const shown = option.long === undefined ? undefined : serveDefaults[option.long];
    if (shown !== undefined) option.description = `${option.description} (default: ${shown})`;
  }
  serve.addHelpText(
    'after',
    `
Examples:
  mde-sim serve                                 # http://127.0.0.1:5080 and https://127.0.0.1:5443
  mde-sim serve --port 0 --https-port 0         # free ports, read from the "mde-sim ready {json}" line
  mde-sim serve --clock frozen --no-rate-limits # time moves only through POST /_sim/clock; no quotas`,
  );
}

/** Builds the `mde-sim` program (exported so tests can run it in-process). */
export function createProgram(): Command {
  const program = new Command('mde-sim').description(
    'Offline simulator of the Microsoft Defender for Endpoint machine-action API',
  );
  program
    .command('serve')
    .description('Start the simulator (HTTP and HTTPS on 127.0.0.1) with the seeded demo tenant')
    .addOption(new Option('--host <host>', 'interface to listen on').env('MDE_SIM_HOST'))
    .addOption(
      new Option('--port <port>', 'HTTP port, 0 = a free one').argParser(portArg).env('MDE_SIM_PORT'),
    )
    .addOption(
      new Option('--https-port <port>', 'HTTPS port, 0 = a free one')
        .argParser(portArg)
        .env('MDE_SIM_HTTPS_PORT'),
    )
    .option('--no-https', 'serve plain HTTP only')
    .addOption(
      new Option('--state-dir <dir>', 'where the CA, certificates and signing keys are kept').env(
        'MDE_SIM_STATE_DIR',
      ),
    )
    .addOption(new Option('--config <file>', 'JSON config file (see README)').env('MDE_SIM_CONFIG'))
    .addOption(
      new Option('--seed-file <file>', 'JSON array of tenant seeds replacing the demo tenant').env(
        'MDE_SIM_SEED_FILE',
      ),
    )
    .addOption(
      new Option('--clock <mode>', 'running (real time) or frozen (moves only when advanced)')
        .choices(['running', 'frozen'])
        .env('MDE_SIM_CLOCK'),
    )
    .addOption(
      new Option('--duplicate-policy <policy>', 'answer to a duplicate action').choices([
        'reject',
        'return-pending',
      ]),
    )
    .addOption(
      new Option('--forbidden-wording <wording>', 'wording of 403 for missing roles').choices([
        'current',
        'legacy',
      ]),
    )
    .option('--no-rate-limits', 'switch the 100/min, 1500/h quotas off')
    .option(
      '--public-host <name>',
      'another name clients use to reach this server (repeatable): certificate, printed URLs, control API',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--allow-remote', 'allow a non-loopback --host (exposes the API, the token endpoint and /_sim)')
    .addOption(
      new Option(
        '--control-token <token>',
        'token the control API requires (generated and printed when binding beyond loopback)',
      ).env('MDE_SIM_CONTROL_TOKEN'),
    )
    .option(
      '--persist',
      'keep tenants, machines, actions, quotas, faults and the clock in <state-dir>/state.json',
    )
    .addOption(
      new Option('--persist-interval <ms>', 'how often a changed state is saved (with --persist)').argParser(
        intervalArg,
      ),
    )
    .addOption(
      new Option(
        '--proxy-port <port>',
        "proxy mode: an HTTP proxy for clients that keep Microsoft's host names (HTTPS_PROXY), 0 = a free port",
      )
        .argParser(portArg)
        .env('MDE_SIM_PROXY_PORT'),
    )
    .option('--record', 'record traffic (redacted bodies) for `mde-sim pact record` and /_sim/journal/har')
    .addOption(
      new Option(
        '--public-origin <origin>',
        'origin written into @odata.context and other host-bearing values (e.g. https://api.security.microsoft.com)',
      ).env('MDE_SIM_PUBLIC_ORIGIN'),
    )
    .addOption(
      new Option('--log-level <level>', 'pino log level')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
        .env('MDE_SIM_LOG_LEVEL'),
    )
    .action(async (flags: Record<string, unknown>) => {
      const config = flags.config ? await readConfigFile(String(flags.config)) : {};
      const pick = <K extends keyof ConfigFile>(flag: string, key: K): ConfigFile[K] =>
        (flags[flag] as ConfigFile[K] | undefined) ?? config[key];
      const stateDir = pick('stateDir', 'stateDir') ?? '.mde-sim';
      const logger = pino({ level: pick('logLevel', 'logLevel') ?? 'info' }, pino.destination(2));
      const seedFile = pick('seedFile', 'seedFile');
      let certificate: { certPath: string; keyPath: string } | undefined;
      let tenants: TenantSeed[];
      if (seedFile) {
        tenants = await readSeedFile(seedFile);
      } else {
        const demo = await demoTenantWithCertificate(stateDir);
        tenants = [demo.seed];
        certificate = demo;
      }
      // null in the config file switches HTTPS off, as --no-https does.
      const httpsPort =
        flags.https === false
          ? null
          : ((flags.httpsPort as number | undefined) ??
            (config.httpsPort === undefined ? 5443 : config.httpsPort));
      const simulatorOptions: SimulatorOptions = {
        tenants,
        logger,
        clock: { mode: pick('clock', 'clock') ?? 'running' },
        ...(config.seed === undefined ? {} : { seed: config.seed }),
        ...(config.lifecycle === undefined ? {} : { lifecycle: config.lifecycle }),
        duplicatePolicy: pick('duplicatePolicy', 'duplicatePolicy') ?? 'reject',
        forbiddenWording: pick('forbiddenWording', 'forbiddenWording') ?? 'current',
        rateLimits: flags.rateLimits === false ? false : (config.rateLimits ?? true),
        recordTraffic: pick('record', 'record') ?? false,
        ...(pick('publicOrigin', 'publicOrigin') === undefined
          ? {}
          : { publicOrigin: pick('publicOrigin', 'publicOrigin')! }),
        ...(config.retention === undefined ? {} : { retention: retentionOf(config.retention) }),
      };
      const host = pick('host', 'host') ?? '127.0.0.1';
      const publicHosts = [
        ...((flags.publicHost as string[] | undefined) ?? []),
        ...(config.publicHosts ?? []),
      ];
      const persist = flags.persist === true || config.persist === true;
      const persistIntervalMs = (flags.persistInterval as number | undefined) ?? config.persistIntervalMs;
      const controlToken = pick('controlToken', 'controlToken');
      const proxyPort = (flags.proxyPort as number | undefined) ?? config.proxyPort ?? null;
      const server = await startServer({
        host,
        proxyPort,
        port: pick('port', 'port') ?? 5080,
        httpsPort,
        stateDir,
        logger,
        simulator: simulatorOptions,
        allowRemote: flags.allowRemote === true || config.allowRemote === true,
        publicHosts,
        ...(controlToken === undefined ? {} : { controlToken }),
        ...(persist
          ? { persist: persistIntervalMs === undefined ? true : { flushIntervalMs: persistIntervalMs } }
          : {}),
      });
      const ready = {
        url: server.url,
        httpsUrl: server.httpsUrl,
        caCertPath: server.caCertPath,
        controlUrl: `${server.url}/_sim`,
        dashboardUrl: `${server.url}/`,
        ...(server.proxyUrl === null ? {} : { proxyUrl: server.proxyUrl }),
        tenants: server.simulator.control.tenants().map((t) => t.id),
      };
      process.stdout.write(`mde-sim ready ${JSON.stringify(ready)}\n${banner(server, certificate)}\n`);
      if (!isLoopback(host)) {
        // The token is printed once with the banner (stdout), never logged: logs go to stderr.
        process.stdout.write(exposureWarning(host, server, controlToken === undefined));
        logger.warn(
          { host },
          'listening beyond loopback: the MDE API, the token endpoint and the control API (with its token) are reachable from the network',
        );
      }
      if (server.stateFile) {
        process.stderr.write(
          `State ${server.restoredState ? 'restored from' : 'kept in'} ${server.stateFile} (saved at most every ${persistIntervalMs ?? 1000} ms and on exit).\n`,
        );
      }
      logger.info(ready, 'listening');
      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
  // `mde-sim verify <pacts> [--live]`: the contract kit (contracts/), loaded only when it runs.
  registerVerifyCommand(program);
  // `mde-sim pact record`: a pact from the traffic a running simulator recorded.
  registerPactCommand(program);
  registerCaCommand(program);
  describeServeDefaults(program);
  return program;
}

/** Runs `mde-sim` with `argv` (node's full argv) and exits 1 with the message on an error. */
export function main(argv: readonly string[]): Promise<void> {
  // `mde-sim ca | head` closes the pipe early: stop without a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return createProgram()
    .parseAsync([...argv])
    .then(
      () => undefined,
      (error: unknown) => {
        process.stderr.write(`mde-sim: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
}
