/**
 * The optional broker steps: off without PACT_BROKER_BASE_URL, and publishing speaks the broker's
 * `POST /contracts/publish` (checked against a stand-in broker on 127.0.0.1).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { brokerSettingsFromEnv, canIDeploy, publishPacts } from '../broker.ts';
import { listPactFiles, pactsDir } from '../pact-files.ts';

describe('the broker steps', () => {
  it('are off when PACT_BROKER_BASE_URL is not set, and refuse a broker without credentials', () => {
    expect(brokerSettingsFromEnv({})).toBeUndefined();
    expect(() => brokerSettingsFromEnv({ PACT_BROKER_BASE_URL: 'https://broker.example' })).toThrow(
      /PACT_BROKER_TOKEN/,
    );
  });

  it('publish the pacts with the version and branch, and ask can-i-deploy', async () => {
    const seen: { method: string; url: string; auth: string | undefined; body: string }[] = [];
    const broker = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
        res.setHeader('content-type', 'application/hal+json');
        res.end(
          req.url?.startsWith('/can-i-deploy')
            ? JSON.stringify({
                summary: {
                  deployable: true,
                  reason: 'All required verification results are published and successful',
                },
              })
            : '{}',
        );
      });
    }).listen(0, '127.0.0.1');
    await once(broker, 'listening');
    try {
      const settings = brokerSettingsFromEnv({
        PACT_BROKER_BASE_URL: `http://127.0.0.1:${(broker.address() as AddressInfo).port}/`,
        PACT_BROKER_TOKEN: 'broker-token',
        PACT_APP_VERSION: '1.2.3',
        PACT_BRANCH: 'main',
      })!;
      await publishPacts(settings, await listPactFiles([pactsDir]));
      const answer = await canIDeploy(settings, {
        pacticipant: 'mde-sim-client',
        version: '1.2.3',
        environment: 'production',
      });
      expect(answer.deployable).toBe(true);

      const publish = seen[0]!;
      expect(publish).toMatchObject({
        method: 'POST',
        url: '/contracts/publish',
        auth: 'Bearer broker-token',
      });
      const body = JSON.parse(publish.body);
      expect(body).toMatchObject({
        pacticipantName: 'mde-sim-client',
        pacticipantVersionNumber: '1.2.3',
        branch: 'main',
      });
      expect(body.contracts[0]).toMatchObject({
        consumerName: 'mde-sim-client',
        providerName: 'defender-for-endpoint-api',
        specification: 'pact',
        contentType: 'application/json',
      });
      expect(
        JSON.parse(Buffer.from(body.contracts[0].content, 'base64').toString('utf8')).interactions.length,
      ).toBeGreaterThan(0);
      expect(seen[1]?.url).toBe(
        '/can-i-deploy?pacticipant=mde-sim-client&version=1.2.3&environment=production',
      );
    } finally {
      broker.close();
    }
  });
});
