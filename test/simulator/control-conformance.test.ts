/**
 * The control API's answers against its own document (openapi/mde-sim-control.yaml): every operation ×
 * declared status is produced here, and every body validates against the declared response. The coverage
 * check fails when the document declares a status no scenario produced, or a scenario produced an
 * undeclared one.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiRouter } from '../../mock/core/api-routes.ts';
import { createSimulator, type Simulator } from '../../mock/core/simulator.ts';
import type { SimResponse } from '../../mock/core/types.ts';
import { controlSpec } from '../../openapi/control-spec.gen.ts';
import { expectDeclaredStatusesProduced } from '../helpers/conformance.ts';
import { FABRIKAM, MACHINE, START, TENANT } from '../helpers/sim-server.ts';

const produced: { operationId: string; scenario: string; response: SimResponse }[] = [];
let sim: Simulator;
let backend: OpenAPIBackend;

const NO_TENANT = '00000000-0000-4000-8000-000000000000';

async function send(
  operationId: string,
  scenario: string,
  method: string,
  path: string,
  body?: unknown,
  host = '127.0.0.1:5080',
): Promise<void> {
  const [p, q = ''] = path.split('?');
  const response = await sim.handle({
    method,
    origin: `http://${host}`,
    path: p!,
    query: q,
    headers: { host, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  produced.push({ operationId, scenario, response });
}

/** Routes of the document, by operationId: [method, path with example parameters]. */
const ROUTES: Record<string, [string, string]> = {
  listTenants: ['GET', '/_sim/tenants'],
  addTenant: ['POST', '/_sim/tenants'],
  getTenant: ['GET', `/_sim/tenants/${TENANT}`],
  resetTenant: ['POST', `/_sim/tenants/${TENANT}/reset`],
  resetAll: ['POST', '/_sim/reset'],
  addMachine: ['POST', `/_sim/tenants/${TENANT}/machines`],
  setMachine: ['PATCH', `/_sim/tenants/${TENANT}/machines/${MACHINE}`],
  listActions: ['GET', `/_sim/tenants/${TENANT}/actions`],
  getRateLimits: ['GET', `/_sim/tenants/${TENANT}/rate-limits`],
  setRateLimits: ['PUT', `/_sim/tenants/${TENANT}/rate-limits`],
  getClock: ['GET', '/_sim/clock'],
  changeClock: ['POST', '/_sim/clock'],
  getJournal: ['GET', '/_sim/journal'],
  listFaults: ['GET', '/_sim/faults'],
  addFault: ['POST', '/_sim/faults'],
  clearFaults: ['DELETE', '/_sim/faults'],
  removeFault: ['DELETE', '/_sim/faults/one'],
  getRetries: ['GET', '/_sim/retries'],
  getCallers: ['GET', '/_sim/callers'],
  getEvents: ['GET', '/_sim/events'],
  mintToken: ['POST', '/_sim/tokens'],
  rotateSigningKeys: ['POST', '/_sim/keys/rotate'],
  getRecording: ['GET', '/_sim/journal/recording'],
  setRecording: ['PUT', '/_sim/journal/recording'],
  getRecordedPact: ['GET', '/_sim/journal/pact?consumer=conformance'],
  getHar: ['GET', '/_sim/journal/har'],
};

