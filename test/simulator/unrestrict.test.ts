import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MACHINE, OFFLINE_MACHINE, START, startTestServer, type TestServer } from '../helpers/sim-server.ts';

// Key order of the only recorded UnrestrictCodeExecution 201 (payload 01, mde-api.md §2).
const WIRE_KEYS = [
  '@odata.context',
  'id',
  'type',
  'title',
  'requestor',
  'requestorComment',
  'status',
  'machineId',
  'computerDnsName',
  'creationDateTimeUtc',
  'lastUpdateDateTimeUtc',
  'cancellationRequestor',
  'cancellationComment',
  'cancellationDateTimeUtc',
  'errorHResult',
  'scope',
  'externalId',
  'requestSource',
  'relatedFileInfo',
  'commands',
  'troubleshootInfo',
];
const unrestrict = `/api/machines/${MACHINE}/unrestrictCodeExecution`;

let sim: TestServer;
beforeAll(async () => {
  sim = await startTestServer();
});
afterAll(() => sim.close());
afterEach(() => {
  sim.server.simulator.control.reset();
  sim.server.simulator.control.setClock(START);
});

describe('POST /api/machines/{id}/unrestrictCodeExecution', () => {
  it('answers 201 with a Pending MachineAction in the recorded field order and formats', async () => {
    const res = await sim.call('POST', unrestrict, { body: { Comment: 'Machine cleaned and validated' } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json)).toEqual(WIRE_KEYS);
    expect(res.json).toMatchObject({
      '@odata.context': `${sim.url}/api/$metadata#MachineActions/$entity`,
      type: 'UnrestrictCodeExecution',
      title: null,
      requestor: 'SOAR Playbook Automation',
      requestorComment: 'Machine cleaned and validated',
      status: 'Pending',
      machineId: MACHINE,
      computerDnsName: 'fin-laptop-017.contoso-demo.local',
      errorHResult: 0,
      requestSource: 'PublicApi',
      commands: [],
      troubleshootInfo: null,
    });
    expect(res.json.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.json.creationDateTimeUtc).toBe('2026-11-29T10:00:00Z');
    expect(res.json.lastUpdateDateTimeUtc).toMatch(/^2026-11-29T10:00:00\.000\d{0,3}[1-9]Z$/);
    expect(res.headers['content-type']).toBe(
      'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
    );
    expect(res.headers['odata-version']).toBe('4.0');
    expect(res.headers['mise-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers).not.toHaveProperty('strict-transport-security'); // plain HTTP: no HSTS
  });

  it('answers the versioned path /api/v1.0/... exactly like /api/...', async () => {
    const res = await sim.call('POST', `/api/v1.0/machines/${MACHINE}/unrestrictCodeExecution`, {
      body: { Comment: 'v1.0' },
    });
    expect(res.status).toBe(201);
    expect(res.json.type).toBe('UnrestrictCodeExecution');
  });

  it('answers 400 ActiveRequestAlreadyExists while an unrestrict is pending on the machine', async () => {
    await sim.call('POST', unrestrict, { body: { Comment: 'first' } });
    const res = await sim.call('POST', unrestrict, { body: { Comment: 'second' } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toMatch(
      /^\{"error":\{"code":"ActiveRequestAlreadyExists","message":"Action is already in progress","target":"\|[0-9a-f]{8}-[0-9a-f]{16}\."\}\}$/,
    );
  });

  it('lets a restrict and an unrestrict be pending on the same machine at once', async () => {
    expect((await sim.call('POST', unrestrict, { body: { Comment: 'a' } })).status).toBe(201);
    const restrict = await sim.call('POST', `/api/machines/${MACHINE}/restrictCodeExecution`, {
      body: { Comment: 'b' },
    });
    expect(restrict.status).toBe(201);
    expect(restrict.json.type).toBe('RestrictCodeExecution');
  });

  it.each([
    [
      'a lower-case comment key',
      '{"comment":"x"}',
      'MissingRequiredParameter',
      'Parameter Comment is missing.',
    ],
    ['no Comment', '{}', 'MissingRequiredParameter', 'Parameter Comment is missing.'],
    ['an empty Comment', '{"Comment":""}', 'InvalidInput', 'Invalid input Comment.'],
    ['a number Comment', '{"Comment":42}', 'InvalidRequestBody', 'Request body is incorrect'],
    ['unparsable JSON', '{"Comment":', 'InvalidRequestBody', 'Request body is incorrect'],
    ['an array body', '["Comment"]', 'InvalidRequestBody', 'Request body is incorrect'],
    ['a JSON string body', '"Comment"', 'InvalidRequestBody', 'Request body is incorrect'],
    ['no body at all', '', 'InvalidRequestBody', 'Request body is incorrect'],
  ])('answers 400 for %s', async (_name, body, code, message) => {
    const res = await sim.call('POST', unrestrict, { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code, message });
    expect(sim.server.simulator.control.actions(sim.server.simulator.control.tenants()[0]!.id)).toHaveLength(
      0,
    );
  });

  it('answers 405 with an empty body and Allow: POST to another method on an action path', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await sim.call(method, unrestrict);
      expect(res.status).toBe(405);
      expect(res.text).toBe('');
      expect(res.headers.allow).toBe('POST');
    }
  });

  it('answers 404 ResourceNotFound for an unknown machine id', async () => {
    const unknown = '0000000000000000000000000000000000000000';
    const res = await sim.call('POST', `/api/machines/${unknown}/unrestrictCodeExecution`, {
      body: { Comment: 'x' },
    });
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({
      code: 'ResourceNotFound',
      message: `Machine ${unknown} was not found`,
    });
  });

  it('answers 404 in the MDE envelope for an unknown route', async () => {
    const res = await sim.call('GET', '/api/nosuchthing');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NotFound');
  });

  it('gives exactly one 201 and 49 × 400 to 50 concurrent unrestricts on one machine', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => sim.call('POST', unrestrict, { body: { Comment: `race ${i}` } })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(49);
    expect(
      answers
        .filter((a) => a.status === 400)
        .every((a) => a.json.error.code === 'ActiveRequestAlreadyExists'),
    ).toBe(true);
  });

  it('keeps serving after hostile input (huge, binary, deeply nested bodies)', async () => {
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const body of [nested, '\u0000\u0001\u0002', `{"Comment":"${'x'.repeat(200_000)}"}`]) {
      const res = await sim.call('POST', `/api/machines/${OFFLINE_MACHINE}/unrestrictCodeExecution`, {
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBeLessThan(500);
    }
    expect((await sim.call('POST', unrestrict, { body: { Comment: 'still alive' } })).status).toBe(201);
  });
});

describe('duplicate policy return-pending', () => {
  it('answers 201 with the existing pending action, unchanged', async () => {
    const other = await startTestServer({ duplicatePolicy: 'return-pending' });
    try {
      const first = await other.call('POST', unrestrict, { body: { Comment: 'first' } });
      const second = await other.call('POST', unrestrict, { body: { Comment: 'second' } });
      expect(second.status).toBe(201);
      expect(second.json).toEqual(first.json);
    } finally {
      await other.close();
    }
  });
});
