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
import { registerVerifyCommand } from '../../contracts/verify-command.ts';
import { demoTenant } from '../core/demo-tenant.ts';
import type { TenantSeed } from '../core/seed.ts';
import type { SimulatorOptions } from '../core/simulator.ts';
import { registerCaCommand, trustInstructions } from './ca-command.ts';
import { type RunningServer, startServer } from './server.ts';
import { loadOrCreateAppCertificate } from './tls.ts';

/** The config file's shape (`--config`, JSON): every field optional, flags and env override it. */
export interface ConfigFile {
  host?: string;
  port?: number;
  httpsPort?: number | null;
  stateDir?: string;
  /** Path of a JSON file holding an array of tenant seeds (replaces the demo tenant). */
  seedFile?: string;
  clock?: 'running' | 'frozen';
  seed?: number | string;
  duplicatePolicy?: SimulatorOptions['duplicatePolicy'];
  forbiddenWording?: SimulatorOptions['forbiddenWording'];
  rateLimits?: boolean;
  lifecycle?: SimulatorOptions['lifecycle'];
  logLevel?: string;
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
  lines.push(`Control API: ${server.url}/_sim/tenants   Stop: Ctrl+C`, '');
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
    .addOption(
      new Option('--log-level <level>', 'pino log level')
        .choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
        .env('MDE_SIM_LOG_LEVEL'),
    )
    .action(async (flags: Record<string, unknown>) => {
      const config = flags.config ? await readJson<ConfigFile>(String(flags.config), 'config file') : {};
      const pick = <K extends keyof ConfigFile>(flag: string, key: K): ConfigFile[K] =>
        (flags[flag] as ConfigFile[K] | undefined) ?? config[key];
      const stateDir = pick('stateDir', 'stateDir') ?? '.mde-sim';
      const logger = pino({ level: pick('logLevel', 'logLevel') ?? 'info' }, pino.destination(2));
      const seedFile = pick('seedFile', 'seedFile');
      let certificate: { certPath: string; keyPath: string } | undefined;
      let tenants: TenantSeed[];
      if (seedFile) {
        tenants = await readJson<TenantSeed[]>(seedFile, 'seed file');
        if (!Array.isArray(tenants))
          throw new Error(`seed file ${seedFile} must hold a JSON array of tenants`);
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
      };
      const server = await startServer({
        host: pick('host', 'host') ?? '127.0.0.1',
        port: pick('port', 'port') ?? 5080,
        httpsPort,
        stateDir,
        logger,
        simulator: simulatorOptions,
      });
      const ready = {
        url: server.url,
        httpsUrl: server.httpsUrl,
        caCertPath: server.caCertPath,
        controlUrl: `${server.url}/_sim`,
        tenants: server.simulator.control.tenants().map((t) => t.id),
      };
      process.stdout.write(`mde-sim ready ${JSON.stringify(ready)}\n${banner(server, certificate)}\n`);
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
