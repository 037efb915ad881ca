/**
 * Verifies one pact interaction at a time with pact's Verifier, so every interaction gets its own verdict
 * (the Verifier only says whether a whole run passed) and its own caller, token and state set-up.
 * @module
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { PactFile, PactInteraction } from './pact-files.ts';

/** State handlers as pact's Verifier takes them. */
export type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;

/** The express-style request the Verifier's proxy hands to a request filter (the fields used here). */
export interface ProxiedRequest {
  path: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Rewrites a request on its way to the provider; called for the interaction's request only. */
export type RequestRewrite = (request: ProxiedRequest) => void;

/** Options of {@link runInteraction}. */
export interface RunInteractionOptions {
  pact: PactFile;
  interaction: PactInteraction;
  /** Where the provider listens (`http://127.0.0.1:<port>`, or the real service). */
  providerBaseUrl: string;
  /** Handlers for the interaction's states, keyed by the names the pact uses. */
  stateHandlers: StateHandlers;
  /** Sets the Authorization header and any path substitution. */
  rewrite: RequestRewrite;
  /** Extra CA (PEM) trusted for an HTTPS provider, e.g. the simulator's CA in the live rehearsal. */
  caPem?: string | undefined;
  /** Pact's own log level. @default 'error' */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** The Verifier's path for state set-up calls; the request filter leaves those alone. */
const stateSetupPath = '/_pactSetup';

/**
 * Verifies one interaction.
 * @returns `{ ok: true }` or `{ ok: false, reason }`, the Verifier's own report having gone to stdout.
 */
export async function runInteraction(
  options: RunInteractionOptions,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mde-sim-pact-'));
  try {
    const file = join(dir, 'interaction.json');
    await writeFile(file, JSON.stringify({ ...options.pact, interactions: [options.interaction] }));
    const verifier = new Verifier({
      provider: options.pact.provider.name,
      providerBaseUrl: options.providerBaseUrl,
      pactUrls: [file],
      stateHandlers: options.stateHandlers,
      logLevel: options.logLevel ?? 'error',
      requestFilter: (req, _res, next) => {
        if (req.path !== stateSetupPath) options.rewrite(req as unknown as ProxiedRequest);
        next();
      },
      // The proxy passes TLS options on to http-proxy, which honours `ca` as well (pact types only name
      // cert/key/pfx); this keeps the trust of the simulator's CA scoped to this verification.
      ...(options.caPem === undefined
        ? {}
        : { tlsClientOptions: { ca: options.caPem } as unknown as { cert: string } }),
    });
    await verifier.verifyProvider();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message.split('\n')[0] ?? 'verification failed' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
