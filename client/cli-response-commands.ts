/**
 * The `mde` commands of the response actions beside unrestrict (issue 15): `isolate`, `unisolate`, `scan`,
 * `quarantine`, `offboard`, `collect [--download <file>]` and `machines [--filter]`. Kept apart from the
 * program's set-up (credentials, global options), which hands in what they share.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { IsolationType, MachineAction, ScanType } from '../openapi/index.ts';
import { count, nonEmpty, positiveSeconds } from './cli-arguments.ts';
import { formatMachineList } from './cli-format.ts';
import type { DefenderClient } from './defender-client.ts';
import { ExitCodes } from './exit-codes.ts';
import type { CliEnvironment, GlobalOptions } from './main.ts';
import type { MachineActionOptions } from './types.ts';

/** What the commands use from the program around them. */
export interface ResponseCommandDeps {
  io: CliEnvironment;
  /** Runs a command's work (the program awaits it and maps errors to exit codes). */
  run: (work: () => Promise<number>) => void;
  withClient(
    opts: GlobalOptions,
    io: CliEnvironment,
    work: (client: DefenderClient) => Promise<number>,
  ): Promise<number>;
  printAction(action: MachineAction, opts: GlobalOptions, io: CliEnvironment): number;
  waitAndPrint(
    client: DefenderClient,
    action: MachineAction,
    opts: GlobalOptions & { timeout: number; pollInterval: number },
    io: CliEnvironment,
    options?: { quiet?: boolean },
  ): Promise<number>;
}

