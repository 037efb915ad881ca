/**
 * Integration proof of "The real client": `DefenderClient` + `MsalClientCredential` (msal-node, secret and
 * certificate) against the running simulator, over HTTP and over HTTPS (simulator CA via `caPem`). Every error
 * class comes from a real simulator answer; retries and polling run on the simulator's virtual clock through the
 * client's injected `sleep`, so delays are asserted exactly and nothing waits on the wall clock.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ActionAlreadyInProgressError,
  AuthenticationError,
  BadRequestError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  UnauthorizedError,
} from '../../client/errors.ts';
import { StaticTokenCredential } from '../../client/static-token-credential.ts';
import type { MachineAction } from '../../openapi/index.ts';
import {
  FAILING_MACHINE,
  MACHINE,
  OFFLINE_MACHINE,
  READER_APP,
  SERVER_MACHINE,
  TENANT,
} from '../helpers/sim-server.ts';
import { READER_SECRET, type SimFixture, SOAR_APP, startSimFixture, type Transport } from './sim-fixture.ts';

const UNKNOWN_MACHINE = 'ffffffffffffffffffffffffffffffffffffffff';
const DAY_MS = 24 * 60 * 60 * 1000;

let sim: SimFixture;
beforeAll(async () => {
  sim = await startSimFixture();
});
afterAll(() => sim?.close());
beforeEach(() => sim.reset());
afterEach(() => sim.closeAll());

const control = () => sim.server.simulator.control;

/** Rejects with the error the promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe.each<Transport>(['http', 'https'])('DefenderClient vs the simulator over %s', (transport) => {
  describe('tokens from msal-node (simulator issuer)', () => {
    it('unrestricts with a client-secret token: 201 Pending action from the SOAR app', async () => {
      const { client } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(MACHINE, 'Cleaned and validated');
      expect(action).toMatchObject({
        type: 'UnrestrictCodeExecution',
        status: 'Pending',
        machineId: MACHINE,
        requestor: 'SOAR Playbook Automation',
        requestorComment: 'Cleaned and validated',
      });
      expect(action.id).toMatch(/^[0-9a-f-]{36}$/);
      const journal = control().journal({ tenantId: TENANT });
      expect(journal.find((e) => e.operation === 'unrestrictCodeExecution')).toMatchObject({
        status: 201,
        clientId: SOAR_APP,
      });
    });

    it('unrestricts with a certificate (client_assertion) token', async () => {
      const { client } = sim.client(transport, { credential: sim.certificateCredential() });
      const action = await client.unrestrictCodeExecution(SERVER_MACHINE, 'Certificate-based playbook');
      expect(action).toMatchObject({ status: 'Pending', requestor: 'SOAR Playbook Automation' });
      expect((await client.getMachineAction(action.id)).id).toBe(action.id);
    });
  });

  describe('each error class from a real simulator answer', () => {
    it('ActionAlreadyInProgressError: a second unrestrict while the first is pending', async () => {
      const { client } = sim.client(transport);
      await client.unrestrictCodeExecution(MACHINE, 'first');
      const error = await failure(client.unrestrictCodeExecution(MACHINE, 'second'));
      expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
      expect(error).toMatchObject({
        status: 400,
        mdeCode: 'ActiveRequestAlreadyExists',
        code: 'MDE_ERR_ACTION_IN_PROGRESS',
      });
      expect((error as ActionAlreadyInProgressError).requestId).toBeTruthy();
    });

    it('BadRequestError: the service refuses a machine action id that is not a GUID', async () => {
      const { client } = sim.client(transport);
      const error = await failure(client.getMachineAction('not-a-guid'));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).not.toBeInstanceOf(ActionAlreadyInProgressError);
      expect(error).toMatchObject({ status: 400, mdeCode: 'BadRequest', code: 'MDE_ERR_BAD_REQUEST' });
    });

    it('BadRequestError: cancelling an action that already ended', async () => {
      const { client } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(MACHINE, 'done soon');
      expect((await client.waitForMachineAction(action.id, { pollIntervalMs: 10_000 })).status).toBe(
        'Succeeded',
      );
      const error = await failure(client.cancelMachineAction(action.id, 'too late'));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, mdeCode: 'InvalidInput' });
    });

    it('an empty comment never reaches the service: the client refuses it locally (TypeError)', async () => {
      const { client } = sim.client(transport);
      await expect(client.unrestrictCodeExecution(MACHINE, '  ')).rejects.toThrow(TypeError);
      expect(control().journal({ tenantId: TENANT })).toHaveLength(0);
    });

    it('UnauthorizedError: an expired token, retried once with a forced refresh that cannot help', async () => {
      const expired = await control().mintToken({
        tenantId: TENANT,
        clientId: SOAR_APP,
        claims: { exp: Math.floor(Date.now() / 1000) - 3600 },
      });
      const { client, retries } = sim.client(transport, { credential: new StaticTokenCredential(expired) });
      const error = await failure(client.getMachine(MACHINE));
      expect(error).toBeInstanceOf(UnauthorizedError);
      expect(error).toMatchObject({ status: 401, code: 'MDE_ERR_UNAUTHORIZED' });
      expect(retries.map((r) => [r.reason, r.delayMs])).toEqual([['unauthorized', 0]]);
      const calls = control()
        .journal()
        .filter((e) => e.operation === 'getMachine');
      expect(calls.map((e) => e.status)).toEqual([401, 401]);
    });

    it('UnauthorizedError: a token signed by a key the simulator does not know', async () => {
      const forged = await control().mintToken({
        tenantId: TENANT,
        clientId: SOAR_APP,
        signWith: 'untrusted',
      });
      const { client } = sim.client(transport, { credential: new StaticTokenCredential(forged) });
      await expect(client.unrestrictCodeExecution(MACHINE, 'forged')).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      expect(control().actions(TENANT)).toHaveLength(0);
    });

    it('ForbiddenError: the Reporter app lacks Machine.RestrictExecution', async () => {
      const { client } = sim.client(transport, {
        credential: sim.secretCredential(READER_APP, READER_SECRET),
      });
      // It may read…
      expect((await client.getMachine(MACHINE)).id).toBe(MACHINE);
      // …but not unrestrict.
      const error = await failure(client.unrestrictCodeExecution(MACHINE, 'not allowed'));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ status: 403, code: 'MDE_ERR_FORBIDDEN' });
      expect((error as Error).message).toContain('Machine.RestrictExecution');
    });

    it('NotFoundError: an unknown machine', async () => {
      const { client } = sim.client(transport);
      const error = await failure(client.unrestrictCodeExecution(UNKNOWN_MACHINE, 'who?'));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, mdeCode: 'ResourceNotFound', code: 'MDE_ERR_NOT_FOUND' });
      await expect(client.getMachine(UNKNOWN_MACHINE)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('ServerError: a 500 on a GET, after maxAttempts with exponential backoff', async () => {
      const plan = control().addFault({
        match: { operationId: 'getMachine' },
        effect: { kind: 'status', status: 500 },
        count: 10,
      });
      const { client, sleeps, retries } = sim.client(transport, { maxAttempts: 3 });
      const error = await failure(client.getMachine(MACHINE));
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ status: 500, code: 'MDE_ERR_SERVER' });
      // random() = 0.5: 0.5 * 1000 * 2^0, then 0.5 * 1000 * 2^1.
      expect(sleeps).toEqual([500, 1000]);
      expect(retries.map((r) => r.reason)).toEqual(['server-error', 'server-error']);
      expect(
        control()
          .faults()
          .find((f) => f.id === plan.id)?.fired,
      ).toBe(3);
    });

    it('a 500 on the unrestrict POST is not retried (the action may exist)', async () => {
      control().addFault({
        match: { operationId: 'unrestrictCodeExecution' },
        effect: { kind: 'status', status: 500 },
        count: 1,
      });
      const { client, sleeps } = sim.client(transport);
      await expect(client.unrestrictCodeExecution(MACHINE, 'once')).rejects.toBeInstanceOf(ServerError);
      expect(sleeps).toEqual([]);
    });

    it('NetworkError: the simulator drops the connection (GET retried, then given up)', async () => {
      const plan = control().addFault({
        match: { operationId: 'getMachine' },
        effect: { kind: 'drop' },
        count: 10,
      });
      const { client, sleeps, retries } = sim.client(transport, { maxAttempts: 2 });
      const error = await failure(client.getMachine(MACHINE));
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toMatchObject({ code: 'MDE_ERR_NETWORK', requestNotSent: false });
      expect(sleeps).toEqual([500]);
      expect(retries.map((r) => r.reason)).toEqual(['network-error']);
      expect(
        control()
          .faults()
          .find((f) => f.id === plan.id)?.fired,
      ).toBe(2);
    });

    it('NetworkError: a dropped unrestrict POST is not retried', async () => {
      const plan = control().addFault({
        match: { operationId: 'unrestrictCodeExecution' },
        effect: { kind: 'drop' },
        count: 10,
      });
      const { client, sleeps } = sim.client(transport);
      await expect(client.unrestrictCodeExecution(MACHINE, 'dropped')).rejects.toBeInstanceOf(NetworkError);
      expect(sleeps).toEqual([]);
      expect(
        control()
          .faults()
          .find((f) => f.id === plan.id)?.fired,
      ).toBe(1);
    });

    it('AuthenticationError: a wrong client secret, refused by the simulator issuer through msal', async () => {
      const { client } = sim.client(transport, {
        credential: sim.secretCredential(SOAR_APP, 'not-the-secret'),
      });
      const error = await failure(client.getMachine(MACHINE));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code: 'MDE_ERR_AUTHENTICATION' });
      expect((error as Error).message).toMatch(/AADSTS7000215/);
      expect((error as Error).message).not.toContain('not-the-secret');
      expect(
        control()
          .journal()
          .filter((e) => e.operation === 'getMachine'),
      ).toHaveLength(0);
    });
  });

  describe('retry policy on the virtual clock', () => {
    it('a 429 then success: sleeps exactly Retry-After x 1000, and the simulator records an honoured retry', async () => {
      control().setRateLimits(TENANT, {
        limits: { unrestrictCodeExecution: [{ limit: 1, windowSeconds: 60 }] },
      });
      const { client, sleeps, retries } = sim.client(transport);
      await client.unrestrictCodeExecution(MACHINE, 'first in the window');
      const started = sim.server.simulator.clock.now();
      const second = await client.unrestrictCodeExecution(SERVER_MACHINE, 'throttled, then admitted');
      expect(second).toMatchObject({ status: 'Pending', machineId: SERVER_MACHINE });
      expect(sleeps).toEqual([60_000]);
      expect(sim.server.simulator.clock.now() - started).toBe(60_000);
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatchObject({ reason: 'rate-limited', delayMs: 60_000, attempt: 1 });
      expect(retries[0]!.error).toBeInstanceOf(RateLimitedError);
      expect((retries[0]!.error as RateLimitedError).retryAfterMs).toBe(60_000);
      const summary = control()
        .retries(TENANT)
        .find((r) => r.operationId === 'unrestrictCodeExecution');
      expect(summary).toMatchObject({ throttled: 1, earlyRetries: 0, honouredRetries: 1 });
    });

    it('gives up after maxAttempts with RateLimitedError and retryAfterMs (a competitor takes the slot)', async () => {
      control().setRateLimits(TENANT, {
        limits: { unrestrictCodeExecution: [{ limit: 1, windowSeconds: 60 }] },
      });
      const competitor = sim.client(transport).client;
      const me = sim.client(transport, { maxAttempts: 2 });
      await competitor.unrestrictCodeExecution(MACHINE, 'competitor, first');
      // While we wait out Retry-After, the competitor (same app, same quota) grabs the freed slot first.
      me.afterSleep = async () => {
        await competitor.unrestrictCodeExecution(FAILING_MACHINE, 'competitor, second');
      };
      const error = await failure(me.client.unrestrictCodeExecution(SERVER_MACHINE, 'mine'));
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error).toMatchObject({ status: 429, code: 'MDE_ERR_RATE_LIMITED' });
      expect((error as RateLimitedError).retryAfterMs).toBe(60_000);
      expect(me.sleeps).toEqual([60_000]);
      expect(
        control()
          .actions(TENANT)
          .map((a) => a.machineId),
      ).toEqual([MACHINE, FAILING_MACHINE]);
    });

    it('resolveInProgress: true returns the pending action instead of throwing (same id)', async () => {
      const { client } = sim.client(transport);
      const first = await client.unrestrictCodeExecution(MACHINE, 'first');
      const again = await client.unrestrictCodeExecution(MACHINE, 'again', { resolveInProgress: true });
      expect(again.id).toBe(first.id);
      expect(again.status).toBe('Pending');
      expect(control().actions(TENANT)).toHaveLength(1);
    });
  });

  describe('waitForMachineAction on the virtual clock', () => {
    it('reaches Succeeded on an online machine (Pending → InProgress → Succeeded)', async () => {
      const { client, sleeps } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(MACHINE, 'wait for it');
      const seen: MachineAction['status'][] = [];
      const final = await client.waitForMachineAction(action.id, {
        pollIntervalMs: 5_000,
        onPoll: (a) => seen.push(a.status),
      });
      expect(final).toMatchObject({ id: action.id, status: 'Succeeded' });
      // pickup 5 s, execution 15 s.
      expect(sleeps).toEqual([5_000, 5_000, 5_000, 5_000]);
      expect(seen).toEqual(['Pending', 'InProgress', 'InProgress', 'InProgress', 'Succeeded']);
    });

    it('reaches TimeOut on an offline machine after 3 days (stale tokens refreshed on 401)', async () => {
      const { client, sleeps, retries } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(OFFLINE_MACHINE, 'offline');
      const final = await client.waitForMachineAction(action.id, {
        pollIntervalMs: DAY_MS + 3_600_000,
        timeoutMs: 4 * DAY_MS,
      });
      expect(final).toMatchObject({ id: action.id, status: 'TimeOut' });
      expect(sleeps).toEqual([25 * 3_600_000, 25 * 3_600_000, 25 * 3_600_000]);
      // msal (wall clock) still trusts its cached token; the simulator (virtual clock) says it expired.
      expect(retries.map((r) => r.reason)).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
    });

    it('reaches Cancelled when the action is cancelled while waiting', async () => {
      const waiter = sim.client(transport);
      const canceller = sim.client(transport).client;
      const action = await waiter.client.unrestrictCodeExecution(OFFLINE_MACHINE, 'will be cancelled');
      waiter.afterSleep = async (_ms, index) => {
        if (index === 0) await canceller.cancelMachineAction(action.id, 'Changed our mind');
      };
      const final = await waiter.client.waitForMachineAction(action.id, { pollIntervalMs: 60_000 });
      expect(final).toMatchObject({
        id: action.id,
        status: 'Cancelled',
        cancellationRequestor: 'SOAR Playbook Automation',
        cancellationComment: 'Changed our mind',
      });
      expect(waiter.sleeps).toEqual([60_000]);
    });

    it('reaches Cancelled when cancelled before waiting', async () => {
      const { client, sleeps } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(OFFLINE_MACHINE, 'cancel first');
      const cancelled = await client.cancelMachineAction(action.id, 'never mind');
      expect(cancelled.id).toBe(action.id);
      const final = await client.waitForMachineAction(action.id);
      expect(final.status).toBe('Cancelled');
      expect(sleeps).toEqual([]);
    });

    it('reaches Failed on the failing machine', async () => {
      const { client } = sim.client(transport);
      const action = await client.unrestrictCodeExecution(FAILING_MACHINE, 'will fail');
      const final = await client.waitForMachineAction(action.id, { pollIntervalMs: 7_000 });
      expect(final).toMatchObject({ id: action.id, status: 'Failed' });
      expect(final.errorHResult).not.toBe(0);
    });
  });
});
