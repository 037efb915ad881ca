import { afterEach, beforeEach, expect, it } from 'vitest';
import { DefenderClient } from './defender-client.ts';
import { NetworkError, RateLimitedError, ServerError, UnauthorizedError } from './errors.ts';
import { backoffDelayMs, parseRetryAfterMs } from './retry-policy.ts';
import {
  created,
  example,
  mdeError,
  ok,
  recordedActionId,
  recordedMachineId,
  startTestServer,
  type TestServer,
} from './test-server.test-helper.ts';
import type { DefenderClientOptions, RetryInfo } from './types.ts';
import { CountingCredential, type VirtualTime, virtualTime } from './virtual-time.test-helper.ts';

let server: TestServer;
let time: VirtualTime;
let credential: CountingCredential;
let retries: RetryInfo[];
const clients: DefenderClient[] = [];

function makeClient(overrides: Partial<DefenderClientOptions> = {}): DefenderClient {
  const client = new DefenderClient({
    credential,
    endpoint: server.url,
    sleep: time.sleep,
    now: time.now,
    random: () => 0.5,
    onRetry: (info) => retries.push(info),
    keepAliveTimeoutMs: 100,
    ...overrides,
  });
  clients.push(client);
  return client;
}

beforeEach(async () => {
  server = await startTestServer();
  time = virtualTime();
  credential = new CountingCredential();
  retries = [];
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

it('retries a 429 after exactly Retry-After, for an action POST too', async () => {
  server.reply(
    mdeError(429, 'QuotaPerMinute', { 'retry-after': '8' }),
    mdeError(429, 'QuotaPerMinute', { 'retry-after': '3' }),
    created(),
  );
  const action = await makeClient().unrestrictCodeExecution(recordedMachineId, 'c');

  expect(action.id).toBe(recordedActionId);
  expect(time.sleeps).toEqual([8000, 3000]);
  expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  expect(retries.map((r) => [r.attempt, r.reason, r.delayMs])).toEqual([
    [1, 'rate-limited', 8000],
    [2, 'rate-limited', 3000],
  ]);
});

it('falls back to "You can send requests again in N seconds" when Retry-After is missing', async () => {
  const quota = example<{ error: { message: string } }>('QuotaPerMinute');
  const seconds = Number(/again in (\d+) seconds/.exec(quota.error.message)?.[1]);
  server.reply(mdeError(429, 'QuotaPerMinute'), ok(example('UnrestrictSucceeded')));
  await makeClient().getMachineAction(recordedActionId);
  expect(time.sleeps).toEqual([seconds * 1000]);
});

it('gives up with RateLimitedError after maxAttempts', async () => {
  const throttled = mdeError(429, 'QuotaPerMinute', { 'retry-after': '2' });
  server.reply(throttled, throttled, throttled);
  const error = await makeClient({ maxAttempts: 3 })
    .getMachineAction(recordedActionId)
    .catch((e: unknown) => e);

  expect(error).toBeInstanceOf(RateLimitedError);
  expect((error as RateLimitedError).retryAfterMs).toBe(2000);
  expect(server.requests).toHaveLength(3);
  expect(time.sleeps).toEqual([2000, 2000]);
});

it('does not sleep less than Retry-After: a wait longer than maxRetryDelayMs fails at once', async () => {
  server.reply(mdeError(429, 'QuotaPerHour', { 'retry-after': '1800' }));
  const error = await makeClient({ maxRetryDelayMs: 60_000 })
    .getMachineAction(recordedActionId)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitedError);
  expect((error as RateLimitedError).retryAfterMs).toBe(1_800_000);
  expect((error as RateLimitedError).message).toContain('Wait 1800 s before calling again');
  expect(time.sleeps).toEqual([]);
});

it('retries a GET on 500 with exponential backoff and full jitter', async () => {
  server.reply(
    mdeError(500, 'InternalServerError'),
    mdeError(502, 'InternalServerError'),
    mdeError(504, 'InternalServerError'),
  );
  server.reply(ok(example('Machine2023')));
  const machine = await makeClient({ baseRetryDelayMs: 1000, random: () => 0.5 }).getMachine(
    'se-pov-desktop',
  );
  expect(machine.id).toBe('556b3952acb0bff29816d267822305781cc183ec');
  // random() * min(max, 1000 * 2^(n-1)) with random() = 0.5
  expect(time.sleeps).toEqual([500, 1000, 2000]);
  expect(retries.every((r) => r.reason === 'server-error')).toBe(true);
});

it('caps the backoff at maxRetryDelayMs', () => {
  const options = { maxAttempts: 10, baseRetryDelayMs: 1000, maxRetryDelayMs: 5000, random: () => 0.999 };
  expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, options))).toEqual([999, 1998, 3996, 4995, 4995]);
});

