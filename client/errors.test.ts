import { afterEach, beforeEach, expect, it } from 'vitest';
import { DefenderClient } from './defender-client.ts';
import {
  ActionAlreadyInProgressError,
  AuthenticationError,
  BadRequestError,
  DefenderApiError,
  ForbiddenError,
  isDefenderApiError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedResponseError,
} from './errors.ts';
import {
  mdeError,
  recordedActionId,
  recordedMachineId,
  startTestServer,
  type TestServer,
} from './test-server.test-helper.ts';
import { CountingCredential, virtualTime } from './virtual-time.test-helper.ts';

let server: TestServer;
let client: DefenderClient;

beforeEach(async () => {
  server = await startTestServer();
  const time = virtualTime();
  client = new DefenderClient({
    credential: new CountingCredential(),
    endpoint: server.url,
    sleep: time.sleep,
    now: time.now,
    maxAttempts: 1,
    keepAliveTimeoutMs: 100,
  });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

const unrestrict = () => client.unrestrictCodeExecution(recordedMachineId, 'c').catch((e: unknown) => e);

it('maps 400 ActiveRequestAlreadyExists to ActionAlreadyInProgressError with the envelope and request id', async () => {
  server.reply(
    mdeError(400, 'ActiveRequestAlreadyExists', {
      'mise-correlation-id': 'c0ffee00-0000-4000-8000-000000000000',
    }),
  );
  const error = (await unrestrict()) as ActionAlreadyInProgressError;

  expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
  expect(error).toBeInstanceOf(BadRequestError);
  expect(error).toBeInstanceOf(DefenderApiError);
  expect(error.name).toBe('ActionAlreadyInProgressError');
  expect(error.code).toBe('MDE_ERR_ACTION_IN_PROGRESS');
  expect(error.status).toBe(400);
  expect(error.mdeCode).toBe('ActiveRequestAlreadyExists');
  expect(error.target).toBe('|9c2e41d7-3f8a5b60c1d29e47.');
  expect(error.requestId).toBe('c0ffee00-0000-4000-8000-000000000000');
  expect(error.message).toBe(
    `Failed to unrestrict code execution on machine ${recordedMachineId}: Action is already in progress. ` +
      'Wait for the pending action to finish (waitForMachineAction / --wait), cancel it, or use resolveInProgress to get it.',
  );
});

it('maps each status to its class and stable code', async () => {
  const cases = [
    [mdeError(400, 'MissingComment'), BadRequestError, 'MDE_ERR_BAD_REQUEST', 'MissingRequiredParameter'],
    [mdeError(401, 'Unauthorized'), UnauthorizedError, 'MDE_ERR_UNAUTHORIZED', 'Unauthorized'],
    [mdeError(403, 'ForbiddenAppRestrictExecution'), ForbiddenError, 'MDE_ERR_FORBIDDEN', 'Forbidden'],
    [mdeError(404, 'MachineNotFound'), NotFoundError, 'MDE_ERR_NOT_FOUND', 'ResourceNotFound'],
    [
      mdeError(429, 'QuotaPerMinute', { 'retry-after': '8' }),
      RateLimitedError,
      'MDE_ERR_RATE_LIMITED',
      '429',
    ],
    [mdeError(500, 'InternalServerError'), ServerError, 'MDE_ERR_SERVER', 'InternalServerError'],
    [mdeError(503, 'ServiceUnavailable'), ServerError, 'MDE_ERR_SERVER', 'ServiceUnavailable'],
    [
      { status: 405, headers: { allow: 'POST' } },
      UnexpectedResponseError,
      'MDE_ERR_UNEXPECTED_RESPONSE',
      undefined,
    ],
  ] as const;
  for (const [reply, errorClass, code, mdeCode] of cases) {
    // 401 is retried once with a refreshed token: queue the answer twice.
    server.reply(reply, ...(reply.status === 401 ? [reply] : []));
    const error = (await unrestrict()) as DefenderApiError;
    expect(error, `${reply.status}`).toBeInstanceOf(errorClass);
    expect(error.code).toBe(code);
    expect(error.status).toBe(reply.status);
    expect(error.mdeCode).toBe(mdeCode);
    expect(error.message).toMatch(/^Failed to unrestrict code execution on machine \w+: .+\. .+\.$/);
    expect(isDefenderApiError(error, code)).toBe(true);
  }
});

it('names the permission to grant on 403 and the id to check on 404', async () => {
  server.reply(mdeError(403, 'ForbiddenAppRestrictExecution'), mdeError(404, 'MachineActionNotFound'));
  const forbidden = (await unrestrict()) as ForbiddenError;
  const notFound = (await client
    .getMachineAction(recordedActionId)
    .catch((e: unknown) => e)) as NotFoundError;
  expect(forbidden.message).toContain(
    'Missing application roles. API required roles: Machine.RestrictExecution',
  );
  expect(forbidden.message).toContain(
    'Grant the app registration the application permission Machine.RestrictExecution',
  );
  expect(notFound.message).toBe(
    `Failed to get machine action ${recordedActionId}: Machine action 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 was not found. Check the machine action id.`,
  );
});

it('describes a 500 without a message by its status', async () => {
  server.reply(mdeError(500, 'InternalServerError'));
  const error = (await unrestrict()) as ServerError;
  expect(error.message).toContain('the service answered HTTP 500 without error details');
  expect(error.target).toBe('|8f2d6a41-c3e97b05d1f4a6e8.');
});

it('reads retryAfterMs from Retry-After, or from the message when the header is missing', async () => {
  server.reply(mdeError(429, 'QuotaPerMinute', { 'retry-after': '8' }), mdeError(429, 'QuotaPerHour'));
  const withHeader = (await unrestrict()) as RateLimitedError;
  const fromMessage = (await unrestrict()) as RateLimitedError;
  expect(withHeader.retryAfterMs).toBe(8000);
  expect(fromMessage.message).toMatch(/You can send requests again in (\d+) seconds/);
  const seconds = Number(/again in (\d+) seconds/.exec(fromMessage.message)?.[1]);
  expect(fromMessage.retryAfterMs).toBe(seconds * 1000);
});

it('maps a dropped connection to NetworkError with the undici error as cause', async () => {
  server.reply({ drop: true });
  const error = (await unrestrict()) as NetworkError;
  expect(error).toBeInstanceOf(NetworkError);
  expect(error.code).toBe('MDE_ERR_NETWORK');
  expect(error.requestNotSent).toBe(false);
  expect((error.cause as { code?: string }).code).toBe('UND_ERR_SOCKET');
  expect(error.message).toMatch(
    /^Failed to unrestrict code execution on machine \w+: the connection failed \(UND_ERR_SOCKET/,
  );
});

it('maps a refused connection to NetworkError marked as not sent', async () => {
  const closed = await startTestServer();
  const url = closed.url;
  await closed.close();
  const offline = new DefenderClient({ credential: new CountingCredential(), endpoint: url, maxAttempts: 1 });
  const error = (await offline.getMachine(recordedMachineId).catch((e: unknown) => e)) as NetworkError;
  await offline.close();
  expect(error).toBeInstanceOf(NetworkError);
  expect(error.requestNotSent).toBe(true);
  expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
});

it('maps a headers timeout to TimeoutError', async () => {
  const slow = new DefenderClient({
    credential: new CountingCredential(),
    endpoint: server.url,
    headersTimeoutMs: 50,
    maxAttempts: 1,
    keepAliveTimeoutMs: 100,
  });
  server.reply({ hold: true });
  const answer = slow.getMachineAction(recordedActionId).catch((e: unknown) => e);
  const error = (await answer) as TimeoutError;
  await slow.close();
  expect(error).toBeInstanceOf(TimeoutError);
  expect(error.phase).toBe('headers');
  expect(error.code).toBe('MDE_ERR_TIMEOUT');
});

it('wraps a failing credential in AuthenticationError', async () => {
  const failing = new DefenderClient({
    credential: {
      getToken: () => Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.')),
    },
    endpoint: server.url,
  });
  const error = (await failing.getMachine(recordedMachineId).catch((e: unknown) => e)) as AuthenticationError;
  await failing.close();
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error.code).toBe('MDE_ERR_AUTHENTICATION');
  expect(error.message).toContain('AADSTS7000215');
  expect(server.requests).toHaveLength(0);
});

it('isDefenderApiError matches on code, also for objects from another copy of the module', () => {
  const foreign = Object.assign(new Error('x'), { code: 'MDE_ERR_NOT_FOUND' });
  expect(isDefenderApiError(foreign)).toBe(true);
  expect(isDefenderApiError(foreign, 'MDE_ERR_NOT_FOUND')).toBe(true);
  expect(isDefenderApiError(foreign, 'MDE_ERR_SERVER')).toBe(false);
  expect(isDefenderApiError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false);
  expect(isDefenderApiError(null)).toBe(false);
});
