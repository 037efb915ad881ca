/**
 * A real simulator server on 127.0.0.1:0 with a frozen clock, and a tiny undici caller, for integration
 * tests. Tokens come from the simulator's own issuer (minted through the control surface).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { DEMO_TENANT_ID } from '../../mock/core/demo-tenant.ts';
import type { SimulatorOptions } from '../../mock/core/simulator.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';

export const TENANT = DEMO_TENANT_ID;
export const SOAR_APP = '5b0c3f7e-2a41-4d8b-9e6c-0f1a2b3c4d5e';
export const READER_APP = '8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190';
export const CONSOLE_APP = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
/** Restricted, online, Workstations. */
export const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
export const SERVER_MACHINE = '556b3952acb0bff29816d267822305781cc183ec';
export const OFFLINE_MACHINE = '7b1f4967d9728e5aa3c06a9e617a22a4a5a17378';
export const FAILING_MACHINE = 'c3a8e21f9d0b47f65e1a2c3d4b5e6f708192a3b4';
export const START = '2026-11-29T10:00:00Z';

/** A second tenant to seed through the control API (one app, one machine). */
export const FABRIKAM = {
  id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  domain: 'fabrikam.onmicrosoft.com',
  displayName: 'Fabrikam',
  apps: [
    {
      clientId: '11112222-3333-4444-8555-666677778888',
      displayName: 'Fab SOAR',
      clientSecret: 's3cret',
      roles: ['Machine.RestrictExecution'],
    },
  ],
  users: [],
  machines: [
    { id: 'aaaabbbbccccddddeeeeffff0000111122223333', computerDnsName: 'fab-01', sim: { restricted: true } },
  ],
};

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  token(options?: { clientId?: string; user?: string; claims?: Record<string, unknown> }): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { body?: string | object; token?: string | null; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });

export async function startTestServer(options: SimulatorOptions = {}): Promise<TestServer> {
  const server = await startServer({
    port: 0,
    httpsPort: null,
    stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-test-')),
    simulator: { clock: { mode: 'frozen', startAt: START }, seed: 'test', ...options },
  });
  // The SOAR app's token, re-minted when the (virtual) clock nears its expiry or was set back before it was issued.
  let defaultToken = '';
  let mintedAt = Number.NEGATIVE_INFINITY;
  const currentToken = async () => {
    const now = server.simulator.clock.now();
    if (now < mintedAt || now - mintedAt > 3_000_000) {
      defaultToken = await server.simulator.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
      mintedAt = now;
    }
    return defaultToken;
  };
  return {
    server,
    url: server.url,
    token: (o = {}) =>
      server.simulator.control.mintToken({
        tenantId: TENANT,
        clientId: o.clientId ?? SOAR_APP,
        ...(o.user === undefined ? {} : { user: o.user }),
        ...(o.claims === undefined ? {} : { claims: o.claims }),
      }),
    async call(method, path, o = {}) {
      const token = o.token === undefined ? await currentToken() : o.token;
      const headers: Record<string, string> = { ...o.headers };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (o.body !== undefined) {
        body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await request(`${server.url}${path}`, {
        method: method as 'GET',
        headers,
        body: body ?? null,
        dispatcher: agent,
      });
      const text = await res.body.text();
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.statusCode, headers: res.headers as Record<string, string>, text, json };
    },
    close: () => server.close(),
  };
}