it('does not retry an action POST on 500: the action may have been created', async () => {
  server.reply(mdeError(500, 'InternalServerError'), created());
  const error = await makeClient()
    .unrestrictCodeExecution(recordedMachineId, 'c')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ServerError);
  expect(server.requests).toHaveLength(1);
  expect(server.pendingReplies()).toBe(1);
});

it('retries an action POST on 503: the service refused it without running it', async () => {
  server.reply(mdeError(503, 'ServiceUnavailable'), created());
  const action = await makeClient().unrestrictCodeExecution(recordedMachineId, 'c');
  expect(action.status).toBe('Pending');
  expect(server.requests).toHaveLength(2);
  expect(time.sleeps).toEqual([500]);
});

it('retries a GET after a dropped connection', async () => {
  server.reply({ drop: true }, ok(example('UnrestrictSucceeded')));
  const action = await makeClient().getMachineAction(recordedActionId);
  expect(action.status).toBe('Succeeded');
  expect(retries.map((r) => r.reason)).toEqual(['network-error']);
});

it('does not retry an action POST after a dropped connection: the request was sent', async () => {
  server.reply({ drop: true }, created());
  const error = await makeClient()
    .unrestrictCodeExecution(recordedMachineId, 'c')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect(server.requests).toHaveLength(1);
});

it('retries an action POST when the connection was refused (never sent), then gives up', async () => {
  const closed = await startTestServer();
  await closed.close();
  const error = await makeClient({ endpoint: closed.url, maxAttempts: 3 })
    .unrestrictCodeExecution(recordedMachineId, 'c')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).requestNotSent).toBe(true);
  expect(time.sleeps).toEqual([500, 1000]);
});

it('refreshes the token exactly once after a 401 and retries', async () => {
  server.reply(mdeError(401, 'Unauthorized'), created());
  const action = await makeClient().unrestrictCodeExecution(recordedMachineId, 'c');

  expect(action.id).toBe(recordedActionId);
  expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  expect(credential.calls.map((c) => c.forceRefresh)).toEqual([false, true]);
  expect(time.sleeps).toEqual([]);
  expect(retries.map((r) => [r.reason, r.delayMs])).toEqual([['unauthorized', 0]]);
});

it('throws UnauthorizedError when the refreshed token is refused too', async () => {
  server.reply(mdeError(401, 'Unauthorized'), mdeError(401, 'Unauthorized'), created());
  const error = await makeClient()
    .unrestrictCodeExecution(recordedMachineId, 'c')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnauthorizedError);
  expect(server.requests).toHaveLength(2);
  expect(credential.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
});

it('aborts while sleeping before a retry', async () => {
  const controller = new AbortController();
  server.reply(mdeError(429, 'QuotaPerMinute', { 'retry-after': '8' }));
  const error = await makeClient({
    onRetry: () => controller.abort(),
  })
    .getMachineAction(recordedActionId, { signal: controller.signal })
    .catch((e: unknown) => e);
  expect((error as Error).name).toBe('AbortError');
  expect(server.requests).toHaveLength(1);
});

it('parses Retry-After as seconds or an HTTP date', () => {
  const now = Date.parse('2026-01-30T21:11:22Z');
  expect(parseRetryAfterMs('8', undefined, now)).toBe(8000);
  expect(parseRetryAfterMs('Fri, 30 Jan 2026 21:11:32 GMT', undefined, now)).toBe(10_000);
  expect(parseRetryAfterMs(undefined, 'You can send requests again in 1 second.', now)).toBe(1000);
  expect(parseRetryAfterMs(undefined, 'quota exceeded', now)).toBeUndefined();
});

it('logs retries to the given logger without ever logging the token', async () => {
  const lines: unknown[] = [];
  const logger = {
    debug: (obj: object, msg?: string) => lines.push({ level: 'debug', obj, msg }),
    info: (obj: object, msg?: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg?: string) => lines.push({ level: 'warn', obj, msg }),
  };
  server.reply(mdeError(401, 'Unauthorized'), mdeError(503, 'ServiceUnavailable'), created());
  await makeClient({ logger }).unrestrictCodeExecution(recordedMachineId, 'c');

  const text = JSON.stringify(lines);
  expect(text).not.toContain('token-1');
  expect(text).not.toContain('token-2');
  expect(text).not.toContain('Bearer');
  expect(lines.filter((l) => (l as { level: string }).level === 'warn')).toHaveLength(2);
  expect(text).toContain('"status":503');
});
