/**
 * Quotas as MDE applies them (100 calls a minute and 1500 an hour per operation, tenant and app) and
 * fault plans, all on the virtual clock: no test waits for real time.
 */
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../mock/core/rate-limiter.ts';
import {
  MACHINE,
  READER_APP,
  START,
  startTestServer,
  TENANT,
  type TestServer,
} from '../helpers/sim-server.ts';

let sim: TestServer;
const control = () => sim.server.simulator.control;
const getMachine = (token?: string) =>
  sim.call('GET', `/api/machines/${MACHINE}`, token === undefined ? {} : { token });

beforeAll(async () => {
  sim = await startTestServer();
});
afterAll(() => sim.close());
afterEach(() => {
  control().reset();
  control().setClock(START);
});

describe('rate limits from the spec (100 per minute, 1500 per hour)', () => {
  it('answers the 101st call in a minute with 429, the recorded body and Retry-After', async () => {
    for (let i = 0; i < 100; i++) {
      control().advanceClock(100); // calls spread over the first 10 s of the window
      expect((await getMachine()).status).toBe(200);
    }
    const refused = await getMachine();
    expect(refused.status).toBe(429);
    // The first call was at +0.1 s, now is +10 s: it leaves the window at +60.1 s, 50.1 s from now → 51.
    expect(refused.headers['retry-after']).toBe('51');
    expect(refused.json.error).toEqual({
      code: '429',
      message:
        'API calls quota exceeded! Maximum allowed 100 per 00:01:00 for the key Destination+TenantID+AppID. You can send requests again in 51 seconds.',
      target: TENANT,
    });
  });

  it('admits a client that waits exactly Retry-After and refuses one that comes back sooner', async () => {
    for (let i = 0; i < 100; i++) await getMachine();
    const refused = await getMachine();
    const wait = Number(refused.headers['retry-after']) * 1000;
    control().advanceClock(wait - 1);
    expect((await getMachine()).status).toBe(429);
    control().advanceClock(1);
    expect((await getMachine()).status).toBe(200);
  });

  it('answers the 1501st call in an hour with 429 naming the hourly window', async () => {
    for (let minute = 0; minute < 15; minute++) {
      for (let i = 0; i < 100; i++) expect((await getMachine()).status).toBe(200);
      control().advanceClock(60_000);
    }
    const refused = await getMachine();
    expect(refused.status).toBe(429);
    // The first 100 calls were at +0 s; now is +900 s: they leave the hour window in 2700 s.
    expect(refused.headers['retry-after']).toBe('2700');
    expect(refused.json.error.message).toContain('Maximum allowed 1500 per 01:00:00');
    control().advanceClock(2_700_000);
    expect((await getMachine()).status).toBe(200);
  });

  it('keeps separate quotas per operation and per calling app', async () => {
    for (let i = 0; i < 100; i++) await getMachine();
    expect((await getMachine()).status).toBe(429);
    expect((await sim.call('GET', '/api/machineactions')).status).toBe(200);
    expect((await getMachine(await sim.token({ clientId: READER_APP }))).status).toBe(200);
  });

  it('counts authenticated calls that end in 4xx, but not 401s', async () => {
    for (let i = 0; i < 50; i++) await sim.call('GET', '/api/machines/nosuchmachine');
    for (let i = 0; i < 30; i++) await getMachine('not-a-token');
    for (let i = 0; i < 50; i++) expect((await getMachine()).status).toBe(200);
    expect((await getMachine()).status).toBe(429);
  });

  it('gives exactly 100 successes and 50 × 429 to 150 concurrent calls in one window', async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, () => getMachine()));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50);
  });

  it('can be switched off or changed per tenant through the control API', async () => {
    const put = (body: object) =>
      request(`${sim.url}/_sim/tenants/${TENANT}/rate-limits`, {
        method: 'PUT',
        body: JSON.stringify(body),
      }).then((r) => r.body.json());
    await put({ enabled: false });
    for (let i = 0; i < 150; i++) expect((await getMachine()).status).toBe(200);
    const changed = (await put({
      enabled: true,
      limits: { getMachine: [{ limit: 2, windowSeconds: 10 }] },
    })) as {
      limits: Record<string, unknown>;
    };
    expect(changed.limits.getMachine).toEqual([{ limit: 2, windowSeconds: 10 }]);
    await getMachine();
    await getMachine();
    const refused = await getMachine();
    expect(refused.status).toBe(429);
    expect(refused.json.error.message).toContain('Maximum allowed 2 per 00:00:10');
    const bad = await request(`${sim.url}/_sim/tenants/${TENANT}/rate-limits`, {
      method: 'PUT',
      body: JSON.stringify({ limits: { getMachine: [{ limit: 0 }] } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(((await bad.body.json()) as { error: { message: string } }).error.message).toContain(
      'limits.getMachine',
    );
  });

  it('records early retries per client, and honoured ones', async () => {
    control().setRateLimits(TENANT, { limits: { getMachine: [{ limit: 1, windowSeconds: 60 }] } });
    await getMachine();
    const refused = await getMachine(); // throttled, Retry-After 60
    expect(refused.headers['retry-after']).toBe('60');
    control().advanceClock(10_000);
    await getMachine(); // 50 s too early
    control().advanceClock(50_000);
    expect((await getMachine()).status).toBe(200); // honoured
    const summary = control()
      .retries(TENANT)
      .find((r) => r.operationId === 'getMachine');
    expect(summary).toMatchObject({ throttled: 2, earlyRetries: 1, honouredRetries: 1 });
    const early = control()
      .journal({ tenantId: TENANT })
      .filter((e) => e.earlyRetry !== undefined);
    expect(early).toHaveLength(1);
    expect(early[0]!.earlyRetry).toEqual({ retryAfterSeconds: 60, earlyByMs: 50_000 });
  });
});

describe('RateLimiter', () => {
  it('keeps memory bounded by evicting idle keys', () => {
    const limiter = new RateLimiter({ maxIdleKeys: 100 });
    const windows = [{ limit: 5, windowSeconds: 60 }];
    for (let i = 0; i < 1000; i++) limiter.take(`key-${i}`, windows, i * 61_000);
    expect(limiter.size).toBeLessThanOrEqual(101);
  });
});

describe('fault plans', () => {
  it('answers the next N matching calls with the planned status, then recovers', async () => {
    control().addFault({
      id: 'outage',
      match: { operationId: 'getMachine' },
      effect: { kind: 'status', status: 503, retryAfterSeconds: 7 },
      count: 2,
    });
    const first = await getMachine();
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('7');
    expect(first.json.error.code).toBe('ServiceUnavailable');
    expect((await getMachine()).status).toBe(503);
    expect((await getMachine()).status).toBe(200);
    expect((await sim.call('GET', '/api/machineactions')).status).toBe(200);
    const faulted = control()
      .journal()
      .filter((e) => e.fault);
    expect(faulted.map((e) => e.fault)).toEqual([
      { planId: 'outage', kind: 'status' },
      { planId: 'outage', kind: 'status' },
    ]);
  });

  it('reproduces the same sequence of faults from the same seed', async () => {
    const run = async () => {
      control().reset();
      control().addFault({
        match: { machineId: MACHINE },
        effect: { kind: 'status', status: 500 },
        probability: 0.3,
        seed: 42,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await getMachine()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('injects the in-progress 400 and a 429 with a chosen Retry-After', async () => {
    control().addFault({ effect: { kind: 'status', status: 400 }, count: 1 });
    control().addFault({ effect: { kind: 'status', status: 429, retryAfterSeconds: 3 }, count: 1 });
    const inProgress = await sim.call('POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      body: { Comment: 'x' },
    });
    expect(inProgress.json.error).toMatchObject({
      code: 'ActiveRequestAlreadyExists',
      message: 'Action is already in progress',
    });
    const throttled = await getMachine();
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('3');
    expect(throttled.json.error.message).toContain('You can send requests again in 3 seconds.');
  });

  it('delays an answer on the simulator clock (latency)', async () => {
    control().addFault({ effect: { kind: 'latency', delayMs: 30_000 }, count: 1 });
    let settled = false;
    const pending = getMachine().then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 5 && !settled; i++) await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    control().advanceClock(30_000);
    expect((await pending).status).toBe(200);
  });

  it('drops the connection: an undici client sees a socket error', async () => {
    control().addFault({ effect: { kind: 'drop' }, count: 1 });
    await expect(getMachine()).rejects.toMatchObject({
      code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/),
    });
    expect((await getMachine()).status).toBe(200);
  });

  it('rejects a bad fault plan with a 400 naming the field', async () => {
    const res = await request(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ effect: { kind: 'status', status: 99 }, count: 1 }),
    });
    expect(res.statusCode).toBe(400);
    expect(((await res.body.json()) as { error: { message: string } }).error.message).toContain(
      'effect.status',
    );
  });
});
