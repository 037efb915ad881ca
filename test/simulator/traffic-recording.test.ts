/**
 * Traffic recording over the real HTTP server: bodies are kept only while recording is on, with every secret
 * redacted; `mde-sim pact record` turns the recorded calls into a Pact V4 file with inferred provider states;
 * the journal exports as HAR 1.2; `publicOrigin` writes host-bearing values with the documented host.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPactCommand } from '../../contracts/pact-recorder.ts';
import { createSimulator } from '../../mock/core/simulator.ts';
import {
  MACHINE,
  OFFLINE_MACHINE,
  SOAR_APP,
  startTestServer,
  TENANT,
  type TestServer,
} from '../helpers/sim-server.ts';

// biome-ignore lint/suspicious/noExplicitAny: pact and HAR JSON, read field by field
type Json = any;

const SOAR_SECRET = 'demo-soar-secret~8Qm2vX4kP9tL';
const UNKNOWN_MACHINE = '0000000000000000000000000000000000000001';

let sim: TestServer;
let dir: string;
let accessToken: string;

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await request(`${sim.url}/_sim${path}`, {
    method: method as 'GET',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.statusCode, json: await res.body.json() };
}

async function pactRecord(...args: string[]): Promise<string> {
  const out = new PassThrough();
  let output = '';
  out.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await registerPactCommand(new Command('mde-sim').exitOverride(), { out }).parseAsync(
    ['pact', 'record', ...args],
    {
      from: 'user',
    },
  );
  return output;
}

beforeAll(async () => {
  sim = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'mde-sim-recording-'));
  // Before recording: kept lean, no bodies.
  await sim.call('GET', `/api/machines/${MACHINE}`);
  expect((await control('PUT', '/journal/recording', { enabled: true })).json).toEqual({ enabled: true });

  // A consumer's session: a token from the identity endpoint (a form with the client secret), then its calls.
  const tokenAnswer = await request(`${sim.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: SOAR_APP,
      client_secret: SOAR_SECRET,
      scope: 'https://api.securitycenter.microsoft.com/.default',
    }).toString(),
  });
  accessToken = ((await tokenAnswer.body.json()) as { access_token: string }).access_token;
  const token = { token: accessToken };
  const created = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
    ...token,
    body: { Comment: 'Cleaned by the playbook' },
  });
  expect(created.status).toBe(201);
  await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
    ...token,
    body: { Comment: 'again' },
  });
  await sim.call('GET', `/api/machineactions/${created.json.id}`, token);
  await sim.call('GET', `/api/v1.0/machines/${UNKNOWN_MACHINE}`, token);
  await sim.call('POST', `/api/machines/${OFFLINE_MACHINE}/unrestrictCodeExecution`, {
    token: null,
    body: { Comment: 'no token' },
  });
});
afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('traffic recording', () => {
  it('keeps bodies only while recording is on, and never a secret or a token', async () => {
    const { json } = await control('GET', '/journal');
    const entries = json.entries as {
      path: string;
      exchange?: { requestBody?: string; responseBody: string };
    }[];
    expect(entries[0]?.exchange).toBeUndefined();
    const tokenCall = entries.find((e) => e.path.endsWith('/oauth2/v2.0/token'));
    expect(tokenCall?.exchange?.requestBody).toContain('client_secret=%5Bredacted%5D');
    expect(JSON.parse(tokenCall?.exchange?.responseBody ?? '{}').access_token).toBe('[redacted]');
    const everything = JSON.stringify(json);
    expect(everything).not.toContain(SOAR_SECRET);
    expect(everything).not.toContain(accessToken.split('.')[2]);
    const created = entries.find((e) => e.path.endsWith('/unrestrictCodeExecution'));
    expect(JSON.parse(created?.exchange?.requestBody ?? '{}')).toEqual({
      Comment: 'Cleaned by the playbook',
    });
  });

  it('mde-sim pact record -- <command> records what the command sent to a simulator it starts', async () => {
    // A consumer's integration run in miniature: the variables the wrapper sets, a real token, one action.
    const consumer = join(dir, 'consumer.mjs');
    await writeFile(
      consumer,
      `const e = process.env;
       const t = await fetch(e.MDE_AUTHORITY_HOST + '/' + e.MDE_TENANT_ID + '/oauth2/v2.0/token', { method: 'POST',
         body: new URLSearchParams({ grant_type: 'client_credentials', client_id: e.MDE_CLIENT_ID,
           client_secret: e.MDE_CLIENT_SECRET, scope: 'https://api.securitycenter.microsoft.com/.default' }) });
       const { access_token } = await t.json();
       const r = await fetch(e.MDE_BASE_URL + '/api/machines/${MACHINE}/unrestrictCodeExecution', { method: 'POST',
         headers: { authorization: 'Bearer ' + access_token, 'content-type': 'application/json' },
         body: JSON.stringify({ Comment: 'wrapped' }) });
       if (r.status !== 201) process.exit(5);`,
    );
    const pactFile = join(dir, 'wrapped.json');
    const output = await pactRecord(
      '--consumer',
      'wrapped',
      '--out',
      pactFile,
      '--har',
      join(dir, 'wrapped.har'),
      '--state-dir',
      join(dir, 'wrapped-state'),
      '--',
      process.execPath,
      consumer,
    );
    expect(output).toMatch(/^recording .+ against https:\/\/127\.0\.0\.1:\d+ /);
    expect(output).toContain('wrote 1 interaction(s)');
    expect(process.exitCode ?? 0).toBe(0);
    const text = await readFile(pactFile, 'utf8');
    expect(text).not.toContain(SOAR_SECRET);
    const [interaction] = JSON.parse(text).interactions;
    expect(interaction.description).toBe('unrestrictCodeExecution answered 201');
    expect(interaction.request.body.content).toEqual({ Comment: 'wrapped' });
    const har = JSON.parse(await readFile(join(dir, 'wrapped.har'), 'utf8'));
    expect(har.log.entries.some((e: Json) => e.request.url.endsWith('/oauth2/v2.0/token'))).toBe(true);
  });

  it("mde-sim pact record -- <command> exits with the command's code, the pact written all the same", async () => {
    const pactFile = join(dir, 'failed-run.json');
    const cli = fileURLToPath(new URL('../../mock/server/cli.ts', import.meta.url));
    const args = [
      'pact',
      'record',
      '--consumer',
      'c',
      '--out',
      pactFile,
      '--state-dir',
      join(dir, 'wrapped-state'),
    ];
    const child = spawnSync(
      process.execPath,
      [cli, ...args, '--', process.execPath, '-e', 'process.exit(3)'],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(child.status).toBe(3);
    expect(child.stdout).toContain('exited with 3: the pact holds what it sent until then.');
    expect(JSON.parse(await readFile(pactFile, 'utf8')).interactions).toEqual([]);
  });

  it('mde-sim pact record refuses --url with a command, and a command that does not exist', async () => {
    const out = join(dir, 'never.json');
    await expect(
      pactRecord('--consumer', 'c', '--out', out, '--url', sim.url, '--', process.execPath, '-e', '0'),
    ).rejects.toThrow(/with a command after --, pact record starts its own/);
    await expect(
      pactRecord(
        '--consumer',
        'c',
        '--out',
        out,
        '--state-dir',
        join(dir, 'wrapped-state'),
        '--',
        'no-such-command-mde',
      ),
    ).rejects.toThrow('no-such-command-mde: command not found');
  });

  it('mde-sim pact record writes the API calls as a Pact V4 file with the states they met', async () => {
    const pactFile = join(dir, 'acme.json');
    const harFile = join(dir, 'acme.har');
    const output = await pactRecord(
      '--url',
      sim.url,
      '--consumer',
      'acme-soar',
      '--out',
      pactFile,
      '--har',
      harFile,
    );
    expect(output).toMatch(/^wrote 5 interaction\(s\) to /);
    const pact = JSON.parse(await readFile(pactFile, 'utf8'));
    expect(pact.metadata.pactSpecification.version).toBe('4.0');
    expect(pact.consumer.name).toBe('acme-soar');
    expect(pact.provider.name).toBe('defender-for-endpoint-api');
    const byDescription = new Map(pact.interactions.map((i: Json) => [i.description, i]));
    const created = byDescription.get('unrestrictCodeExecution answered 201') as Json;
    expect(created.providerStates).toEqual([
      { name: 'machine {machineId} exists and is restricted', params: { machineId: MACHINE } },
    ]);
    expect(created.request.headers.Authorization[0]).toMatch(/^Bearer /);
    expect(created.request.headers.Authorization[0]).not.toContain(accessToken.split('.')[1]);
    expect(created.request.body.content).toEqual({ Comment: 'Cleaned by the playbook' });
    expect(created.response.body.content['@odata.context']).toBe(
      'https://api.security.microsoft.com/api/$metadata#MachineActions/$entity',
    );
    expect(created.response.matchingRules.body['$.id'].matchers[0]).toMatchObject({ match: 'regex' });
    expect(created.response.matchingRules.body['$.creationDateTimeUtc'].matchers[0]).toMatchObject({
      match: 'regex',
    });
    expect(created.response.matchingRules.body['$.status'].matchers[0]).toEqual({ match: 'equality' });
    const duplicate = byDescription.get(
      'unrestrictCodeExecution answered 400 ActiveRequestAlreadyExists',
    ) as Json;
    expect(duplicate.providerStates[0].name).toBe(
      'an UnrestrictCodeExecution action is pending on machine {machineId}',
    );
    const read = byDescription.get('getMachineAction answered 200') as Json;
    expect(read.providerStates[0].name).toBe('machine action {actionId} exists');
    expect(read.request.generators.path).toEqual({
      type: 'ProviderState',
      expression: ['/api/machineactions/$', '{actionId}'].join(''),
    });
    const missing = byDescription.get('getMachine answered 404 ResourceNotFound') as Json;
    expect(missing.request.path).toBe(`/api/v1.0/machines/${UNKNOWN_MACHINE}`);
    expect(missing.providerStates[0].name).toBe('machine {machineId} does not exist');
    const refused = byDescription.get('unrestrictCodeExecution answered 401 Unauthorized') as Json;
    expect(refused.request.headers.Authorization).toBeUndefined();
    expect(refused.providerStates).toEqual([
      { name: 'machine {machineId} exists and is restricted', params: { machineId: OFFLINE_MACHINE } },
    ]);
  });

  it('exports the journal as HAR 1.2, redacted like the journal', async () => {
    const harFile = join(dir, 'acme.har');
    const text = await readFile(harFile, 'utf8');
    expect(text).not.toContain(SOAR_SECRET);
    expect(text).not.toContain(accessToken.split('.')[2]);
    const har = JSON.parse(text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('mde-sim');
    const journal = (await control('GET', '/journal')).json.entries;
    // The HAR holds every entry up to the export (the exports themselves, successful control reads, are
    // not journaled).
    expect(har.log.entries.length).toBeGreaterThanOrEqual(7);
    expect(journal.length).toBeGreaterThanOrEqual(har.log.entries.length);
    for (const entry of har.log.entries) {
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.request).toMatchObject({
        method: expect.any(String),
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: expect.any(Array),
        queryString: expect.any(Array),
        headersSize: -1,
        bodySize: expect.any(Number),
      });
      expect(entry.response).toMatchObject({
        status: expect.any(Number),
        statusText: expect.any(String),
        httpVersion: 'HTTP/1.1',
        content: { size: expect.any(Number), mimeType: expect.any(String) },
        redirectURL: '',
        headersSize: -1,
      });
      expect(entry.timings).toMatchObject({ send: 0, wait: expect.any(Number), receive: 0 });
    }
    const tokenCall = har.log.entries.find((e: Json) => e.request.url.endsWith('/oauth2/v2.0/token'));
    expect(tokenCall.request.postData).toMatchObject({
      mimeType: 'application/x-www-form-urlencoded',
      text: expect.stringContaining('client_secret=%5Bredacted%5D'),
    });
  });

  it('answers a pact request without a consumer with a clear 400', async () => {
    const { status, json } = await control('GET', '/journal/pact');
    expect(status).toBe(400);
    expect(json.error.message).toMatch(/consumer/);
  });
});

describe('publicOrigin', () => {
  it('writes @odata.context with the public origin whatever host was called', async () => {
    const simulator = await createSimulator({
      clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
      publicOrigin: 'https://api.security.microsoft.com',
    });
    const token = await simulator.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
    const answer = await simulator.handle({
      method: 'GET',
      origin: 'http://127.0.0.1:5080',
      path: `/api/machines/${MACHINE}`,
      query: '',
      headers: { authorization: `Bearer ${token}` },
      body: undefined,
    });
    expect(JSON.parse(answer.body)['@odata.context']).toBe(
      'https://api.security.microsoft.com/api/$metadata#Machines/$entity',
    );
    simulator.close();
  });

  it('refuses a value that is not an origin, naming the option', async () => {
    await expect(createSimulator({ publicOrigin: 'https://api.security.microsoft.com/api' })).rejects.toThrow(
      /publicOrigin must be an origin/,
    );
    await expect(createSimulator({ publicOrigin: 'not a url' })).rejects.toThrow(TypeError);
  });
});