beforeAll(async () => {
  backend = (await createApiRouter(controlSpec)).backend;
  sim = await createSimulator({ clock: { mode: 'frozen', startAt: START }, seed: 'control-conformance' });
  const fault = { id: 'one', effect: { kind: 'drop' }, count: 1 };

  for (const [operationId, [method, path]] of Object.entries(ROUTES)) {
    await send(
      operationId,
      'foreign host',
      method,
      path,
      method === 'GET' ? undefined : {},
      'attacker.example',
    );
  }
  await send('listTenants', 'ok', 'GET', '/_sim/tenants');
  await send('addTenant', 'ok', 'POST', '/_sim/tenants', FABRIKAM);
  await send('addTenant', 'typo', 'POST', '/_sim/tenants', { ...FABRIKAM, displayname: 'x' });
  await send('getTenant', 'ok', 'GET', `/_sim/tenants/${TENANT}`);
  await send('getTenant', 'unknown', 'GET', `/_sim/tenants/${NO_TENANT}`);
  await send('resetTenant', 'ok', 'POST', `/_sim/tenants/${TENANT}/reset`);
  await send('resetTenant', 'unknown', 'POST', `/_sim/tenants/${NO_TENANT}/reset`);
  await send('resetAll', 'ok', 'POST', '/_sim/reset');
  await send('addMachine', 'ok', 'POST', `/_sim/tenants/${TENANT}/machines`, {
    id: 'd'.repeat(40),
    computerDnsName: 'd',
  });
  await send('addMachine', 'bad id', 'POST', `/_sim/tenants/${TENANT}/machines`, {
    id: 'd',
    computerDnsName: 'd',
  });
  await send('addMachine', 'unknown tenant', 'POST', `/_sim/tenants/${NO_TENANT}/machines`, {
    id: 'd'.repeat(40),
    computerDnsName: 'd',
  });
  await send('setMachine', 'ok', 'PATCH', `/_sim/tenants/${TENANT}/machines/${MACHINE}`, { online: true });
  await send('setMachine', 'typo', 'PATCH', `/_sim/tenants/${TENANT}/machines/${MACHINE}`, { onlne: true });
  await send('setMachine', 'unknown machine', 'PATCH', `/_sim/tenants/${TENANT}/machines/${'0'.repeat(40)}`, {
    online: true,
  });
  await send('listActions', 'ok', 'GET', `/_sim/tenants/${TENANT}/actions`);
  await send('listActions', 'unknown', 'GET', `/_sim/tenants/${NO_TENANT}/actions`);
  await send('getRateLimits', 'ok', 'GET', `/_sim/tenants/${TENANT}/rate-limits`);
  await send('getRateLimits', 'unknown', 'GET', `/_sim/tenants/${NO_TENANT}/rate-limits`);
  await send('setRateLimits', 'ok', 'PUT', `/_sim/tenants/${TENANT}/rate-limits`, { enabled: false });
  await send('setRateLimits', 'typo', 'PUT', `/_sim/tenants/${TENANT}/rate-limits`, { enabeld: false });
  await send('setRateLimits', 'unknown', 'PUT', `/_sim/tenants/${NO_TENANT}/rate-limits`, { enabled: false });
  await send('getClock', 'ok', 'GET', '/_sim/clock');
  await send('changeClock', 'ok', 'POST', '/_sim/clock', { advanceMs: 1000 });
  await send('changeClock', 'too far', 'POST', '/_sim/clock', { advanceMs: 1e308 });
  await send('getJournal', 'ok', 'GET', '/_sim/journal?limit=3');
  await send('getJournal', 'bad limit', 'GET', '/_sim/journal?limit=0');
  await send('addFault', 'ok', 'POST', '/_sim/faults', fault);
  await send('addFault', 'exists', 'POST', '/_sim/faults', fault);
  await send('addFault', 'bad', 'POST', '/_sim/faults', { effect: { kind: 'drop' } });
  await send('listFaults', 'ok', 'GET', '/_sim/faults');
  await send('removeFault', 'ok', 'DELETE', '/_sim/faults/one');
  await send('removeFault', 'unknown', 'DELETE', '/_sim/faults/one');
  await send('clearFaults', 'ok', 'DELETE', '/_sim/faults');
  await send('getRetries', 'ok', 'GET', '/_sim/retries');
  // A caller with an action and a 429, so the callers and events answers carry items to validate.
  sim.control.setRateLimits(TENANT, {
    limits: { unrestrictCodeExecution: [{ limit: 1, windowSeconds: 60 }] },
  });
  const token = await sim.control.mintToken({ tenantId: TENANT });
  for (let i = 0; i < 2; i++) {
    await sim.handle({
      method: 'POST',
      origin: 'http://127.0.0.1:5080',
      path: `/api/machines/${MACHINE}/unrestrictCodeExecution`,
      query: '',
      headers: {
        host: '127.0.0.1:5080',
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: '{"Comment":"conformance"}',
    });
  }
  await send('getCallers', 'ok', 'GET', '/_sim/callers');
  await send('getCallers', 'typo', 'GET', '/_sim/callers?tenant=x');
  await send('getEvents', 'ok', 'GET', '/_sim/events?after=0&limit=10');
  expect(JSON.parse(produced.at(-1)!.response.body).events).toHaveLength(1);
  expect(JSON.parse(produced.at(-3)!.response.body).callers[0].operations[0]).toMatchObject({
    throttled: 1,
    windows: [{ limit: 1, used: 1, remaining: 0 }],
  });
  await send('getEvents', 'bad cursor', 'GET', '/_sim/events?after=-1');
  await send('mintToken', 'ok', 'POST', '/_sim/tokens', { tenantId: TENANT });
  await send('mintToken', 'typo', 'POST', '/_sim/tokens', { tenantID: TENANT });
  await send('mintToken', 'unknown tenant', 'POST', '/_sim/tokens', { tenantId: NO_TENANT });
  await send('rotateSigningKeys', 'ok', 'POST', '/_sim/keys/rotate');
  await send('setRecording', 'on', 'PUT', '/_sim/journal/recording', { enabled: true });
  await send('setRecording', 'typo', 'PUT', '/_sim/journal/recording', { enable: true });
  await send('getRecording', 'ok', 'GET', '/_sim/journal/recording');
  await send('getRecordedPact', 'ok', 'GET', '/_sim/journal/pact?consumer=conformance');
  await send('getRecordedPact', 'no consumer', 'GET', '/_sim/journal/pact');
  await send('getHar', 'ok', 'GET', '/_sim/journal/har');
  await send('getHar', 'unknown parameter', 'GET', '/_sim/journal/har?tenant=x');
});

describe('control API answers against openapi/mde-sim-control.yaml', () => {
  it('produces every status each operation declares, and no other', () => {
    expectDeclaredStatusesProduced(backend.router.getOperations(), produced);
  });

  it('gives bodies that validate against the declared response of their status', () => {
    for (const p of produced) {
      const result = backend.validator.validateResponse(
        JSON.parse(p.response.body),
        p.operationId,
        p.response.status,
      );
      expect(result.errors ?? [], `${p.operationId} ${p.scenario}: ${p.response.body}`).toEqual([]);
      expect(p.response.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });
});
