/**
 * Every answer the simulator can give, for every operation × status the spec declares, is produced
 * here and validated against the spec (body schema and headers) with openapi-backend's validators.
 * The coverage check at the end fails if the spec declares a status no scenario produced, or if a
 * scenario produced a status the spec does not declare.
 */

import type { OpenAPIBackend } from 'openapi-backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../mock/core/api-routes.ts';
import { createSimulator, type Simulator } from '../../mock/core/simulator.ts';
import type { SimResponse } from '../../mock/core/types.ts';
import { spec } from '../../openapi/index.ts';
import { expectDeclaredStatusesProduced } from '../helpers/conformance.ts';
import {
  CONSOLE_APP,
  MACHINE,
  READER_APP,
  SERVER_MACHINE,
  SOAR_APP,
  START,
  TENANT,
} from '../helpers/sim-server.ts';

interface Produced {
  operationId: string;
  scenario: string;
  method: string;
  path: string;
  response: SimResponse;
}

const produced: Produced[] = [];
let sim: Simulator;
let backend: OpenAPIBackend;

async function send(
  operationId: string,
  scenario: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null } = {},
) {
  const [p, q = ''] = path.split('?');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await sim.handle({
    method,
    origin: 'https://api.security.microsoft.com',
    path: p!,
    query: q,
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  produced.push({ operationId, scenario, method, path, response });
  return response;
}

beforeAll(async () => {
  // The simulator's own openapi-backend instance (built once per spec), whose response validators compile
  // on first use: the answers are checked against the same compiled document the simulator routes with.
  backend = (await createApiRouter(spec)).backend;

  sim = await createSimulator({ clock: { mode: 'frozen', startAt: START }, seed: 'conformance' });
  const c = sim.control;
  const soar = await c.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
  const reader = await c.mintToken({ tenantId: TENANT, clientId: READER_APP });
  const noRoles = await c.mintToken({ tenantId: TENANT, clientId: CONSOLE_APP });
  const unknownGuid = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
  const unknownMachine = '0000000000000000000000000000000000000000';
  const actionPaths = {
    unrestrictCodeExecution: `/api/machines/${MACHINE}/unrestrictCodeExecution`,
    restrictCodeExecution: `/api/machines/${MACHINE}/restrictCodeExecution`,
  };

  for (const [op, path] of Object.entries(actionPaths)) {
    const created = await send(op, 'created', 'POST', path, { body: { Comment: 'ok' }, token: soar });
    await send(op, 'duplicate', 'POST', path, { body: { Comment: 'again' }, token: soar });
    await send(op, 'missing Comment', 'POST', path, { body: {}, token: soar });
    await send(op, 'empty Comment', 'POST', path, { body: { Comment: '' }, token: soar });
    await send(op, 'bad JSON', 'POST', path, { body: '{', token: soar });
    await send(op, 'no token', 'POST', path, { body: { Comment: 'x' } });
    await send(op, 'no role', 'POST', path, { body: { Comment: 'x' }, token: reader });
    await send(op, 'unknown machine', 'POST', path.replace(MACHINE, unknownMachine), {
      body: { Comment: 'x' },
      token: soar,
    });
    await send(op, 'wrong method', 'GET', path, { token: soar });
    void created;
  }

  const action = JSON.parse(
    (
      await send(
        'unrestrictCodeExecution',
        'another',
        'POST',
        `/api/machines/${'556b3952acb0bff29816d267822305781cc183ec'}/unrestrictCodeExecution`,
        { body: { Comment: 'x' }, token: soar },
      )
    ).body,
  );
  await send('getMachineAction', 'found', 'GET', `/api/machineactions/${action.id}`, { token: soar });
  await send('getMachineAction', 'non-GUID key', 'GET', `/api/machineactions/${MACHINE}`, { token: soar });
  await send('getMachineAction', 'no token', 'GET', `/api/machineactions/${action.id}`);
  await send('getMachineAction', 'no role', 'GET', `/api/machineactions/${action.id}`, { token: noRoles });
  await send('getMachineAction', 'unknown', 'GET', `/api/machineactions/${unknownGuid}`, { token: soar });

  await send('listMachineActions', 'all', 'GET', '/api/machineactions?$count=true', { token: soar });
  await send(
    'listMachineActions',
    'by machine',
    'GET',
    `/api/machineactions?$filter=machineId eq '${MACHINE}'&$top=1`,
    { token: soar },
  );
  await send('listMachineActions', 'bad filter', 'GET', "/api/machineactions?$filter=nope eq 'x'", {
    token: soar,
  });
  await send('listMachineActions', 'no token', 'GET', '/api/machineactions');
  await send('listMachineActions', 'no role', 'GET', '/api/machineactions', { token: noRoles });

  await send('cancelMachineAction', 'cancelled', 'POST', `/api/machineactions/${action.id}/cancel`, {
    body: { Comment: 'stop' },
    token: soar,
  });
  await send('cancelMachineAction', 'already final', 'POST', `/api/machineactions/${action.id}/cancel`, {
    body: { Comment: 'stop' },
    token: soar,
  });
  await send('cancelMachineAction', 'missing Comment', 'POST', `/api/machineactions/${action.id}/cancel`, {
    body: {},
    token: soar,
  });
  await send('cancelMachineAction', 'no token', 'POST', `/api/machineactions/${action.id}/cancel`, {
    body: { Comment: 'x' },
  });
  await send('cancelMachineAction', 'no role', 'POST', `/api/machineactions/${action.id}/cancel`, {
    body: { Comment: 'x' },
    token: reader,
  });
  await send('cancelMachineAction', 'unknown', 'POST', `/api/machineactions/${unknownGuid}/cancel`, {
    body: { Comment: 'x' },
    token: soar,
  });
  await send('cancelMachineAction', 'wrong method', 'GET', `/api/machineactions/${action.id}/cancel`, {
    token: soar,
  });

  // The actions of issue 15, each on a machine of its own so their effects do not cross.
  const WEB = '2f6a9d1c0e8b47a3d5c2b1e0f9a8d7c6b5a4e3d2';
  const LAB = '5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b';
  const PRINTER = '9c8b7a6f5e4d43c2b1a0f9e8d7c6b5a4f3e2d1c0';
  const DEV = 'f70f9fe6b29cd9511652434919c6530618f06606';
  const familyCalls: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'isolateMachine',
      `/api/machines/${DEV}/isolate`,
      { Comment: 'ok', IsolationType: 'Full' },
      { Comment: 'x', IsolationType: 'Partial' },
    ],
    ['unisolateMachine', `/api/machines/${WEB}/unisolate`, { Comment: 'ok' }, { Comment: 'again' }],
    [
      'runAntiVirusScan',
      `/api/machines/${DEV}/runAntiVirusScan`,
      { Comment: 'ok', ScanType: 'Quick' },
      { Comment: 'x' },
    ],
    [
      'collectInvestigationPackage',
      `/api/machines/${LAB}/collectInvestigationPackage`,
      { Comment: 'ok' },
      { Comment: 'again' },
    ],
    [
      'stopAndQuarantineFile',
      `/api/machines/${LAB}/StopAndQuarantineFile`,
      { Comment: 'ok', Sha1: '87662bc3d60e4200ceaf7aae249d1c343f4b83c9' },
      { Comment: 'x', Sha1: 'not-a-hash' },
    ],
    ['offboardMachine', `/api/machines/${PRINTER}/offboard`, { Comment: 'ok' }, { Comment: 'again' }],
  ];
  const familyBodies: Record<string, string> = {};
  for (const [op, path, good, bad] of familyCalls) {
    familyBodies[op] = (await send(op, 'created', 'POST', path, { body: good, token: soar })).body;
    await send(op, 'bad request', 'POST', path, { body: bad, token: soar });
    await send(op, 'no token', 'POST', path, { body: good });
    await send(op, 'no role', 'POST', path, { body: good, token: reader });
    await send(op, 'unknown machine', 'POST', path.replace(/[0-9a-f]{40}/, unknownMachine), {
      body: good,
      token: soar,
    });
    await send(op, 'wrong method', 'GET', path, { token: soar });
  }
  await send(
    'stopAndQuarantineFile',
    'file never seen',
    'POST',
    `/api/machines/${LAB}/StopAndQuarantineFile`,
    {
      body: { Comment: 'x', Sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709' },
      token: soar,
    },
  );
  const collection = JSON.parse(familyBodies.collectInvestigationPackage!);
  const packagePath = `/api/machineactions/${collection.id}/getPackageUri`;
  await send('getPackageUri', 'not collected yet', 'GET', packagePath, { token: reader });
  c.advanceClock(60_000);
  await send('getPackageUri', 'collected', 'GET', packagePath.replace('getPackageUri', 'GetPackageUri'), {
    token: reader,
  });
  await send(
    'getPackageUri',
    'not a package action',
    'GET',
    `/api/machineactions/${action.id}/getPackageUri`,
    { token: reader },
  );
  await send('getPackageUri', 'no token', 'GET', packagePath);
  await send('getPackageUri', 'no role', 'GET', packagePath, { token: noRoles });

  await send('listMachines', 'all', 'GET', '/api/machines?$count=true&$top=2', { token: soar });
  await send(
    'listMachines',
    'or filter',
    'GET',
    "/api/machines?$filter=(riskScore eq 'High' or riskScore eq 'Medium') and healthStatus ne 'Inactive'",
    { token: soar },
  );
  await send('listMachines', 'bad filter', 'GET', "/api/machines?$filter=osVersion eq 'x'", { token: soar });
  await send('listMachines', 'no token', 'GET', '/api/machines');
  await send('listMachines', 'no role', 'GET', '/api/machines', { token: noRoles });
  const EMPTY_TENANT = '6f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b';
  const EMPTY_APP = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
  c.addTenant({
    id: EMPTY_TENANT,
    domain: 'empty.onmicrosoft.com',
    displayName: 'Empty',
    apps: [
      { clientId: EMPTY_APP, displayName: 'Empty reader', clientSecret: 's', roles: ['Machine.Read.All'] },
    ],
    users: [],
    machines: [],
  });
  const emptyReader = await c.mintToken({ tenantId: EMPTY_TENANT, clientId: EMPTY_APP });
  await send('listMachines', 'tenant without machines', 'GET', '/api/machines', { token: emptyReader });

  const byIp = `/api/machines/findbyip(ip='10.20.4.17',timestamp=2026-11-29T09:50:00Z)`;
  await send('findMachinesByIp', 'found', 'GET', byIp, { token: soar });
  await send(
    'findMachinesByIp',
    'percent-encoded quotes, no match',
    'GET',
    '/api/machines/findbyip(ip=%2710.99.99.99%27,timestamp=2026-11-29T09:50:00Z)',
    { token: soar },
  );
  await send('findMachinesByIp', 'too old', 'GET', byIp.replace('2026-11-29', '2026-09-01'), { token: soar });
  await send('findMachinesByIp', 'no token', 'GET', byIp);
  await send('findMachinesByIp', 'no role', 'GET', byIp, { token: noRoles });

  await send('getMachine', 'found', 'GET', `/api/machines/${MACHINE}`, { token: soar });
  await send('getMachine', 'no token', 'GET', `/api/machines/${MACHINE}`);
  await send('getMachine', 'no role', 'GET', `/api/machines/${MACHINE}`, { token: noRoles });
  await send('getMachine', 'unknown', 'GET', `/api/machines/${unknownMachine}`, { token: soar });

  // 429 from the quota, then 500 and 503 from fault plans, for every operation.
  const calls: Record<string, [string, string, unknown]> = {
    unrestrictCodeExecution: ['POST', actionPaths.unrestrictCodeExecution, { Comment: 'x' }],
    restrictCodeExecution: ['POST', actionPaths.restrictCodeExecution, { Comment: 'x' }],
    getMachineAction: ['GET', `/api/machineactions/${action.id}`, undefined],
    listMachineActions: ['GET', '/api/machineactions', undefined],
    cancelMachineAction: ['POST', `/api/machineactions/${action.id}/cancel`, { Comment: 'x' }],
    getMachine: ['GET', `/api/machines/${MACHINE}`, undefined],
    isolateMachine: ['POST', `/api/machines/${SERVER_MACHINE}/isolate`, { Comment: 'x' }],
    unisolateMachine: ['POST', `/api/machines/${SERVER_MACHINE}/unisolate`, { Comment: 'x' }],
    runAntiVirusScan: [
      'POST',
      `/api/machines/${SERVER_MACHINE}/runAntiVirusScan`,
      { Comment: 'x', ScanType: 'Full' },
    ],
    collectInvestigationPackage: [
      'POST',
      `/api/machines/${SERVER_MACHINE}/collectInvestigationPackage`,
      { Comment: 'x' },
    ],
    stopAndQuarantineFile: [
      'POST',
      `/api/machines/${SERVER_MACHINE}/StopAndQuarantineFile`,
      { Comment: 'x', Sha1: '3395856ce81f2b7382dee72602f798b642f14140' },
    ],
    offboardMachine: ['POST', `/api/machines/${SERVER_MACHINE}/offboard`, { Comment: 'x' }],
    getPackageUri: [
      'GET',
      `/api/machineactions/${JSON.parse(familyBodies.collectInvestigationPackage!).id}/getPackageUri`,
      undefined,
    ],
    listMachines: ['GET', '/api/machines', undefined],
    findMachinesByIp: ['GET', byIp, undefined],
  };
  c.setRateLimits(TENANT, {
    limits: Object.fromEntries(Object.keys(calls).map((op) => [op, [{ limit: 1, windowSeconds: 60 }]])),
  });
  for (const [op, [method, path, body]] of Object.entries(calls)) {
    await send(op, 'quota used', method, path, { body, token: soar });
    await send(op, 'throttled', method, path, { body, token: soar });
  }
  c.setRateLimits(TENANT, { enabled: false });
  for (const status of [500, 503]) {
    c.addFault({
      effect: { kind: 'status', status, ...(status === 503 ? { retryAfterSeconds: 5 } : {}) },
      probability: 1,
      id: `f${status}`,
    });
    for (const [op, [method, path, body]] of Object.entries(calls))
      await send(op, `fault ${status}`, method, path, { body, token: soar });
    c.clearFaults();
  }
});

afterAll(() => sim?.close());

describe('every answer validates against the OpenAPI document', () => {
  it('produces every status the spec declares for every operation, and no other', () => {
    expectDeclaredStatusesProduced(backend.getOperations(), produced);
  });

  it('gives bodies and headers that validate against the declared response of their status', () => {
    const failures: string[] = [];
    for (const p of produced) {
      const { status, headers, body } = p.response;
      const label = `${p.operationId} ${p.scenario} → ${status}`;
      if (status === 405) {
        // Another method on the path: empty body, Allow naming the path's methods (payload 13).
        if (body !== '' || !headers.allow) failures.push(`${label}: 405 must be empty with Allow`);
        continue;
      }
      const parsed = JSON.parse(body);
      const result = backend.validator.validateResponse(parsed, p.operationId, status);
      if (!result.valid) failures.push(`${label}: ${JSON.stringify(result.errors)}`);
      const headerResult = backend.validator.validateResponseHeaders(headers, p.operationId, {
        statusCode: status,
        setMatchType: 'superset' as never,
      });
      if (!headerResult.valid) failures.push(`${label} headers: ${JSON.stringify(headerResult.errors)}`);
      const expectedType =
        status < 300
          ? 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8'
          : 'application/json; charset=utf-8';
      if (headers['content-type'] !== expectedType)
        failures.push(`${label}: content-type ${headers['content-type']}`);
    }
    expect(failures).toEqual([]);
  });
});
