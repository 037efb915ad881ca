/**
 * `mde-sim pact record`: turns what a consumer's code sent to a running simulator (started with
 * `mde-sim serve --record`, or switched with `PUT /_sim/journal/recording`) into a Pact V4 file, via the
 * control API's `GET /_sim/journal/pact`; `--har` also writes the journal as HAR 1.2. A team with no pact
 * tests runs its own integration tests against the simulator, records, and verifies the result with
 * `mde-sim verify` (and, guarded, against the real service).
 *
 * With a command after `--` (`mde-sim pact record --consumer acme --out acme.json -- npm test`), it starts
 * a recording simulator itself, runs the command with the variables that point a client at it (the demo
 * tenant's SOAR app), writes the pact when the command ends, and exits with the command's code.
 * @module
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { constants } from 'node:os';
import type { Command } from 'commander';

/** Where the command writes what it did. @default process.stdout */
export interface PactCommandIo {
  out: NodeJS.WritableStream;
}

/** Failure of `mde-sim pact record`; its message is what the CLI prints. */
export class PactRecordError extends Error {
  override name = 'PactRecordError';
}

interface RecordFlags {
  url: string;
  consumer: string;
  out: string;
  provider?: string;
  tenant?: string;
  har?: string;
  stateDir: string;
}

interface RecordedPactFile {
  interactions: { description: string; providerStates?: { name: string }[] }[];
  metadata?: { 'mde-sim'?: { skipped?: { request: string; reason: string }[] } };
}

async function getJson<T>(url: URL): Promise<T> {
  // Loaded on use: `mde-sim serve` shares this module's program and should not load an HTTP client.
  // `default` is the CommonJS module.exports under Node and in the bundle's lazy chunk alike.
  const { request } = (await import('undici')).default;
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, { method: 'GET', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new PactRecordError(
      `Failed to reach the simulator at ${url.origin}: ${(error as Error).message}. Is \`mde-sim serve\` running there (see --url)?`,
      { cause: error },
    );
  }
  const text = await response.body.text();
  if (response.statusCode !== 200) {
    throw new PactRecordError(`Failed to read ${url.pathname}: HTTP ${response.statusCode} ${text}`);
  }
  return JSON.parse(text) as T;
}

/** Adds `pact record` to the `mde-sim` program. */
export function registerPactCommand(program: Command, io: PactCommandIo = { out: process.stdout }): Command {
  const pact = program.command('pact').description('Pacts from the traffic a consumer sent to the simulator');
  pact
    .command('record')
    .description(
      'Write the API calls a running simulator recorded (mde-sim serve --record) as a Pact V4 file, with inferred provider states',
    )
    .requiredOption('--consumer <name>', 'the consumer name the pact is written for')
    .requiredOption('--out <file>', 'where to write the pact')
    .option('--url <url>', 'the running simulator', 'http://127.0.0.1:5080')
    .option('--provider <name>', 'the provider name (default defender-for-endpoint-api)')
    .option('--tenant <id>', "only this tenant's calls")
    .option('--har <file>', 'also write the journal as HAR 1.2')
    .option(
      '--state-dir <dir>',
      'with a command: where the simulator it starts keeps its CA and keys',
      '.mde-sim',
    )
    .argument(
      '[command...]',
      'after --: start a recording simulator, run this command against it (MDE_BASE_URL, MDE_AUTHORITY_HOST, MDE_CA_FILE, NODE_EXTRA_CA_CERTS, MDE_TENANT_ID, MDE_CLIENT_ID, MDE_CLIENT_SECRET, MDE_SIM_URL), then write its pact',
    )
    .action(async (command: string[], flags: RecordFlags, self: Command) => {
      if (command.length === 0) {
        await recordCommand(flags, io);
        return;
      }
      if (self.getOptionValueSource('url') === 'cli') {
        throw new PactRecordError(
          '--url reads a simulator that is already running; with a command after --, pact record starts its own. Drop one of them.',
        );
      }
      const code = await recordAround(command, flags, io);
      if (code !== 0) process.exitCode = code;
    });
  return program;
}

