/**
 * The simulator as a hostile tester meets it: claims of the wrong type, the control API reached from a
 * web page (DNS rebinding, CSRF), a control token, pipelined garbage, secrets in query strings, huge comments.
 */
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../mock/core/simulator.ts';
import { startServer } from '../../mock/server/server.ts';
import { MACHINE, START, startTestServer, TENANT, type TestServer } from '../helpers/sim-server.ts';

let sim: TestServer;
beforeAll(async () => {
  sim = await startTestServer();
});
afterAll(() => sim.close());
afterEach(() => {
  sim.server.simulator.control.reset();
  sim.server.simulator.control.setClock(START);
});

describe('token claims are checked by type', () => {
  let core: Simulator;
  beforeAll(async () => {
    core = await createSimulator({
      clock: { mode: 'frozen', startAt: START },
      seed: 'claims',
      rateLimits: false,
    });
  });

  const call = async (token: string, method: string, path: string, body?: object) =>
    core.handle({
      method,
      origin: 'https://api.security.microsoft.com',
      path,
      query: '',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses a string roles claim with 401 instead of matching it as a substring (was 201)', async () => {
    const token = await core.control.mintToken({
      tenantId: TENANT,
      claims: { roles: 'NotMachine.RestrictExecutionAtAll' },
    });
    const unrestrict = await call(token, 'POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      Comment: 'forged',
    });
    expect(unrestrict.status).toBe(401);
    expect(JSON.parse(unrestrict.body).error.code).toBe('Unauthorized');
    expect((await call(token, 'GET', '/api/machineactions')).status).toBe(401); // was 500
  });

  // Every claim the simulator reads, with values of every other JSON type: each token is one Entra ID
  // would never issue, so every API call with it is a 401, never a 2xx, 403 or 500.
  const readClaims: Record<string, 'string' | 'number' | 'string[]'> = {
    aud: 'string',
    iss: 'string',
    tid: 'string',
    exp: 'number',
    nbf: 'number',
    iat: 'number',
    appid: 'string',
    azp: 'string',
    oid: 'string',
    app_displayname: 'string',
    roles: 'string[]',
    scp: 'string',
    upn: 'string',
    unique_name: 'string',
  };
  const wrongTypeFor = (type: string) =>
    fc.oneof(
      ...(type === 'string' ? [] : [fc.string()]),
      ...(type === 'number' ? [] : [fc.double({ noNaN: true, noDefaultInfinity: true })]),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      type === 'string[]'
        ? fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())), {
            minLength: 1,
            maxLength: 3,
          })
        : fc.array(fc.string(), { maxLength: 3 }),
    );

  it('answers 401 to tokens whose claims have the wrong type, for every claim it reads (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...Object.keys(readClaims))
          .chain((claim) => fc.tuple(fc.constant(claim), wrongTypeFor(readClaims[claim]!))),
        async ([claim, value]) => {
          const token = await core.control.mintToken({ tenantId: TENANT, claims: { [claim]: value } });
          const answers = await Promise.all([
            call(token, 'POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, { Comment: 'typed' }),
            call(token, 'GET', '/api/machineactions'),
            call(token, 'GET', `/api/machines/${MACHINE}`),
          ]);
          expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
        },
      ),
      { numRuns: 120, seed: 20261201 },
    );
  });
});

