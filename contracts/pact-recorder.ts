/**
 * `mde-sim pact record`: turns what a consumer's code sent to a running simulator (started with
 * `mde-sim serve --record`, or switched with `PUT /_sim/journal/recording`) into a Pact V4 file, via the
 * control API's `GET /_sim/journal/pact`; `--har` also writes the journal as HAR 1.2. A team with no pact
 * tests runs its own integration tests against the simulator, records, and verifies the result with
 * `mde-sim verify` (and, guarded, against the real service).
 * @module
 */
import { writeFile } from 'node:fs/promises';
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
    .action(async (flags: RecordFlags) => {
      await recordCommand(flags, io);
    });
  return program;
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
  if (!recording.enabled && pact.interactions.length === 0) {
    lines.push(
      'Traffic recording is off on this simulator: start it with `mde-sim serve --record` (or PUT /_sim/journal/recording {"enabled":true}) before the consumer runs.',
    );
  }
  if (flags.har !== undefined) {
    const harUrl = new URL('har', base);
    if (flags.tenant !== undefined) harUrl.searchParams.set('tenantId', flags.tenant);
    await writeFile(flags.har, `${JSON.stringify(await getJson<unknown>(harUrl), null, 2)}\n`);
    lines.push(`wrote the journal as HAR 1.2 to ${flags.har}`);
  }
  io.out.write(`${lines.join('\n')}\nVerify it with: mde-sim verify ${flags.out}\n`);
}
