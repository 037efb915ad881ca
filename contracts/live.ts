/**
 * `npm run contracts:live` (`node contracts/live.ts [pact files or folders]`): verifies the pacts (by
 * default contracts/pacts/) against the real Defender for Endpoint service, with the guardrails of
 * live-verification.ts. Without credentials it says what to set and exits 0; a refused configuration
 * exits 2, a failed interaction 1.
 * @module
 */

import { liveRequiredVariables, liveSettingsFromEnv, verifyLive } from './live-verification.ts';
import { listPactFiles, pactsDir } from './pact-files.ts';
import { failsRun, formatReport, type InteractionResult } from './report.ts';

/** Options of {@link runLive}. */
export interface RunLiveOptions {
  /** The provider name the pacts must name. @default 'defender-for-endpoint-api' */
  provider?: string;
  /** Where pact's own verifier output goes; dropped without it. */
  verboseOut?: NodeJS.WritableStream | undefined;
}

/**
 * Runs the live verification and prints its report; returns the exit code and, when it ran, the verdicts.
 */
export async function runLive(
  paths: readonly string[],
  out: NodeJS.WritableStream = process.stdout,
  options: RunLiveOptions = {},
): Promise<{ code: number; results?: InteractionResult[] }> {
  let loaded: Awaited<ReturnType<typeof liveSettingsFromEnv>>;
  try {
    loaded = await liveSettingsFromEnv(process.env);
  } catch (error) {
    out.write(`live verification refused: ${(error as Error).message}\n`);
    return { code: 2 };
  }
  if ('missing' in loaded) {
    out.write(
      `live verification skipped: set ${liveRequiredVariables} (missing: ${loaded.missing.join(', ')}).\n`,
    );
    return { code: 0 };
  }
  const { settings } = loaded;
  const pactFiles = await listPactFiles(paths.length > 0 ? paths : [pactsDir]);
  out.write(
    `live verification against ${settings.baseUrl} on machine ${settings.machineIds[0]} (actions ${settings.allowActions ? 'allowed' : 'not allowed'})\n`,
  );
  const results = await verifyLive({ settings, pactFiles, ...options });
  out.write(`\nLive verification report\n${formatReport(results, { stream: out })}\n`);
  return { code: results.some(failsRun) ? 1 : 0, results };
}

if (import.meta.main) {
  process.env.SCARF_ANALYTICS ??= 'false';
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  runLive(process.argv.slice(2)).then(
    ({ code }) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`live verification failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