describe('the control API is a door (DNS rebinding, CSRF)', () => {
  const control = (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) =>
    sim.call(init.method ?? 'GET', `/_sim${path}`, {
      token: null,
      ...(init.headers === undefined ? {} : { headers: init.headers }),
      ...(init.body === undefined ? {} : { body: init.body }),
    });

  it('refuses a foreign Host (DNS rebinding) with 403, and lists no secrets', async () => {
    const res = await control('/tenants', { headers: { host: 'attacker.example' } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('HostNotAllowed');
    expect(res.text).not.toContain('demo-soar-secret');
  });

  it('answers loopback names and the names a server adds with --public-host', async () => {
    for (const host of ['127.0.0.1:5080', 'localhost', '[::1]:80']) {
      expect((await control('/clock', { headers: { host } })).status).toBe(200);
    }
    const server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-security-')),
      publicHosts: ['sim.lab.example'],
      simulator: { clock: { mode: 'frozen', startAt: START } },
    });
    try {
      const ask = (host: string) => request(`${server.url}/_sim/clock`, { headers: { host } });
      expect((await ask('sim.lab.example:5080')).statusCode).toBe(200);
      expect((await ask('other.lab.example:5080')).statusCode).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('refuses a cross-origin form post (text/plain, foreign Origin) and a cross-site fetch', async () => {
    const fault = JSON.stringify({ effect: { kind: 'status', status: 500 }, count: 1 });
    const csrf = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: fault,
    });
    expect(csrf.status).toBe(403);
    expect(csrf.json.error.code).toBe('CrossOriginRefused');
    const plain = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: fault,
    });
    expect(plain.status).toBe(415);
    const form = await control('/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const site = await control('/reset', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    expect(sim.server.simulator.control.faults()).toEqual([]);
  });

  it('accepts curl-style calls: no Origin, no body (POST /_sim/reset), or a JSON body from the same origin', async () => {
    expect((await control('/reset', { method: 'POST' })).status).toBe(200);
    const sameOrigin = await control('/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: sim.url },
      body: JSON.stringify({ advanceMs: 1000 }),
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('leaves the MDE API and the token endpoint alone: they answer any Host and Origin as the service does', async () => {
    const res = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      headers: { host: 'api.security.microsoft.com', origin: 'https://evil.example' },
      body: { Comment: 'from anywhere' },
    });
    expect(res.status).toBe(201);
  });

  it('requires the control token when one is set, in either header, and never shows it in the journal', async () => {
    const token = 'a-control-token-of-some-length';
    const server = await startServer({
      port: 0,
      httpsPort: null,
      stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-security-')),
      controlToken: token,
      simulator: { clock: { mode: 'frozen', startAt: START } },
    });
    try {
      const without = await fetch(`${server.url}/_sim/tenants`);
      expect(without.status).toBe(401);
      expect(((await without.json()) as { error: { code: string } }).error.code).toBe('ControlTokenRequired');
      expect(
        (
          await fetch(`${server.url}/_sim/tenants`, {
            headers: { authorization: 'Bearer wrong-token-xxxxxxxx' },
          })
        ).status,
      ).toBe(401);
      expect(
        (await fetch(`${server.url}/_sim/tenants`, { headers: { authorization: `Bearer ${token}` } })).status,
      ).toBe(200);
      const journal = await fetch(`${server.url}/_sim/journal`, {
        headers: { 'x-mde-sim-control-token': token },
      });
      expect(journal.status).toBe(200);
      expect(await journal.text()).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('refuses to listen beyond loopback unless asked to (allowRemote)', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, httpsPort: null })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0: .* Pass --allow-remote/,
    );
  });
});

describe('transport and inputs', () => {
  it('answers every valid request pipelined before a malformed one (was: all dropped)', async () => {
    const port = new URL(sim.url).port;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        'GET /_sim/clock HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' +
          'GET /_sim/tenants HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' +
          'NOT HTTP AT ALL\r\n\r\n',
      );
    });
    const statusLines = raw.split('\r\n').filter((line) => line.startsWith('HTTP/1.1 '));
    expect(statusLines).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 400 Bad Request']);
  });

  it('redacts credentials in query strings in the journal, keeping the other parameters', async () => {
    await sim.call('GET', `/api/machineactions?access_token=SECRET1&$top=1`);
    await sim.call('POST', `/${TENANT}/oauth2/v2.0/token?client_secret=SECRET2&x=1`, {
      token: null,
      body: 'grant_type=client_credentials',
    });
    await sim.call('GET', `/api/machines?code=SECRET3&my_refresh_token=SECRET4&password=SECRET5`);
    const journal = JSON.stringify(sim.server.simulator.control.journal());
    for (const secret of ['SECRET1', 'SECRET2', 'SECRET3', 'SECRET4', 'SECRET5'])
      expect(journal).not.toContain(secret);
    expect(journal).toContain('access_token=[redacted]&$top=1');
    expect(journal).toContain('client_secret=[redacted]&x=1');
  });

  it('answers a Comment over 4000 characters 400 InvalidInput and stores nothing (4000 is fine)', async () => {
    const long = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      body: { Comment: 'x'.repeat(4001) },
    });
    expect(long.status).toBe(400);
    expect(long.json.error).toMatchObject({ code: 'InvalidInput', message: 'Invalid input Comment.' });
    expect(sim.server.simulator.control.actions(TENANT)).toHaveLength(0);
    const max = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      body: { Comment: 'x'.repeat(4000) },
    });
    expect(max.status).toBe(201);
  });

  it('keeps the clock usable after absurd moves: refused with 400, never a 500 afterwards', async () => {
    const c = sim.server.simulator.control;
    expect(() => c.advanceClock(1e308)).toThrow(/advanceMs must be <=/);
    expect(() => c.setClock(8.64e15)).toThrow();
    expect((await sim.call('GET', '/_sim/clock', { token: null })).status).toBe(200);
    expect((await sim.call('GET', '/_sim/journal', { token: null })).status).toBe(200);
  });
});
