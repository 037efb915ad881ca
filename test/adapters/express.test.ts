import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import express from 'express';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../mock/core/simulator.ts';
import { mdeSimMiddleware } from '../../mock/server/express.ts';
import { MACHINE, SOAR_APP, START, TENANT } from '../helpers/sim-server.ts';

let simulator: Simulator;
let base: string;
let close: () => Promise<void>;
let token: string;

beforeAll(async () => {
  simulator = await createSimulator({ clock: { mode: 'frozen', startAt: START }, seed: 'express' });
  token = await simulator.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
  const app = express();
  app.get('/health', (_req, res) => {
    res.send('ok');
  });
  app.use(express.json()); // a body parser upstream must not break the simulator
  app.use('/mde', mdeSimMiddleware(simulator));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
});
afterAll(async () => {
  await close();
  simulator.close();
});

describe('express adapter', () => {
  it('serves the API under the mount path, next to the host app routes', async () => {
    expect(await (await request(`${base}/health`)).body.text()).toBe('ok');
    const res = await request(`${base}/mde/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Comment: 'through express' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['odata-version']).toBe('4.0');
    const action = (await res.body.json()) as Record<string, unknown>;
    expect(action['@odata.context']).toBe(`${base}/mde/api/$metadata#MachineActions/$entity`);
    expect(action.requestorComment).toBe('through express');
  });

  it('keeps MDE error answers, queries and the 405 intact', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bad = await request(`${base}/mde/api/machines/${MACHINE}/restrictCodeExecution`, {
      method: 'POST',
      headers,
      body: '{"comment":"x"}',
    });
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.json()).toMatchObject({ error: { code: 'MissingRequiredParameter' } });
    const list = await request(
      `${base}/mde/api/machineactions?$filter=machineId eq '${MACHINE}'&$count=true`,
      { headers },
    );
    expect(((await list.body.json()) as Record<string, unknown>)['@odata.count']).toBe(1);
    const wrong = await request(`${base}/mde/api/machines/${MACHINE}/unrestrictCodeExecution`, { headers });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(await wrong.body.text()).toBe('');
  });

  it('serves the offline Entra ID and the control API under the mount path', async () => {
    const config = await request(`${base}/mde/${TENANT}/v2.0/.well-known/openid-configuration`);
    const doc = (await config.body.json()) as { token_endpoint: string };
    expect(doc.token_endpoint).toBe(`${base}/mde/${TENANT}/oauth2/v2.0/token`);
    const tenants = await request(`${base}/mde/_sim/tenants`);
    expect(((await tenants.body.json()) as { tenants: { id: string }[] }).tenants[0]!.id).toBe(TENANT);
  });
});

describe('express adapter compression', () => {
  it("sends the core's deflate bytes with Vary, chunked, on success and error answers", async () => {
    for (const [path, status] of [
      [`/mde/api/machines/${MACHINE}`, 200],
      ['/mde/api/machines/0000000000000000000000000000000000000000', 404],
    ] as const) {
      const res = await request(`${base}${path}`, {
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate' },
      });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-encoding']).toBe('deflate');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const json = JSON.parse(inflateSync(Buffer.from(await res.body.arrayBuffer())).toString('utf8'));
      expect(status === 200 ? json.id : json.error.code).toBe(status === 200 ? MACHINE : 'ResourceNotFound');
    }
  });
});
