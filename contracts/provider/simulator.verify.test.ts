/**
 * Provider verification: every pact in contracts/pacts/ against the simulator started in-process, with the
 * catalogue's state set-ups and real tokens, then every pact against the OpenAPI document.
 * With PACT_BROKER_BASE_URL set, the pacts come from the broker and the results are published to it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { brokerSettingsFromEnv, verifyFromBroker } from '../broker.ts';
import { listPactFiles, pactsDir } from '../pact-files.ts';
import { verifyAgainstSimulator } from '../simulator-verification.ts';
import { compareWithSpec, formatFindings } from '../spec-comparison.ts';

const broker = brokerSettingsFromEnv(process.env);

describe('the simulator honours every pact in contracts/pacts/', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: await mkdtemp(join(tmpdir(), 'mde-sim-contracts-')),
      simulator: { clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' }, seed: 'contracts' },
    });
  });
  afterAll(() => server?.close());

  it('verifies each interaction with the catalogue states and real tokens', async () => {
    const results = await verifyAgainstSimulator({ pactFiles: await listPactFiles([pactsDir]), server });
    const failed = results.filter((r) => r.outcome !== 'verified');
    expect(failed, failed.map((r) => `${r.description}: ${r.reason}`).join('\n')).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(9);
  });

  it('finds every pact compatible with the OpenAPI document', async () => {
    const findings = await compareWithSpec(await listPactFiles([pactsDir]));
    const errors = findings.filter((f) => f.type === 'error');
    expect(errors, formatFindings(errors)).toEqual([]);
  });

  it.runIf(broker !== undefined)(
    broker === undefined
      ? 'verifies the pacts a Pact Broker holds (skipped: PACT_BROKER_BASE_URL is not set)'
      : 'verifies the pacts the broker holds and publishes the results',
    async () => {
      await verifyFromBroker(broker!, server);
    },
  );
});
