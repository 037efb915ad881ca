/**
 * `mde`: the command-line face of the client. The bin (`cli.ts`, a Node-version guard) calls {@link main};
 * from a clone run `npx node client/cli.ts <command>`, in-process call {@link runCli}. Exit codes are listed
 * in `exit-codes.ts`.
 *
 * @example
 * ```sh
 * export MDE_TENANT_ID=… MDE_CLIENT_ID=… MDE_CLIENT_SECRET=…
 * mde unrestrict 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 --comment "Cleaned and validated" --wait
 * mde actions --machine 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 --status Pending --json
 * ```
 * @module
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import type { Dispatcher } from 'undici';
import type { MachineAction, MachineActionStatus, MachineActionType } from '../openapi/index.ts';
import packageJson from '../package.json' with { type: 'json' };
import { count, nonEmpty, positiveSeconds } from './cli-arguments.ts';
import { errorJson, formatAction, formatActionList, formatMachine } from './cli-format.ts';
import { type CliStream, startProgress } from './cli-progress.ts';
import { addResponseCommands } from './cli-response-commands.ts';
import { DefenderClient, defaultScope, isTerminalStatus } from './defender-client.ts';
import { DefenderApiError } from './errors.ts';
import { ExitCodes, exitCodeFor } from './exit-codes.ts';
import { MsalClientCredential, parseCertificatePem } from './msal-credential.ts';
import { isRegion, regions } from './regions.ts';
import { StaticTokenCredential } from './static-token-credential.ts';
import type { ClientProxy, SleepFunction, TokenCredential } from './types.ts';

/** What the CLI reads and writes; everything injectable so it runs in-process in tests. */
export interface CliEnvironment {
  stdout: CliStream;
  stderr: CliStream;
  /** Environment variables (`MDE_TENANT_ID`…); pass `process.env` in a real run. */
  env: Record<string, string | undefined>;
  /** Aborts the running command (the bin wires it to SIGINT). */
  signal?: AbortSignal | undefined;
  /** Test seams, passed to the client. */
  dispatcher?: Dispatcher | undefined;
  sleep?: SleepFunction | undefined;
  now?: (() => number) | undefined;
}