/** Adds the response-action commands to `program`. */
export function addResponseCommands(program: Command, deps: ResponseCommandDeps): void {
  const { io, run, withClient, printAction, waitAndPrint } = deps;
  const globals = <T extends object = object>(command: Command) =>
    command.optsWithGlobals<GlobalOptions & T>();

  /** The other response actions: one command each, the same --comment/--wait/--resolve-in-progress options. */
  interface ResponseCommand {
    name: string;
    args: string;
    description: string;
    extra?: (command: Command) => Command;
    call: (
      client: DefenderClient,
      machineId: string,
      opts: { comment: string; type?: string; sha1?: string },
      options: MachineActionOptions,
    ) => Promise<MachineAction>;
  }
  const responseCommands: ResponseCommand[] = [
    {
      name: 'isolate',
      args: '<machineId>',
      description: 'isolate a machine from the network (POST isolate)',
      extra: (c) =>
        c.addOption(
          new Option('--type <isolationType>', 'IsolationType sent with the request').choices([
            'Full',
            'Selective',
            'UnManagedDevice',
          ]),
        ),
      call: (client, id, opts, options) =>
        client.isolateMachine(id, opts.comment, { ...options, isolationType: opts.type as IsolationType }),
    },
    {
      name: 'unisolate',
      args: '<machineId>',
      description: 'release a machine from isolation (POST unisolate)',
      call: (client, id, opts, options) => client.unisolateMachine(id, opts.comment, options),
    },
    {
      name: 'scan',
      args: '<machineId>',
      description: 'run a Microsoft Defender Antivirus scan (POST runAntiVirusScan)',
      extra: (c) =>
        c.addOption(new Option('--type <scanType>', 'ScanType').choices(['Quick', 'Full']).default('Quick')),
      call: (client, id, opts, options) =>
        client.runAntiVirusScan(id, opts.comment, { ...options, scanType: opts.type as ScanType }),
    },
    {
      name: 'quarantine',
      args: '<machineId>',
      description: 'stop a file and quarantine it (POST StopAndQuarantineFile)',
      extra: (c) =>
        c.requiredOption('--sha1 <hash>', 'SHA-1 of the file (40 hexadecimal characters)', nonEmpty),
      call: (client, id, opts, options) =>
        client.stopAndQuarantineFile(id, opts.comment, opts.sha1 ?? '', options),
    },
    {
      name: 'offboard',
      args: '<machineId>',
      description: 'offboard a machine from Defender for Endpoint (POST offboard)',
      call: (client, id, opts, options) => client.offboardMachine(id, opts.comment, options),
    },
  ];
  for (const spec of responseCommands) {
    let command = program
      .command(`${spec.name} ${spec.args}`)
      .description(spec.description)
      .requiredOption(
        '--comment <text>',
        'comment recorded with the action (required by the service)',
        nonEmpty,
      );
    command = spec.extra ? spec.extra(command) : command;
    command
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
            type?: string;
            sha1?: string;
            wait?: boolean;
            timeout: number;
            pollInterval: number;
            resolveInProgress?: boolean;
          }>(command);
          return withClient(opts, io, async (client) => {
            const action = await spec.call(client, machineId, opts, {
              signal: io.signal,
              resolveInProgress: opts.resolveInProgress === true,
            });
            if (opts.wait !== true) return printAction(action, opts, io);
            return waitAndPrint(client, action, opts, io);
          });
        }),
      );
  }

  program
    .command('collect <machineId>')
    .description(
      'collect an investigation package (POST collectInvestigationPackage); with --download, wait and save the zip',
    )
    .requiredOption(
      '--comment <text>',
      'comment recorded with the action (required by the service)',
      nonEmpty,
    )
    .option('--download <file>', 'wait until the collection succeeded, then download the zip to this file')
    .option('--wait', 'wait until the action reaches a final status; exit 11 unless it Succeeded')
    .option(
      '--timeout <seconds>',
      'with --wait/--download: give up after this long (exit 12)',
      positiveSeconds,
      600,
    )
    .option('--poll-interval <seconds>', 'with --wait/--download: seconds between polls', positiveSeconds, 5)
    .action((machineId: string, _opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals<{
          comment: string;
          download?: string;
          wait?: boolean;
          timeout: number;
          pollInterval: number;
        }>(command);
        return withClient(opts, io, async (client) => {
          const action = await client.collectInvestigationPackage(machineId, opts.comment, {
            signal: io.signal,
          });
          if (opts.download === undefined) {
            if (opts.wait !== true) return printAction(action, opts, io);
            return waitAndPrint(client, action, opts, io);
          }
          const waited = await waitAndPrint(client, action, opts, io, { quiet: true });
          if (waited !== ExitCodes.ok) return waited;
          const pkg = await client.downloadInvestigationPackage(action.id, { signal: io.signal });
          await writeFile(opts.download, pkg.bytes);
          const result = { actionId: action.id, file: opts.download, bytes: pkg.bytes.length };
          io.stdout.write(
            opts.json === true
              ? `${JSON.stringify(result, null, 2)}\n`
              : `Saved the investigation package of ${action.id} to ${opts.download} (${pkg.bytes.length} bytes)\n`,
          );
          return ExitCodes.ok;
        });
      }),
    );

  program
    .command('machines')
    .description('list machines (GET machines with an OData $filter)')
    .option(
      '--filter <odata>',
      "raw OData $filter, e.g. \"healthStatus eq 'Active' and riskScore eq 'High'\"",
    )
    .option('--name <computerDnsName>', 'only the machine with this computer DNS name')
    .option('--health <status>', "only machines in this health status (e.g. 'Active')")
    .option('--onboarding <status>', "only machines in this onboarding status (e.g. 'Onboarded')")
    .option('--risk <score>', "only machines with this risk score (e.g. 'High')")
    .option('--top <n>', 'at most n machines', count)
    .option('--skip <n>', 'skip the first n machines', count)
    .action((_opts: unknown, command: Command) =>
      run(async () => {
        const opts = globals<{
          filter?: string;
          name?: string;
          health?: string;
          onboarding?: string;
          risk?: string;
          top?: number;
          skip?: number;
        }>(command);
        return withClient(opts, io, async (client) => {
          const page = await client.listMachines({
            filter: opts.filter,
            computerDnsName: opts.name,
            healthStatus: opts.health,
            onboardingStatus: opts.onboarding,
            riskScore: opts.risk,
            top: opts.top,
            skip: opts.skip,
            signal: io.signal,
          });
          io.stdout.write(
            opts.json === true ? `${JSON.stringify(page, null, 2)}\n` : formatMachineList(page),
          );
          return ExitCodes.ok;
        });
      }),
    );
}
