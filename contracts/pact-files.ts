/**
 * Where the contract kit's pacts live, the names they are written under, and reading pact files
 * (one file, or every `*.json` of a folder).
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The consumer name of the project's client in its pacts. */
export const consumerName = 'mde-sim-client';

/** The provider name the pacts are written against: the real service, which the simulator stands in for. */
export const providerName = 'defender-for-endpoint-api';

/** `contracts/pacts/`: the checked-in pacts of the project's client. */
export const pactsDir: string = join(dirname(fileURLToPath(import.meta.url)), 'pacts');

/** A provider state as a pact file records it. */
export interface PactProviderState {
  name: string;
  params?: Record<string, unknown>;
}

/** An HTTP interaction as a V3/V4 pact file records it (the fields the kit reads). */
export interface PactInteraction {
  type?: string;
  description: string;
  providerStates?: PactProviderState[];
  /** V2 pacts: one state, by name. */
  providerState?: string;
  request: {
    method: string;
    path: string;
    headers?: Record<string, unknown>;
    body?: unknown;
    generators?: Record<string, unknown>;
    matchingRules?: Record<string, unknown>;
  };
  response: { status: number; headers?: Record<string, unknown>; body?: unknown };
  /** V4: a pending interaction's failure does not fail the run. */
  pending?: boolean;
  [key: string]: unknown;
}

/** A pact file (the fields the kit reads; everything else is kept as is). */
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A pact read from disk. */
export interface LoadedPact {
  path: string;
  pact: PactFile;
}

/** The Authorization header the pact recorded for the request (V4 keeps header values in arrays). */
export function recordedAuthorization(interaction: PactInteraction): string | undefined {
  for (const [name, value] of Object.entries(interaction.request?.headers ?? {})) {
    if (name.toLowerCase() !== 'authorization') continue;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/** Why an interaction cannot be sent to an HTTP provider, or undefined when it can. */
export function unsupportedReason(interaction: PactInteraction): string | undefined {
  const type = interaction.type;
  if (type === 'Asynchronous/Messages')
    return 'a message interaction: the simulator speaks HTTP only, so there is nothing to send';
  if (type === 'Synchronous/Messages')
    return 'a synchronous message interaction: the simulator speaks HTTP only, so there is nothing to send';
  if (type !== undefined && type !== 'Synchronous/HTTP')
    return `an interaction of type "${type}", which the verifier does not support`;
  if (interaction.pluginConfiguration !== undefined || interaction.interactionMarkup !== undefined) {
    return 'an interaction written with a pact plugin, which the verifier does not load';
  }
  if (typeof interaction.request?.method !== 'string' || typeof interaction.request.path !== 'string') {
    return 'an interaction without an HTTP request (method and path)';
  }
  return undefined;
}

/** The states of an interaction, whichever pact version wrote it. */
export function statesOf(interaction: PactInteraction): PactProviderState[] {
  if (interaction.providerStates !== undefined) return interaction.providerStates;
  return interaction.providerState === undefined ? [] : [{ name: interaction.providerState }];
}

/**
 * Lists the pact files named by `paths`: files as given, folders by their `*.json` files (sorted).
 * @throws Error naming a path that does not exist, or when nothing is found.
 */
export async function listPactFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch {
      throw new Error(`No pact file or folder at ${path}.`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(absolute)).filter((name) => name.endsWith('.json')).sort();
      files.push(...names.map((name) => join(absolute, name)));
    } else {
      files.push(absolute);
    }
  }
  if (files.length === 0) throw new Error(`No pact files (*.json) in ${paths.join(', ')}.`);
  return files;
}

/** Reads and checks one pact file. @throws Error naming the file when it is not a pact. */
export async function readPact(path: string): Promise<LoadedPact> {
  let pact: PactFile;
  try {
    pact = JSON.parse(await readFile(path, 'utf8')) as PactFile;
  } catch (error) {
    throw new Error(`${path} is not a readable JSON file: ${(error as Error).message}`);
  }
  // V3 message pacts keep their messages apart: read them as message interactions, so each gets a line.
  const messages = (pact as { messages?: unknown }).messages;
  if (!Array.isArray(pact?.interactions) && Array.isArray(messages)) {
    pact.interactions = messages.map((message) => ({
      ...(message as PactInteraction),
      type: 'Asynchronous/Messages',
    }));
  }
  if (!Array.isArray(pact?.interactions) || typeof pact.consumer?.name !== 'string') {
    throw new Error(`${path} is not a pact file (no consumer or interactions).`);
  }
  return { path, pact };
}
