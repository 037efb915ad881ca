/**
 * The live page's server side, without a browser: where the page is served (HTTP and HTTPS listeners, an
 * express mount, never to the service's host names), what it may load (its own origin only), and the two
 * control routes it reads: the activity feed and per-caller quota use. The page itself is driven in Chromium
 * by test/browser/dashboard.ts.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardAssets } from '../../mock/core/dashboard-assets.gen.ts';
import { createSimulator } from '../../mock/core/simulator.ts';
import { mdeSimMiddleware } from '../../mock/server/express.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { MACHINE, READER_APP, SOAR_APP, START, TENANT } from '../helpers/sim-server.ts';

let server: RunningServer;
let tls: Agent;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    httpsPort: 0,
    stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-live-page-')),
    simulator: { clock: { mode: 'frozen', startAt: START }, seed: 'live-page' },
  });
  tls = new Agent({ connect: { ca: server.caCertPem! }, keepAliveTimeout: 10 });
});
afterAll(async () => {
  await tls.close();
  await server.close();
});

const get = async (url: string, headers: Record<string, string> = {}, method = 'GET') => {
  const res = await request(url, { method: method as 'GET', headers, dispatcher: tls });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
};

describe('the live page', () => {
  it('is served at / of the HTTP and the HTTPS listener, with a same-origin-only CSP', async () => {
    for (const base of [server.url, server.httpsUrl!]) {
      const page = await get(`${base}/`);
      expect(page.status, base).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<base href="/">');
      expect(page.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'");
      const script = await get(`${base}/dashboard/app.js`);
      expect([script.status, script.headers['content-type']]).toEqual([
        200,
        'text/javascript; charset=utf-8',
      ]);
      const style = await get(`${base}/dashboard/app.css`);
      expect([style.status, style.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    }
  });

  it('loads nothing from another origin: no absolute URL, no web font, no remote import in its assets', () => {
    for (const [name, text] of Object.entries(dashboardAssets)) {
      expect(text.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [], name).toEqual([]);
      expect(text, name).not.toMatch(/@font-face|@import/);
    }
  });

  it('answers HEAD without a body, and 405 to other methods', async () => {
    const head = await get(`${server.url}/`, {}, 'HEAD');
    expect([head.status, head.text]).toEqual([200, '']);
    const post = await get(`${server.url}/`, { 'content-type': 'application/json' }, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it("is not served to the service's host names (proxy mode, MSW): / stays MDE's 404", async () => {
    const answer = await server.simulator.handle({
      method: 'GET',
      origin: 'https://api.securitycenter.microsoft.com',
      path: '/',
      query: '',
      headers: { host: 'api.securitycenter.microsoft.com' },
      body: undefined,
    });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'NotFound' } });
  });

  it('works under an express mount: every URL in the page is relative to <base href="/mde/">', async () => {
    const simulator = await createSimulator({ clock: { mode: 'frozen', startAt: START } });
    const app = express();
    app.use('/mde', mdeSimMiddleware(simulator));
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
    try {
      for (const path of ['/mde', '/mde/']) {
        const page = await get(`${base}${path}`);
        expect([page.status, page.text.includes('<base href="/mde/">')], path).toEqual([200, true]);
      }
      expect((await get(`${base}/mde/dashboard/app.js`)).status).toBe(200);
      const tenants = await get(`${base}/mde/_sim/tenants`);
      expect(tenants.status).toBe(200);
      expect(dashboardAssets.html).not.toMatch(/(?:href|src)="\//);
    } finally {
      listener.closeAllConnections();
      await new Promise((resolve) => listener.close(resolve));
      simulator.close();
    }
  });
});

describe('the control routes the page reads', () => {
  const sim = () => server.simulator;
  const unrestrict = async (clientId = SOAR_APP) => {
    const token = await sim().control.mintToken({ tenantId: TENANT, clientId });
    return sim().handle({
      method: 'POST',
      origin: server.url,
      path: `/api/machines/${MACHINE}/unrestrictCodeExecution`,
      query: '',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"Comment":"live page test"}',
    });
  };

  it('GET /_sim/events gives every status with its own simulator time, even across a clock jump', async () => {
    sim().control.reset();
    const before = sim().control.events();
    expect((await unrestrict()).status).toBe(201);
    sim().clock.advance(60_000);
    const res = await get(`${server.url}/_sim/events?after=${before.latest}`);
    const page = JSON.parse(res.text);
    expect(page.events.map((e: { status: string; time: string }) => [e.status, e.time])).toEqual([
      ['Pending', '2026-11-29T10:00:00.000Z'],
      ['InProgress', '2026-11-29T10:00:05.000Z'],
      ['Succeeded', '2026-11-29T10:00:20.000Z'],
    ]);
    expect(page.events[0]).toMatchObject({
      type: 'UnrestrictCodeExecution',
      machineId: MACHINE,
      tenantId: TENANT,
    });
    const next = JSON.parse((await get(`${server.url}/_sim/events?after=${page.latest}`)).text);
    expect(next.events).toEqual([]);
    sim().control.reset();
    expect(sim().control.events().generation).not.toBe(page.generation);
  });

  it('GET /_sim/callers gives each caller its windows in use, remaining budget and 429 record', async () => {
    sim().control.reset();
    sim().control.setRateLimits(TENANT, {
      limits: {
        unrestrictCodeExecution: [
          { limit: 2, windowSeconds: 60 },
          { limit: 10, windowSeconds: 3600 },
        ],
      },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await unrestrict(READER_APP)).status);
    expect(statuses).toEqual([403, 403, 429, 429]);
    const { callers } = JSON.parse((await get(`${server.url}/_sim/callers?tenantId=${TENANT}`)).text);
    expect(callers).toEqual([
      {
        tenantId: TENANT,
        clientId: READER_APP,
        displayName: 'Inventory Reporter',
        operations: [
          {
            operationId: 'unrestrictCodeExecution',
            windows: [
              { limit: 2, windowSeconds: 60, used: 2, remaining: 0 },
              { limit: 10, windowSeconds: 3600, used: 2, remaining: 8 },
            ],
            throttled: 2,
            earlyRetries: 1,
            honouredRetries: 0,
          },
        ],
      },
    ]);
    sim().clock.advance(60_000);
    const later = sim().control.callers(TENANT)[0]!.operations[0]!.windows;
    expect(later.map((w) => w.remaining)).toEqual([2, 8]);
  });

  it('GET /_sim/callers also reads load-test sized windows (limits in the tens of thousands)', async () => {
    sim().control.reset();
    sim().control.setRateLimits(TENANT, {
      limits: { unrestrictCodeExecution: [{ limit: 50_000, windowSeconds: 3600 }] },
    });
    for (let i = 0; i < 3; i++) await unrestrict(READER_APP);
    const windows = sim().control.callers(TENANT)[0]!.operations[0]!.windows;
    expect(windows).toEqual([{ limit: 50_000, windowSeconds: 3600, used: 3, remaining: 49_997 }]);
    sim().clock.advance(3600_000 + 60_000);
    expect(sim().control.callers(TENANT)[0]!.operations[0]!.windows[0]!.used).toBe(0);
  });

  it('keeps successful control reads and page loads out of the journal, but not refusals or writes', async () => {
    sim().control.reset();
    await get(`${server.url}/_sim/tenants`);
    await get(`${server.url}/_sim/events`);
    await get(`${server.url}/`);
    await get(`${server.url}/_sim/tenants`, { host: 'rebind.attacker.example' });
    await request(`${server.url}/_sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advanceMs":1}',
    }).then((r) => r.body.text());
    const journal = sim().control.journal();
    expect(journal.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/_sim/tenants', 403],
      ['POST', '/_sim/clock', 200],
    ]);
  });
});