/** Starts a recording simulator, runs `command` against it, writes the pact; resolves to the command's exit code. */
async function recordAround(command: string[], flags: RecordFlags, io: PactCommandIo): Promise<number> {
  // Loaded on use, like the HTTP client: `mde-sim pact record --url` needs neither.
  const [{ startServer }, { DEMO_TENANT_ID, demoTenant }] = await Promise.all([
    import('../mock/server/server.ts'),
    import('../mock/core/demo-tenant.ts'),
  ]);
  const server = await startServer({
    port: 0,
    httpsPort: 0,
    stateDir: flags.stateDir,
    simulator: { recordTraffic: true },
  });
  try {
    const soar = demoTenant().apps[0]!;
    const https = server.httpsUrl!;
    const ca = server.caCertPath!;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MDE_BASE_URL: https,
      MDE_AUTHORITY_HOST: https,
      MDE_CA_FILE: ca,
      NODE_EXTRA_CA_CERTS: ca,
      MDE_TENANT_ID: DEMO_TENANT_ID,
      MDE_CLIENT_ID: soar.clientId,
      MDE_CLIENT_SECRET: soar.clientSecret,
      MDE_SIM_URL: server.url,
    };
    io.out.write(`recording ${command.join(' ')} against ${https} (plain HTTP: ${server.url})\n`);
    const code = await run(command, env);
    const onlyTenant = flags.tenant === undefined ? {} : { tenantId: flags.tenant };
    const { pact } = server.simulator.control.recordedPact({
      consumer: flags.consumer,
      ...(flags.provider === undefined ? {} : { provider: flags.provider }),
      ...onlyTenant,
    });
    const har =
      flags.har === undefined
        ? undefined
        : server.simulator.control.har({ origin: server.url, ...onlyTenant });
    await write(flags, pact as RecordedPactFile, true, har, io);
    if (code !== 0)
      io.out.write(`${command[0]} exited with ${code}: the pact holds what it sent until then.\n`);
    return code;
  } finally {
    await server.close();
  }
}

/** Runs a command with the terminal's stdio; resolves to its exit code (128 + signal number when killed). */
function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new PactRecordError(
          error.code === 'ENOENT' ? `${command[0]}: command not found` : `${command[0]}: ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

async function recordCommand(flags: RecordFlags, io: PactCommandIo): Promise<void> {
  let base: URL;
  try {
    base = new URL('/_sim/journal/', flags.url);
  } catch {
    throw new PactRecordError(`--url ${flags.url} is not a URL (e.g. http://127.0.0.1:5080).`);
  }
  const recording = await getJson<{ enabled: boolean }>(new URL('recording', base));
  const pactUrl = new URL('pact', base);
  pactUrl.searchParams.set('consumer', flags.consumer);
  if (flags.provider !== undefined) pactUrl.searchParams.set('provider', flags.provider);
  if (flags.tenant !== undefined) pactUrl.searchParams.set('tenantId', flags.tenant);
  const pact = await getJson<RecordedPactFile>(pactUrl);
  let har: unknown;
  if (flags.har !== undefined) {
    const harUrl = new URL('har', base);
    if (flags.tenant !== undefined) harUrl.searchParams.set('tenantId', flags.tenant);
    har = await getJson<unknown>(harUrl);
  }
  await write(flags, pact, recording.enabled, har, io);
}

/** Writes the pact (and the HAR) and says what is in it. */
async function write(
  flags: RecordFlags,
  pact: RecordedPactFile,
  recordingEnabled: boolean,
  har: unknown,
  io: PactCommandIo,
): Promise<void> {
  await writeFile(flags.out, `${JSON.stringify(pact, null, 2)}\n`);
  const skipped = pact.metadata?.['mde-sim']?.skipped ?? [];
  const lines = [`wrote ${pact.interactions.length} interaction(s) to ${flags.out}`];
  for (const interaction of pact.interactions) {
    const states = (interaction.providerStates ?? []).map((s) => s.name);
    lines.push(`  ${interaction.description}${states.length > 0 ? `  (given ${states.join('; ')})` : ''}`);
  }
  if (skipped.length > 0) {
    lines.push(`${skipped.length} recorded call(s) left out:`);
    for (const call of skipped) lines.push(`  ${call.request} — ${call.reason}`);
  }
  if (!recordingEnabled && pact.interactions.length === 0) {
    lines.push(
      'Traffic recording is off on this simulator: start it with `mde-sim serve --record` (or PUT /_sim/journal/recording {"enabled":true}) before the consumer runs.',
    );
  }
  if (flags.har !== undefined) {
    await writeFile(flags.har, `${JSON.stringify(har, null, 2)}\n`);
    lines.push(`wrote the journal as HAR 1.2 to ${flags.har}`);
  }
  io.out.write(`${lines.join('\n')}\nVerify it with: mde-sim verify ${flags.out}\n`);
}
