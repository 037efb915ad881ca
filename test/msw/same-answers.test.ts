/**
 * The hosts add no behaviour: one scenario (token, unrestrict, duplicate, bad body, unknown machine,
 * wrong method, get, list, cancel, 403) runs against the standalone server and an express app mounting the
 * adapter, over real HTTP on 127.0.0.1, and against the MSW handlers on the real hosts, each from a fresh simulator with the same seed and frozen clock.
 * Statuses, the headers clients read and the bodies must match once what legitimately differs (signing keys,
 * the origin in `@odata.context`) is normalised; ids, timestamps and correlation ids are normalised too, so a
 * mismatch means behaviour, not bookkeeping.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { setupServer } from 'msw/node';
import { Agent, request } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../../mock/core/simulator.ts';
import type { SimulatorOptions } from '../../mock/index.ts';
import { createMdeHandlers } from '../../mock/msw/index.ts';
import { mdeSimMiddleware } from '../../mock/server/express.ts';
import { startServer } from '../../mock/server/server.ts';
import { MACHINE, READER_APP, SOAR_APP, START, TENANT } from '../helpers/sim-server.ts';

const UNKNOWN_MACHINE = 'ffffffffffffffffffffffffffffffffffffffff';
const COMPARED_HEADERS = ['content-type', 'odata-version', 'allow', 'retry-after'] as const;
const simulatorOptions = (): SimulatorOptions => ({
  clock: { mode: 'frozen', startAt: START },
  seed: 'same-answers',
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sends one request to the API or the login host and reads the answer. */
type Send = (
  host: 'api' | 'login',
  method: string,
  path: string,
  options?: { token?: string; body?: string; contentType?: string },
) => Promise<Answer>;

interface Step {
  name: string;
  run(send: Send, state: Map<string, string>): Promise<Answer>;
}

function tokenRequest(clientId: string, clientSecret: string) {
  return new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    scope: 'https://api.securitycenter.microsoft.com/.default',
  }).toString();
}

const form = 'application/x-www-form-urlencoded';
const unrestrict = (machine: string) => `/api/machines/${machine}/unrestrictCodeExecution`;

/** The scenario: each step may read what earlier ones kept (`token`, `actionId`). */
const scenario: Step[] = [
  {
    name: 'token (client credentials, SOAR app)',
    async run(send, state) {
      const answer = await send('login', 'POST', `/${TENANT}/oauth2/v2.0/token`, {
        body: tokenRequest(SOAR_APP, 'demo-soar-secret~8Qm2vX4kP9tL'),
        contentType: form,
      });
      state.set('token', (answer.body as { access_token: string }).access_token);
      return answer;
    },
  },
  {
    name: 'unrestrict 201',
    async run(send, state) {
      const answer = await send('api', 'POST', unrestrict(MACHINE), {
        token: state.get('token')!,
        body: JSON.stringify({ Comment: 'Machine cleaned and validated' }),
      });
      state.set('actionId', (answer.body as { id: string }).id);
      return answer;
    },
  },
  {
    name: 'duplicate unrestrict 400',
    run: (send, state) =>
      send('api', 'POST', unrestrict(MACHINE), {
        token: state.get('token')!,
        body: JSON.stringify({ Comment: 'again' }),
      }),
  },
  {
    name: 'bad body 400',
    run: (send, state) =>
      send('api', 'POST', unrestrict(MACHINE), { token: state.get('token')!, body: '{"Comment":' }),
  },
  {
    name: 'unknown machine 404',
    run: (send, state) =>
      send('api', 'POST', unrestrict(UNKNOWN_MACHINE), {
        token: state.get('token')!,
        body: JSON.stringify({ Comment: 'who?' }),
      }),
  },
  {
    name: 'wrong method 405',
    run: (send, state) => send('api', 'GET', unrestrict(MACHINE), { token: state.get('token')! }),
  },
  {
    name: 'get action 200',
    run: (send, state) =>
      send('api', 'GET', `/api/machineactions/${state.get('actionId')}`, { token: state.get('token')! }),
  },
  {
    name: 'list actions 200',
    run: (send, state) =>
      send('api', 'GET', `/api/machineactions?$filter=machineId eq '${MACHINE}'`, {
        token: state.get('token')!,
      }),
  },
  {
    name: 'cancel 200',
    run: (send, state) =>
      send('api', 'POST', `/api/machineactions/${state.get('actionId')}/cancel`, {
        token: state.get('token')!,
        body: JSON.stringify({ Comment: 'changed my mind' }),
      }),
  },
  {
    name: 'Inventory Reporter unrestrict 403',
    async run(send) {
      const token = await send('login', 'POST', `/${TENANT}/oauth2/v2.0/token`, {
        body: tokenRequest(READER_APP, 'demo-reporter-secret~3Zr7nB1wH6sD'),
        contentType: form,
      });
      return send('api', 'POST', unrestrict(MACHINE), {
        token: (token.body as { access_token: string }).access_token,
        body: JSON.stringify({ Comment: 'not allowed' }),
      });
    },
  },
];

async function runScenario(send: Send): Promise<Array<Answer & { step: string }>> {
  const state = new Map<string, string>();
  const answers: Array<Answer & { step: string }> = [];
  for (const step of scenario) answers.push({ step: step.name, ...(await step.run(send, state)) });
  return answers;
}

