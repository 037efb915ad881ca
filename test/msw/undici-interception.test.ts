/**
 * Which Node HTTP clients MSW sees, pinned against a real server on 127.0.0.1:0 (nothing leaves the machine):
 * msw/node's `setupServer` (3.0.5) answers global fetch and node:http but lets undici's `request` through to the
 * network, which is what the project's client uses; the socket-level server answers all of them. When the first
 * test fails, msw/node covers undici and mde-sim/msw/node can become a re-export of it.
 */
import nodeHttp, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupSocketLevelServer } from '../../mock/msw/node.ts';

let real: Server;
let url: string;
const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });

beforeAll(async () => {
  real = nodeHttp.createServer((_req, res) => res.end('real'));
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await agent.close();
  real.closeAllConnections();
  await new Promise((resolve) => real.close(resolve));
});

/** What each client reads from `url`: 'mocked' when MSW answered, 'real' when the request escaped. */
async function readEach(): Promise<Record<string, string>> {
  const viaHttp = await new Promise<string>((resolve, reject) => {
    // Through the module object, as libraries call it (msw patches `request` there).
    nodeHttp
      .request(`${url}/x`, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve(body));
      })
      .on('error', reject)
      .end();
  });
  return {
    fetch: await (await fetch(`${url}/x`)).text(),
    'node:http': viaHttp,
    'undici.request': await (await request(`${url}/x`, { dispatcher: agent })).body.text(),
  };
}

const mocked = [http.all(`http://127.0.0.1:*/*`, () => HttpResponse.text('mocked'))];

describe('MSW interception of Node HTTP clients', () => {
  it("msw/node's setupServer answers fetch and node:http, but undici.request escapes it", async () => {
    const server = setupServer(...mocked);
    server.listen({ onUnhandledFrame: 'error' });
    try {
      expect(await readEach()).toEqual({ fetch: 'mocked', 'node:http': 'mocked', 'undici.request': 'real' });
    } finally {
      server.close();
    }
  });

  it('the socket-level server answers all three, undici.request included', async () => {
    const server = setupSocketLevelServer(...mocked);
    server.listen({ onUnhandledFrame: 'error' });
    try {
      expect(await readEach()).toEqual({
        fetch: 'mocked',
        'node:http': 'mocked',
        'undici.request': 'mocked',
      });
    } finally {
      server.close();
    }
  });
});
