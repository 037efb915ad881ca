/**
 * `mde-sim verify <pact files or folders> [--live]`: verifies a team's own consumer pacts against a freshly
 * started simulator with the built-in provider-state catalogue, and compares them with the OpenAPI
 * document; `--live` runs the guarded live verification instead (see contracts/live.ts).
 * @module
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { listPactFiles, readPact } from './pact-files.ts';
import { describeCatalogue } from './provider-states.ts';
import { formatReport } from './report.ts';

/** Where the command writes its report. @default process.stdout */
export interface VerifyCommandIo {
  out: NodeJS.WritableStream;
}

/** Failure of `mde-sim verify`; its message is the one-line summary the CLI prints. */
export class VerifyFailedError extends Error {
  override name = 'VerifyFailedError';
}

/** Flags of the command. */
interface VerifyFlags {
  live?: boolean;
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
    const [simulatorVerification, specComparison, live, server] = await Promise.all([
      import('./simulator-verification.ts'),
      import('./spec-comparison.ts'),
      import('./live.ts'),
      import('../mock/server/server.ts'),
    ]);
    return { ...simulatorVerification, ...specComparison, ...live, ...server };
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
  const { findUnknownStates, verifyAgainstSimulator, compareWithSpec, formatFindings, runLive, startServer } =
    await loadVerifiers();
  const files = await listPactFiles(paths);
  const pacts = await Promise.all(files.map(readPact));
  const unknown = findUnknownStates(pacts);
  if (unknown.length > 0) {
    const listed = unknown.map((u) => `  - "${u.state}" (${u.description}, ${u.pactFile})`).join('\n');
    out.write(
      `Unknown provider state(s):\n${listed}\n\nThe simulator supports these states (params in braces; a pact may fill them into the name or pass them as params):\n${describeCatalogue()}\n`,
    );
    throw new VerifyFailedError(`${unknown.length} provider state(s) the catalogue does not know`);
  }

  if (flags.live === true) {
    const code = await runLive(files, out);
    if (code !== 0)
      throw new VerifyFailedError(code === 2 ? 'live verification refused' : 'live verification failed');
    return;
  }

  const stateDir = await mkdtemp(join(tmpdir(), 'mde-sim-verify-'));
  const server = await startServer({
    port: 0,
    httpsPort: null,
    stateDir,
    simulator: { clock: { mode: 'frozen' }, seed: 'mde-sim-verify' },
  });
  try {
    const results = await verifyAgainstSimulator({ pactFiles: files, server });
    const findings = await compareWithSpec(files);
    const errors = findings.filter((f) => f.type === 'error');
    out.write(`\nVerification against the simulator\n${formatReport(results)}\n`);
    out.write(
      errors.length === 0
        ? '\nOpenAPI comparison: every pact is compatible with the spec\n'
        : `\nOpenAPI comparison: the spec does not allow\n${formatFindings(errors)}\n`,
    );
    const failed = results.filter((r) => r.outcome === 'failed').length;
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
