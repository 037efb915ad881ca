/**
 * What the consumer tests share: the pact (V4) they write to `contracts/pacts/`, the project's real
 * client pointed at the pact mock server, and the matchers for the values both sides exchange.
 * @module
 */
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { DefenderClient, StaticTokenCredential } from '../../client/index.ts';
import { consumerName, pactsDir, providerName } from '../pact-files.ts';

const { regex } = MatchersV3;

/** A new pact between the project's client and the service, written to `contracts/pacts/`. */
export function newPact(): PactV4 {
  return new PactV4({
    consumer: consumerName,
    provider: providerName,
    dir: pactsDir,
    logLevel: 'warn',
  });
}

/** The example token the pact records; the provider verification replaces it with a real one. */
export const exampleToken = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6W119.c2lnbmF0dXJl';

/** The Authorization header the client sends: any bearer token. */
export const authorization = regex('^Bearer \\S+$', `Bearer ${exampleToken}`);

/** The example machine of the pacts (the docs' device id); the provider state names it. */
export const exampleMachineId = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

/** A device id: 40 hexadecimal characters. */
export const machineIdMatcher = (example = exampleMachineId) => regex('^[0-9a-f]{40}$', example);

/** .NET round-trip UTC timestamps: 0 to 7 fractional digits, trailing zeros trimmed, a literal Z. */
export const timestamp = (example: string) =>
  regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{0,6}[1-9])?Z$', example);

/** The MDE error envelope's `target`: any tracking id. */
export const errorTarget = MatchersV3.string('|b1838e63-40a6640ddd2719ac.');

/**
 * The real client at the mock server. One attempt per call: a retry would send the interaction twice and
 * muddle what the contract says about a single answer.
 */
export function clientAt(url: string, token = exampleToken): DefenderClient {
  return new DefenderClient({
    credential: new StaticTokenCredential(token),
    endpoint: url,
    maxAttempts: 1,
    keepAliveTimeoutMs: 10,
  });
}
