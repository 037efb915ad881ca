/**
 * `mde-sim verify <pact files or folders> [--live]`: verifies a team's own consumer pacts against a freshly
 * started simulator with the built-in provider-state catalogue, and compares them with the OpenAPI
 * document; `--live` runs the guarded live verification instead (see contracts/live.ts). One line per
 * interaction, mismatches in plain words, a closing summary; `--junit`/`--json` write CI reports.
 * @module
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import type { VerifyRun } from './ci-reports.ts';
import { listPactFiles, providerName, readPact } from './pact-files.ts';
import { describeCatalogue } from './provider-states.ts';
import { failsRun, formatReport } from './report.ts';

/** Where the command writes its report. @default process.stdout */
export interface VerifyCommandIo {
  out: NodeJS.WritableStream;
}

/** Failure of `mde-sim verify`; its message is the one-line summary the CLI prints. */
export class VerifyFailedError extends Error {
  override name = 'VerifyFailedError';
}

/** The origin host-bearing values (`@odata.context`) carry by default: the service's documented host. */
export const defaultPublicOrigin = 'https://api.security.microsoft.com';

/** Flags of the command. */
interface VerifyFlags {
  live?: boolean;
  provider: string;
  junit?: string;
  json?: string;
  verbose?: boolean;
  publicOrigin: string;
}

/** Adds `verify` to the `mde-sim` program. */
export function registerVerifyCommand(
  program: Command,
  io: VerifyCommandIo = { out: process.stdout },
): Command {
  program
    .command('verify')
    .description(
      'Verify consumer pacts against a fresh simulator using the built-in provider states, and compare them with the OpenAPI document',
    )
    .argument('<pacts...>', 'pact files, or folders of *.json pact files')
    .option(
      '--live',
      'verify against the real service instead (guarded: see the MDE_* and MDE_LIVE_* variables)',
    )
    .option('--provider <name>', 'the provider name the pacts must name', providerName)
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per interaction)')
    .option('--json <file>', 'also write the verdicts as JSON')
    .option('--verbose', "show pact's own verifier output as well")
    .addOption(
      new Option(
        '--public-origin <origin>',
        'origin the simulator writes into host-bearing values such as @odata.context',
      ).default(defaultPublicOrigin),
    )
    .action(async (paths: string[], flags: VerifyFlags) => {
      await verifyCommand(paths, flags, io);
    });
  return program;
}

/**
 * The modules that need pact (a native verifier) and the comparator, loaded only when `verify` runs, so
 * `mde-sim serve` starts without them installed.
 */
async function loadVerifiers() {
  try {
    const [simulatorVerification, specComparison, live, server, reports] = await Promise.all([
      import('./simulator-verification.ts'),
      import('./spec-comparison.ts'),
      import('./live.ts'),
      import('../mock/server/server.ts'),
      import('./ci-reports.ts'),
    ]);
    return { ...simulatorVerification, ...specComparison, ...live, ...server, ...reports };
  } catch (cause) {
    throw new VerifyFailedError(
      `mde-sim verify needs @pact-foundation/pact and @pactflow/openapi-pact-comparator (npm install --save-dev them): ${(cause as Error).message}`,
      { cause },
    );
  }
}

async function verifyCommand(
  paths: readonly string[],
  flags: VerifyFlags,
  io: VerifyCommandIo,
): Promise<void> {
  process.env.SCARF_ANALYTICS ??= 'false';
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  // Pact's verifier proxy (http-proxy 1.18) calls util._extend, deprecated since Node 22 (DEP0060): a warning
  // the user of this command can do nothing about. This is Node's documented switch for it in a running process.
  process.noDeprecation = true;
  const { out } = io;
  const verifiers = await loadVerifiers();
  const files = await listPactFiles(paths);
  const pacts = await Promise.all(files.map(readPact));
  const verboseOut = flags.verbose === true ? out : undefined;

  const writeReport = async (what: string, file: string, text: string) => {
    try {
      await writeFile(file, text);
    } catch (error) {
      throw new VerifyFailedError(
        `Failed to write the ${what} report to ${file}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  };
  const writeReports = async (run: VerifyRun) => {
    if (flags.junit !== undefined) await writeReport('JUnit', flags.junit, verifiers.junitReport(run));
    if (flags.json !== undefined) await writeReport('JSON', flags.json, verifiers.jsonReport(run));
  };
  const explainUnknownStates = () => {
    const unknown = verifiers.findUnknownStates(pacts);
    if (unknown.length === 0) return;
    const listed = unknown.map((u) => `  - "${u.state}" (${u.description}, ${u.pactFile})`).join('\n');
    out.write(
      `\nUnknown provider state(s):\n${listed}\n\nThe simulator supports these states (params in braces; a pact may fill them into the name or pass them as params):\n${describeCatalogue()}\n`,
    );
  };

  if (flags.live === true) {
    const live = await verifiers.runLive(files, out, { provider: flags.provider, verboseOut });
    if (live.results !== undefined) {
      await writeReports({ target: 'live service', results: live.results, findings: [], pactFiles: files });
      explainUnknownStates();
    }
    if (live.code !== 0)
      throw new VerifyFailedError(live.code === 2 ? 'live verification refused' : 'live verification failed');
    return;
  }

  const stateDir = await mkdtemp(join(tmpdir(), 'mde-sim-verify-'));
  let server: Awaited<ReturnType<typeof verifiers.startServer>>;
  try {
    server = await verifiers.startServer({
      port: 0,
      httpsPort: null,
      stateDir,
      simulator: { clock: { mode: 'frozen' }, seed: 'mde-sim-verify', publicOrigin: flags.publicOrigin },
    });
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true });
    throw new VerifyFailedError(`cannot start the simulator: ${(error as Error).message}`, { cause: error });
  }
  try {
    const results = await verifiers.verifyAgainstSimulator({
      pactFiles: files,
      server,
      provider: flags.provider,
      verboseOut,
    });
    const findings = await verifiers.compareWithSpec(files);
    const errors = findings.filter((f) => f.type === 'error');
    out.write(`\nVerification against the simulator\n${formatReport(results, { stream: out })}\n`);
    explainUnknownStates();
    out.write(
      errors.length === 0
        ? '\nOpenAPI comparison: every pact is compatible with the spec\n'
        : `\nOpenAPI comparison: the spec does not allow\n${verifiers.formatFindings(errors)}\n`,
    );
    const warnings = findings.filter((f) => f.type === 'warning');
    if (warnings.length > 0)
      out.write(
        `OpenAPI comparison warnings (not failing the run):\n${verifiers.formatFindings(warnings)}\n`,
      );
    await writeReports({ target: 'simulator', results, findings, pactFiles: files });
    const failed = results.filter(failsRun).length;
    if (failed > 0 || errors.length > 0) {
      throw new VerifyFailedError(
        `${failed} interaction(s) failed against the simulator, ${errors.length} finding(s) against the OpenAPI document`,
      );
    }
  } finally {
    await server.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}
