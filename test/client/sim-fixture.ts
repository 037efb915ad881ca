/**
 * The real simulator (HTTP + HTTPS, demo tenant with a certificate registered on the SOAR app) and real
 * `DefenderClient`s wired to it: msal-node tokens from the simulator's issuer, and a `sleep` that advances the
 * simulator's frozen clock instead of waiting, recording every duration.
 *
 * The clock starts at the real current time (and is put back there before each test) because msal judges
 * its cached tokens, and signs certificate assertions, with the wall clock.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefenderClient } from '../../client/defender-client.ts';
import { MsalClientCredential } from '../../client/msal-credential.ts';
import type { DefenderClientOptions, RetryInfo, TokenCredential } from '../../client/types.ts';
import { demoTenant } from '../../mock/core/demo-tenant.ts';
import type { JournalEntry } from '../../mock/core/journal.ts';
import { pactFromTraffic } from '../../mock/core/traffic-pact.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { type AppCertificate, loadOrCreateAppCertificate } from '../../mock/server/tls.ts';
import { READER_APP, SOAR_APP, TENANT } from '../helpers/sim-server.ts';

export const SOAR_SECRET = 'demo-soar-secret~8Qm2vX4kP9tL';
export const READER_SECRET = 'demo-reporter-secret~3Zr7nB1wH6sD';
export { READER_APP, SOAR_APP, TENANT };

export type Transport = 'http' | 'https';

export interface SimFixture {
  server: RunningServer;
  certificate: AppCertificate;
  /** Restores every tenant, quota, fault and the journal, and puts the clock back at the real time. */
  reset(): void;
  /** An msal credential for an app of the demo tenant, against the simulator's HTTPS issuer. */
  secretCredential(clientId?: string, clientSecret?: string): MsalClientCredential;
  certificateCredential(): MsalClientCredential;
  /** A client on the simulator's clock; `sleeps` lists every delay it slept, `retries` every onRetry. */
  client(
    transport: Transport,
    options?: Partial<DefenderClientOptions> & { credential?: TokenCredential },
  ): VirtualClient;
  /** Closes the clients and credentials made since the last call. */
  closeAll(): Promise<void>;
  close(): Promise<void>;
}

export interface VirtualClient {
  client: DefenderClient;
  sleeps: number[];
  retries: RetryInfo[];
  /** Runs after each sleep has advanced the clock (a competing caller, a cancel while waiting...). */
  afterSleep: ((ms: number, index: number) => Promise<void>) | undefined;
}

/**
 * With MDE_SIM_RECORD_PACT=<file>, the run records its traffic and writes it as a pact when the fixture
 * closes (the journal is emptied by every reset, so each test's calls are collected first): the client's
 * own integration run as a contract (contracts/provider/recorded-pact.test.ts verifies it).
 */
const recordPactTo = process.env.MDE_SIM_RECORD_PACT;

export async function startSimFixture(): Promise<SimFixture> {
  const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-client-'));
  const certificate = await loadOrCreateAppCertificate(stateDir, 'soar-playbook');
  const seed = demoTenant();
  seed.apps[0]!.certificatePem = certificate.certPem;
  const server = await startServer({
    port: 0,
    httpsPort: 0,
    stateDir,
    simulator: {
      tenants: [seed],
      clock: { mode: 'frozen', startAt: new Date().toISOString() },
      seed: 'client-vs-simulator',
      ...(recordPactTo ? { recordTraffic: true, journalCapacity: 100_000 } : {}),
    },
  });
  const recorded: JournalEntry[] = [];
  const collect = () => {
    if (recordPactTo) recorded.push(...server.simulator.control.journal());
  };
  const { clock, control } = server.simulator;
  const authority = { authorityHost: server.httpsUrl!, caPem: server.caCertPem! };
  let open: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(value: T): T => {
    open.push(value);
    return value;
  };
  const secretCredential = (clientId = SOAR_APP, clientSecret = SOAR_SECRET) =>
    track(new MsalClientCredential({ tenantId: TENANT, clientId, clientSecret }, authority));

  return {
    server,
    certificate,
    reset() {
      collect();
      control.reset();
      control.setClock(Date.now());
    },
    secretCredential,
    certificateCredential: () =>
      track(
        new MsalClientCredential(
          {
            tenantId: TENANT,
            clientId: SOAR_APP,
            certificate: { privateKeyPem: certificate.privateKeyPem, certificatePem: certificate.certPem },
          },
          authority,
        ),
      ),
    client(transport, options = {}) {
      const virtual: VirtualClient = {
        sleeps: [],
        retries: [],
        afterSleep: undefined,
        client: undefined as unknown as DefenderClient,
      };
      virtual.client = track(
        new DefenderClient({
          endpoint: transport === 'https' ? server.httpsUrl! : server.url,
          ...(transport === 'https' ? { caPem: server.caCertPem! } : {}),
          random: () => 0.5,
          onRetry: (info) => virtual.retries.push(info),
          ...options,
          credential: options.credential ?? secretCredential(),
          now: () => clock.now(),
          sleep: async (ms, signal) => {
            signal?.throwIfAborted();
            const index = virtual.sleeps.push(ms) - 1;
            clock.advance(ms);
            await virtual.afterSleep?.(ms, index);
          },
        }),
      );
      return virtual;
    },
    async closeAll() {
      const closing = open;
      open = [];
      await Promise.all(closing.map((c) => c.close()));
    },
    async close() {
      await Promise.all(open.map((c) => c.close()));
      collect();
      if (recordPactTo) {
        const { pact } = pactFromTraffic(recorded, { consumer: 'mde-sim-client-recorded' });
        writeFileSync(recordPactTo, `${JSON.stringify(pact, null, 2)}\n`);
      }
      await server.close();
    },
  };
}