/** A problem with the command line or configuration: exit code 2. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface GlobalOptions {
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  certificate?: string;
  accessToken?: string;
  region?: string;
  baseUrl?: string;
  authorityHost?: string;
  caFile?: string;
  proxy?: string;
  scope?: string;
  json?: boolean;
}

const statuses: MachineActionStatus[] = [
  'Pending',
  'InProgress',
  'Succeeded',
  'Failed',
  'TimeOut',
  'Cancelled',
];
const actionTypes: MachineActionType[] = [
  'RestrictCodeExecution',
  'UnrestrictCodeExecution',
  'Isolate',
  'Unisolate',
  'RunAntiVirusScan',
  'Offboard',
  'CollectInvestigationPackage',
  'StopAndQuarantineFile',
  'LiveResponse',
];

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
}

/** Flags win over environment variables. */
function setting(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  name: string,
): string | undefined {
  const value = flag ?? env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** `--proxy`, else HTTPS_PROXY (either case), with NO_PROXY: as curl and most CLIs read them. */
function proxySetting(
  options: GlobalOptions,
  env: Record<string, string | undefined>,
): ClientProxy | undefined {
  const url =
    options.proxy ?? setting(undefined, env, 'HTTPS_PROXY') ?? setting(undefined, env, 'https_proxy');
  if (url === undefined) return undefined;
  const noProxy = setting(undefined, env, 'NO_PROXY') ?? setting(undefined, env, 'no_proxy');
  return { url, ...(noProxy === undefined ? {} : { noProxy }) };
}

async function createCredential(options: GlobalOptions, io: CliEnvironment, caPem: string | undefined) {
  const { env } = io;
  const accessToken = setting(options.accessToken, env, 'MDE_ACCESS_TOKEN');
  if (accessToken !== undefined) return new StaticTokenCredential(accessToken);
  const tenantId = setting(options.tenant, env, 'MDE_TENANT_ID');
  const clientId = setting(options.clientId, env, 'MDE_CLIENT_ID');
  const clientSecret = setting(options.clientSecret, env, 'MDE_CLIENT_SECRET');
  const certificatePath = setting(options.certificate, env, 'MDE_CLIENT_CERTIFICATE_PATH');
  if (
    tenantId === undefined ||
    clientId === undefined ||
    (clientSecret === undefined && certificatePath === undefined)
  ) {
    throw new UsageError(
      'Missing credentials: set --tenant (MDE_TENANT_ID), --client-id (MDE_CLIENT_ID) and --client-secret ' +
        '(MDE_CLIENT_SECRET) or --certificate (MDE_CLIENT_CERTIFICATE_PATH), or pass --access-token (MDE_ACCESS_TOKEN)',
    );
  }
  if (clientSecret !== undefined && certificatePath !== undefined) {
    throw new UsageError('Give either a client secret or a certificate, not both');
  }
  const settings = {
    authorityHost: setting(options.authorityHost, env, 'MDE_AUTHORITY_HOST'),
    caPem,
    proxy: proxySetting(options, env),
  };
  try {
    if (clientSecret !== undefined)
      return new MsalClientCredential({ tenantId, clientId, clientSecret }, settings);
    const pem = await readText(certificatePath as string, 'certificate file');
    return new MsalClientCredential({ tenantId, clientId, certificate: parseCertificatePem(pem) }, settings);
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

/** Builds the client from flags and environment; the caller closes it. */
async function createClient(options: GlobalOptions, io: CliEnvironment) {
  const { env } = io;
  const baseUrl = setting(options.baseUrl, env, 'MDE_BASE_URL');
  const region = setting(options.region, env, 'MDE_REGION');
  if (options.baseUrl !== undefined && options.region !== undefined) {
    throw new UsageError('Give either --region or --base-url, not both');
  }
  if (baseUrl === undefined && region !== undefined && !isRegion(region)) {
    throw new UsageError(`Unknown region "${region}"; known regions: ${Object.keys(regions).join(', ')}`);
  }
  const caFile = setting(options.caFile, env, 'MDE_CA_FILE');
  const caPem = caFile === undefined ? undefined : await readText(caFile, 'CA file');
  const credential: TokenCredential & { close?: () => Promise<void> } = await createCredential(
    options,
    io,
    caPem,
  );
  try {
    const client = new DefenderClient({
      credential,
      endpoint: baseUrl ?? region ?? 'global',
      scopes: [setting(options.scope, env, 'MDE_SCOPE') ?? defaultScope],
      caPem,
      proxy: proxySetting(options, env),
      dispatcher: io.dispatcher,
      sleep: io.sleep,
      now: io.now,
    });
    return {
      client,
      close: async () => {
        await client.close();
        await credential.close?.();
      },
    };
  } catch (error) {
    await credential.close?.();
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

function buildProgram(io: CliEnvironment, run: (work: () => Promise<number>) => void): Command {
  const program = new Command('mde');
  program
    .description(
      'Microsoft Defender for Endpoint machine actions: restrict, isolate, scan, collect, quarantine, offboard, follow them, list machines.',
    )
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError()
    // Commander checks required options before unknown ones, so `--coment x` would be reported as a missing
    // --comment. The check runs here instead, after commander has named an unknown option (with the closest
    // valid one).
    .hook('preAction', (_program, command) => {
      if (command.options.some((o) => o.long === '--comment') && command.opts().comment === undefined) {
        command.error("error: required option '--comment <text>' not specified", {
          code: 'commander.missingMandatoryOptionValue',
        });
      }
    })
    .option('--tenant <id>', 'directory (tenant) id [env MDE_TENANT_ID]')
    .option('--client-id <id>', 'application (client) id [env MDE_CLIENT_ID]')
    .option('--client-secret <secret>', 'client secret [env MDE_CLIENT_SECRET]')
    .option(
      '--certificate <path>',
      'PEM file with the private key and certificate [env MDE_CLIENT_CERTIFICATE_PATH]',
    )
    .option('--access-token <token>', 'use this bearer token instead of signing in [env MDE_ACCESS_TOKEN]')
    .option(
      '--region <name>',
      `API region: ${Object.keys(regions).join(', ')} [env MDE_REGION] (default: global)`,
    )
    .option('--base-url <url>', 'API base URL, e.g. the simulator https://127.0.0.1:5443 [env MDE_BASE_URL]')
    .option(
      '--authority-host <url>',
      'token authority [env MDE_AUTHORITY_HOST] (default: https://login.microsoftonline.com)',
    )
    .option('--ca-file <path>', 'extra trusted CA (PEM) for the API and the authority [env MDE_CA_FILE]')
    .option(
      '--proxy <url>',
      'HTTP proxy for the API and the authority [env HTTPS_PROXY; NO_PROXY hosts go direct]',
    )
    .option('--scope <scope>', `token scope [env MDE_SCOPE] (default: ${defaultScope})`)
    .option('--json', 'print results (and errors, on stderr) as JSON for scripts')
    .addHelpText(
      'after',
      `
Examples (against \`mde-sim serve\` with its demo tenant; its HTTPS port is 5443 by default):
  export MDE_TENANT_ID=d2c0b5e4-7a1f-4c3e-9b8d-1f6a2e4c7b90 MDE_CLIENT_ID=5b0c3f7e-2a41-4d8b-9e6c-0f1a2b3c4d5e
  export MDE_CLIENT_SECRET='demo-soar-secret~8Qm2vX4kP9tL' MDE_BASE_URL=https://127.0.0.1:5443
  export MDE_AUTHORITY_HOST=https://127.0.0.1:5443 MDE_CA_FILE=$(npx mde-sim ca --path)
  mde unrestrict 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 --comment "Cleaned and validated" --wait
  mde actions --machine 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 --status Pending --json
Against the real service, drop MDE_BASE_URL, MDE_AUTHORITY_HOST and MDE_CA_FILE (or set MDE_REGION=eu, ...).`,
    );

  const globals = <T extends object = object>(command: Command) =>
    command.optsWithGlobals<GlobalOptions & T>();

  for (const kind of ['unrestrict', 'restrict'] as const) {
    program
      .command(`${kind} <machineId>`)
      .description(
        kind === 'unrestrict'
          ? 'remove the app restriction from a machine (POST unrestrictCodeExecution)'
          : 'restrict app execution on a machine to Microsoft-signed code (POST restrictCodeExecution)',
      )
      .option('--comment <text>', 'comment recorded with the action (required by the service)', nonEmpty)
      .option('--wait', 'wait until the action reaches a final status; exit 11 unless it Succeeded')
      .option('--timeout <seconds>', 'with --wait: give up after this long (exit 12)', positiveSeconds, 600)
      .option('--poll-interval <seconds>', 'with --wait: seconds between polls', positiveSeconds, 5)
      .option(
        '--resolve-in-progress',
        'if one is already pending, return that action instead of failing (exit 4)',
      )
      .action((machineId: string, _opts: unknown, command: Command) =>
        run(async () => {
          const opts = globals<{
            comment: string;
            wait?: boolean;
            timeout: number;
            pollInterval: number;
            resolveInProgress?: boolean;
          }>(command);
          return withClient(opts, io, async (client) => {
            const call =
              kind === 'unrestrict' ? client.unrestrictCodeExecution : client.restrictCodeExecution;
            const action = await call.call(client, machineId, opts.comment, {
              signal: io.signal,
              resolveInProgress: opts.resolveInProgress === true,
            });
            if (opts.wait !== true) return printAction(action, opts, io);
            return waitAndPrint(client, action, opts, io);
          });
        }),
      );
  }

  addResponseCommands(program, { io, run, withClient, printAction, waitAndPrint });

  program
    .command('action <actionId>')
    .description('show a machine action (GET machineactions/{id})')
    .option('--wait', 'wait until the action reaches a final status; exit 11 unless it Succeeded')
    .option('--timeout <seconds>', 'with --wait: give up after this long (exit 12)', positiveSeconds, 600)
    .option('--poll-interval <seconds>', 'with --wait: seconds between polls', positiveSeconds, 5)
    .action((actionId: string, _opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals<{ wait?: boolean; timeout: number; pollInterval: number }>(command);
        return withClient(opts, io, async (client) => {
          const action = await client.getMachineAction(actionId, { signal: io.signal });
          if (opts.wait !== true) return printAction(action, opts, io);
          return waitAndPrint(client, action, opts, io);
        });
      }),
    );

  program
    .command('actions')
    .description('list machine actions (GET machineactions with an OData $filter)')
    .option('--machine <machineId>', 'only actions on this machine')
    .addOption(new Option('--status <status>', 'only actions in this status').choices(statuses))
    .addOption(new Option('--type <type>', 'only actions of this type').choices(actionTypes))
    .option('--top <n>', 'at most n actions', count)
    .option('--skip <n>', 'skip the first n actions', count)
    .action((_opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals<{
          machine?: string;
          status?: MachineActionStatus;
          type?: MachineActionType;
          top?: number;
          skip?: number;
        }>(command);
        return withClient(opts, io, async (client) => {
          const page = await client.listMachineActions({
            machineId: opts.machine,
            status: opts.status,
            type: opts.type,
            top: opts.top,
            skip: opts.skip,
            signal: io.signal,
          });
          io.stdout.write(opts.json === true ? `${JSON.stringify(page, null, 2)}\n` : formatActionList(page));
          return ExitCodes.ok;
        });
      }),
    );

  program
    .command('machine <idOrName>')
    .description('show a machine by device id or computer name (GET machines/{id})')
    .action((idOrName: string, _opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals(command);
        return withClient(opts, io, async (client) => {
          const machine = await client.getMachine(idOrName, { signal: io.signal });
          io.stdout.write(
            opts.json === true ? `${JSON.stringify(machine, null, 2)}\n` : formatMachine(machine),
          );
          return ExitCodes.ok;
        });
      }),
    );

  program
    .command('cancel <actionId>')
    .description('cancel a machine action that has not finished (POST machineactions/{id}/cancel)')
    .option('--comment <text>', 'reason for the cancellation (required)', nonEmpty)
    .action((actionId: string, _opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals<{ comment: string }>(command);
        return withClient(opts, io, async (client) =>
          printAction(
            await client.cancelMachineAction(actionId, opts.comment, { signal: io.signal }),
            opts,
            io,
          ),
        );
      }),
    );

  return program;
}

/** Runs `work` with a client built from the options, and closes it. */
export async function withClient(
  opts: GlobalOptions,
  io: CliEnvironment,
  work: (client: DefenderClient) => Promise<number>,
): Promise<number> {
  const { client, close } = await createClient(opts, io);
  try {
    return await work(client);
  } catch (error) {
    // The client refuses a bad argument (a filter the service would refuse, a malformed SHA-1) before sending.
    if (error instanceof TypeError && error.message.startsWith('Invalid '))
      throw new UsageError(error.message);
    throw error;
  } finally {
    await close();
  }
}

/** Prints an action (a block, or JSON with --json). */
export function printAction(action: MachineAction, opts: GlobalOptions, io: CliEnvironment): number {
  io.stdout.write(opts.json === true ? `${JSON.stringify(action, null, 2)}\n` : formatAction(action));
  return ExitCodes.ok;
}

/** Waits for an action to end and prints it; exit 11 unless it Succeeded. */
export async function waitAndPrint(
  client: DefenderClient,
  action: MachineAction,
  opts: GlobalOptions & { timeout: number; pollInterval: number },
  io: CliEnvironment,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<number> {
  let final = action;
  if (!isTerminalStatus(action.status)) {
    // Scripts (--json) get the result only; a person at a terminal sees the status and the time waited.
    const progress = startProgress(opts.json === true ? { write: () => undefined } : io.stderr, {
      text: `Waiting for ${action.type} ${action.id}: ${action.status}`,
      now: io.now ?? Date.now,
    });
    try {
      final = await client.waitForMachineAction(action.id, {
        pollIntervalMs: Math.round(opts.pollInterval * 1000),
        timeoutMs: Math.round(opts.timeout * 1000),
        signal: io.signal,
        onPoll: (seen) => progress.update(`Waiting for ${seen.type} ${seen.id}: ${seen.status}`),
      });
    } finally {
      progress.stop();
    }
  }
  if (!quiet || final.status !== 'Succeeded') printAction(final, opts, io);
  if (final.status === 'Succeeded') return ExitCodes.ok;
  if (opts.json !== true) io.stderr.write(`mde: action ${final.id} ended ${final.status}\n`);
  return ExitCodes.actionNotSucceeded;
}

/**
 * Runs the CLI with `argv` (the arguments after the script name, e.g. `['action', '<id>', '--json']`) and
 * resolves with the exit code. Never calls `process.exit` and never throws.
 */
export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  let pending: Promise<number> | undefined;
  const program = buildProgram(io, (work) => {
    pending = work();
    pending.catch(() => {}); // awaited below; this only keeps an early rejection from being reported as unhandled
  });
  const json = argv.includes('--json');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (pending === undefined) {
      program.outputHelp({ error: true });
      return ExitCodes.usage;
    }
    return await pending;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (or the help / version).
      return error.exitCode === 0 ? ExitCodes.ok : ExitCodes.usage;
    }
    const exitCode = error instanceof UsageError ? ExitCodes.usage : exitCodeFor(error);
    if (json) {
      io.stderr.write(`${errorJson(error, exitCode)}\n`);
    } else if (error instanceof DefenderApiError || error instanceof UsageError) {
      io.stderr.write(`mde: ${error.message.replace(/\s*\r?\n\s*/g, ' ')}\n`);
    } else {
      io.stderr.write(
        `mde: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    return exitCode;
  }
}

/** Runs `mde` with `argv` (node's full argv) on the real process: stdout, stderr, env, Ctrl+C. */
export async function main(argv: readonly string[]): Promise<void> {
  exitQuietlyWhenOutputCloses();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort(new Error('interrupted (SIGINT)')));
  process.exitCode = await runCli(argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
  });
}

/** `mde ... | head` closes the pipe early: stop without a stack trace, as other command-line tools do. */
function exitQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