function pickHeaders(get: (name: string) => string | null | undefined): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = get(name);
    if (value !== null && value !== undefined) picked[name] = value;
  }
  return picked;
}

function parse(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g;
/** MDE's correlation id in an error's `target`: `|6478cb85-be00a4bfd8fbc646.` */
const CORRELATION = /^\|[0-9a-f]{8}-[0-9a-f]{16}\.$/;

/**
 * Replaces what may legitimately differ: GUIDs other than the seeded tenant and apps become `<guid:n>` in order
 * of appearance (so a reused id stays recognisably the same), timestamps `<time>`, correlation ids
 * `<correlation>`, the origin of
 * `@odata.context` `<origin>`, and an access token its normalised claims (the signing keys differ).
 */
function normalise(answers: Array<Answer & { step: string }>): unknown {
  const seeded = new Set([TENANT, SOAR_APP, READER_APP]);
  const guids = new Map<string, string>();
  const text = (value: string) =>
    value
      .replace(GUID, (id) => {
        if (seeded.has(id.toLowerCase())) return id;
        if (!guids.has(id)) guids.set(id, `<guid:${guids.size}>`);
        return guids.get(id)!;
      })
      .replace(TIMESTAMP, '<time>');
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      if (CORRELATION.test(value)) return '<correlation>';
      if (key === '@odata.context') return text(value.replace(/^https?:\/\/[^/]+/, '<origin>'));
      if (key === 'access_token') {
        return walk(JSON.parse(Buffer.from(value.split('.')[1]!, 'base64url').toString('utf8')));
      }
      return text(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(answers);
}

/** A sender over real HTTP on 127.0.0.1 (the standalone server or an express app). */
function overHttp(base: string): Send {
  const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
  return async (_host, method, path, options = {}) => {
    const res = await request(`${base}${path}`, {
      method: method as 'GET',
      dispatcher: agent,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
      },
      body: options.body ?? null,
    });
    const headers = res.headers;
    return {
      status: res.statusCode,
      headers: pickHeaders((name) => {
        const value = headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      }),
      body: parse(await res.body.text()),
    };
  };
}

describe('the MSW handlers, the standalone server and the express adapter give the same answers', () => {
  let viaServer: Array<Answer & { step: string }>;
  let viaExpress: Array<Answer & { step: string }>;
  let viaMsw: Array<Answer & { step: string }>;

  beforeAll(async () => {
    const server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-same-answers-')),
      simulator: simulatorOptions(),
    });
    try {
      viaServer = await runScenario(overHttp(server.url));
    } finally {
      await server.close();
    }

    // The express adapter, mounted in an app of its own, must not change a byte either.
    // Mounted before any body parser, as the README says: a parser upstream answers bad JSON itself.
    const app = express();
    app.use(mdeSimMiddleware(await createSimulator(simulatorOptions())));
    const listening = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    try {
      viaExpress = await runScenario(
        overHttp(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`),
      );
    } finally {
      await new Promise<void>((resolve) => {
        listening.close(() => resolve());
        listening.closeAllConnections();
      });
    }

    const mde = await createMdeHandlers(simulatorOptions());
    const msw = setupServer(...mde.handlers);
    msw.listen({ onUnhandledFrame: 'error' });
    try {
      const origins = {
        api: 'https://api.security.microsoft.com',
        login: 'https://login.microsoftonline.com',
      };
      viaMsw = await runScenario(async (host, method, path, options = {}) => {
        const res = await fetch(`${origins[host]}${path}`, {
          method,
          headers: {
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.body === undefined
              ? {}
              : { 'content-type': options.contentType ?? 'application/json' }),
          },
          ...(options.body === undefined ? {} : { body: options.body }),
        });
        return {
          status: res.status,
          headers: pickHeaders((name) => res.headers.get(name)),
          body: parse(await res.text()),
        };
      });
    } finally {
      msw.close();
      mde.simulator.close();
    }
  });

  it('covers every outcome of the scenario', () => {
    expect(viaServer.map((a) => `${a.status} ${a.step}`)).toEqual([
      '200 token (client credentials, SOAR app)',
      '201 unrestrict 201',
      '400 duplicate unrestrict 400',
      '400 bad body 400',
      '404 unknown machine 404',
      '405 wrong method 405',
      '200 get action 200',
      '200 list actions 200',
      '200 cancel 200',
      '403 Inventory Reporter unrestrict 403',
    ]);
    expect(viaServer.find((a) => a.status === 405)?.headers.allow).toBe('POST');
  });

  it('answers identically: status, content-type, odata-version, allow, retry-after and body', () => {
    expect(normalise(viaMsw)).toEqual(normalise(viaServer));
    expect(normalise(viaExpress)).toEqual(normalise(viaServer));
  });

  it('differs only in what the normalisation removes (the origin, the signing keys)', () => {
    const context = (answers: typeof viaMsw) => {
      const list = answers.find((a) => a.step === 'list actions 200');
      return (list?.body as { '@odata.context'?: string } | undefined)?.['@odata.context'];
    };
    expect(context(viaMsw)).toMatch(/^https:\/\/api\.security\.microsoft\.com\/api\/\$metadata#/);
    expect(context(viaServer)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/\$metadata#/);
  });
});
