/**
 * The project's real client, unmodified, against the real hosts (`https://api.security.microsoft.com`,
 * `https://login.microsoftonline.com`) answered in-process by the MSW handlers: msal-node gets its token from
 * the simulator's Entra ID, `DefenderClient` (undici) calls the API, and every outcome comes from the same core
 * the standalone server runs. Retries and polls sleep on the simulator's virtual clock.
 *
 * The clock starts frozen at the real current time because msal judges its cached tokens by the wall clock
 * while the simulator judges them by its own: starting both together keeps the client's cache meaningful.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ActionAlreadyInProgressError,
  AuthenticationError,
  DefenderClient,
  type DefenderClientOptions,
  ForbiddenError,
  MsalClientCredential,
  NotFoundError,
  type RateLimitedError,
  type RetryInfo,
  StaticTokenCredential,
  UnauthorizedError,
} from '../../client/index.ts';
import { DEMO_TENANT_ID } from '../../mock/index.ts';
import {
  createMdeHandlers,
  defaultApiHosts,
  defaultLoginHosts,
  type MdeHandlers,
} from '../../mock/msw/index.ts';
import { setupSocketLevelServer } from '../../mock/msw/node.ts';
import { spec } from '../../openapi/spec.gen.ts';
import { MACHINE, OFFLINE_MACHINE, READER_APP, SERVER_MACHINE, SOAR_APP } from '../helpers/sim-server.ts';

const TENANT = DEMO_TENANT_ID;
const UNKNOWN_MACHINE = 'ffffffffffffffffffffffffffffffffffffffff';
const SCOPE = 'https://api.securitycenter.microsoft.com/.default';

let mde: MdeHandlers;
let server: ReturnType<typeof setupSocketLevelServer>;
/** Every URL MSW answered, in order (the proof of what was called, and that nothing escaped). */
let answered: string[] = [];
let open: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  mde = await createMdeHandlers({
    clock: { mode: 'frozen', startAt: new Date().toISOString() },
    seed: 'client-through-msw',
  });
  // msw/node's setupServer does not see undici.request (see undici-interception.test.ts): same handlers,
  // intercepted at the socket instead.
  server = setupSocketLevelServer(...mde.handlers);
  server.events.on('response:mocked', ({ request: req, response }) => {
    answered.push(`${response.status} ${req.method} ${req.url}`);
  });
  server.listen({ onUnhandledFrame: 'error' });
});
afterAll(() => {
  server?.close();
  mde?.simulator.close();
});
beforeEach(() => {
  mde.reset();
  mde.clock.setTime(Date.now());
  answered = [];
});
afterEach(async () => {
  const closing = open;
  open = [];
  await Promise.all(closing.map((c) => c.close()));
});

function secretOf(clientId: string): string {
  const app = mde.control.tenant(TENANT).apps.find((a) => a.clientId === clientId);
  if (!app?.clientSecret) throw new Error(`demo app ${clientId} has no secret`);
  return app.clientSecret;
}

/** msal-node pointed at the real login host (its default), which MSW answers from the simulator. */
function msalCredential(clientId = SOAR_APP, clientSecret = secretOf(clientId)): MsalClientCredential {
  const credential = new MsalClientCredential({ tenantId: TENANT, clientId, clientSecret });
  open.push(credential);
  return credential;
}

/** A client on the `global` region whose sleeps advance the simulator's clock (and are recorded). */
function virtualClient(options: Partial<DefenderClientOptions> = {}) {
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const client = new DefenderClient({
    endpoint: 'global',
    random: () => 0.5,
    onRetry: (info) => retries.push(info),
    ...options,
    credential: options.credential ?? msalCredential(),
    now: () => mde.clock.now(),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      mde.clock.advance(ms);
    },
  });
  open.push(client);
  return { client, sleeps, retries };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('the handlers', () => {
  it('answer every API host of the spec and both login hosts', () => {
    expect(defaultApiHosts).toContain('https://api.security.microsoft.com');
    expect(defaultApiHosts).toContain('https://api.securitycenter.microsoft.com');
    expect(defaultApiHosts).toContain('https://api.securitycenter.windows.com');
    expect(defaultApiHosts).toContain('https://api-gov.securitycenter.microsoft.us');
    expect(defaultApiHosts).toEqual(spec.servers.map((s) => s.url));
    expect(defaultLoginHosts).toEqual([
      'https://login.microsoftonline.com',
      'https://login.microsoftonline.us',
    ]);
    expect(mde.handlers).toHaveLength(defaultApiHosts.length + defaultLoginHosts.length);
  });

  it('answer undici.request (what DefenderClient uses) on every API host', async () => {
    const token = await mde.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
    for (const host of defaultApiHosts) {
      const res = await request(`${host}/api/machines/${MACHINE}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, host).toBe(200);
      expect(((await res.body.json()) as { id: string }).id).toBe(MACHINE);
    }
    expect(mde.control.journal({ tenantId: TENANT })).toHaveLength(defaultApiHosts.length);
  });

  it('refuse a bad host, or simulator options beside a simulator, with a TypeError naming the option', async () => {
    await expect(createMdeHandlers({ simulator: mde.simulator, apiHosts: ['api.example'] })).rejects.toThrow(
      /Invalid option apiHosts/,
    );
    await expect(
      createMdeHandlers({ simulator: mde.simulator, loginHosts: ['https://login.example/tenant'] }),
    ).rejects.toThrow(/Invalid option loginHosts/);
    await expect(createMdeHandlers({ simulator: mde.simulator, seed: 'ignored?' })).rejects.toThrow(
      /simulator options \(seed\) cannot apply/,
    );
  });
});

describe('msal-node against login.microsoftonline.com, answered by the simulator', () => {
  it('gets a client-credentials token with one call to the token endpoint (its metadata is built in)', async () => {
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: SOAR_APP,
        clientSecret: secretOf(SOAR_APP),
        authority: `https://login.microsoftonline.com/${TENANT}`,
      },
    });
    const result = await app.acquireTokenByClientCredential({ scopes: [SCOPE] });
    const claims = JSON.parse(atob(result!.accessToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims).toMatchObject({
      aud: 'https://api.securitycenter.microsoft.com',
      tid: TENANT,
      appid: SOAR_APP,
      roles: expect.arrayContaining(['Machine.RestrictExecution']),
    });
    expect(answered).toEqual([
      expect.stringMatching(
        new RegExp(
          `^200 POST https://login\\.microsoftonline\\.com/${TENANT}/oauth2/v2\\.0/token\\?client-request-id=`,
        ),
      ),
    ]);
  });

  it('refuses an authority host Entra does not know (invalid_instance), and follows it once it is a known authority', async () => {
    // msal ships the public cloud's metadata; a custom authority host makes it ask instance discovery, which
    // answers AADSTS50049 invalid_instance as Entra does; msal then cannot resolve the authority's endpoints.
    const custom = await createMdeHandlers({
      simulator: mde.simulator,
      apiHosts: [],
      loginHosts: ['https://login.contoso-sts.example'],
    });
    server.use(...custom.handlers);
    try {
      const auth = {
        clientId: SOAR_APP,
        clientSecret: secretOf(SOAR_APP),
        authority: `https://login.contoso-sts.example/${TENANT}`,
      };
      const untrusted = new ConfidentialClientApplication({ auth });
      await expect(untrusted.acquireTokenByClientCredential({ scopes: [SCOPE] })).rejects.toMatchObject({
        errorCode: 'endpoints_resolution_error',
      });
      expect(answered.map((line) => line.replace(/\?.*$/, ''))).toEqual([
        '400 GET https://login.microsoftonline.com/common/discovery/instance',
      ]);
      answered.length = 0;
      const trusted = new ConfidentialClientApplication({
        auth: { ...auth, knownAuthorities: ['login.contoso-sts.example'] },
      });
      expect((await trusted.acquireTokenByClientCredential({ scopes: [SCOPE] }))?.accessToken).toBeTruthy();
      expect(answered.map((line) => line.replace(/\?.*$/, ''))).toEqual([
        `200 GET https://login.contoso-sts.example/${TENANT}/v2.0/.well-known/openid-configuration`,
        `200 POST https://login.contoso-sts.example/${TENANT}/oauth2/v2.0/token`,
      ]);
    } finally {
      server.resetHandlers();
    }
  });
});

describe('DefenderClient (global region) + MsalClientCredential through MSW', () => {
  it('201: unrestricts with an msal token from login.microsoftonline.com', async () => {
    const { client } = virtualClient();
    const action = await client.unrestrictCodeExecution(MACHINE, 'Cleaned and validated');
    expect(action).toMatchObject({
      type: 'UnrestrictCodeExecution',
      status: 'Pending',
      machineId: MACHINE,
      requestor: 'SOAR Playbook Automation',
    });
    expect(answered.map((line) => line.replace(/\?.*$/, ''))).toEqual([
      `200 POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      `201 POST https://api.security.microsoft.com/api/machines/${MACHINE}/unrestrictCodeExecution`,
    ]);
  });

  it('400 ActiveRequestAlreadyExists: ActionAlreadyInProgressError while an unrestrict is pending', async () => {
    const { client } = virtualClient();
    await client.unrestrictCodeExecution(MACHINE, 'first');
    const error = await failure(client.unrestrictCodeExecution(MACHINE, 'second'));
    expect(error).toBeInstanceOf(ActionAlreadyInProgressError);
    expect(error).toMatchObject({
      status: 400,
      mdeCode: 'ActiveRequestAlreadyExists',
      code: 'MDE_ERR_ACTION_IN_PROGRESS',
    });
  });

  it('401: UnauthorizedError for an expired token (refreshed once, still refused)', async () => {
    const expired = await mde.control.mintToken({
      tenantId: TENANT,
      clientId: SOAR_APP,
      claims: { exp: Math.floor(mde.clock.now() / 1000) - 3600 },
    });
    const { client, retries } = virtualClient({ credential: new StaticTokenCredential(expired) });
    const error = await failure(client.unrestrictCodeExecution(MACHINE, 'expired'));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: 'MDE_ERR_UNAUTHORIZED' });
    expect(retries.map((r) => r.reason)).toEqual(['unauthorized']);
    expect(mde.control.actions(TENANT)).toHaveLength(0);
  });

  it('AADSTS7000215: AuthenticationError for a wrong secret, before any API call', async () => {
    const { client } = virtualClient({ credential: msalCredential(SOAR_APP, 'not-the-secret') });
    const error = await failure(client.unrestrictCodeExecution(MACHINE, 'wrong secret'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/AADSTS7000215/);
    expect(answered.map((line) => line.replace(/\?.*$/, ''))).toEqual([
      `401 POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    ]);
  });

  it('403: ForbiddenError for the Inventory Reporter app, which lacks Machine.RestrictExecution', async () => {
    const { client } = virtualClient({ credential: msalCredential(READER_APP) });
    expect((await client.getMachine(MACHINE)).id).toBe(MACHINE);
    const error = await failure(client.unrestrictCodeExecution(MACHINE, 'not allowed'));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ status: 403, code: 'MDE_ERR_FORBIDDEN' });
    expect((error as Error).message).toContain('Machine.RestrictExecution');
  });

  it('404: NotFoundError for an unknown machine', async () => {
    const { client } = virtualClient();
    const error = await failure(client.unrestrictCodeExecution(UNKNOWN_MACHINE, 'who?'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, mdeCode: 'ResourceNotFound' });
  });

  it('429: sleeps exactly Retry-After on the virtual clock, then succeeds; the simulator saw no early retry', async () => {
    mde.control.setRateLimits(TENANT, {
      limits: { unrestrictCodeExecution: [{ limit: 1, windowSeconds: 60 }] },
    });
    const { client, sleeps, retries } = virtualClient();
    await client.unrestrictCodeExecution(MACHINE, 'first in the window');
    const started = mde.clock.now();
    const second = await client.unrestrictCodeExecution(SERVER_MACHINE, 'throttled, then admitted');
    expect(second).toMatchObject({ status: 'Pending', machineId: SERVER_MACHINE });
    expect(sleeps).toEqual([60_000]);
    expect(mde.clock.now() - started).toBe(60_000);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ reason: 'rate-limited', delayMs: 60_000 });
    expect((retries[0]!.error as RateLimitedError).retryAfterMs).toBe(60_000);
    expect(
      mde.control.retries(TENANT).find((r) => r.operationId === 'unrestrictCodeExecution'),
    ).toMatchObject({ throttled: 1, earlyRetries: 0, honouredRetries: 1 });
    expect(answered.filter((line) => line.startsWith('429 '))).toHaveLength(1);
  });

  it('waitForMachineAction reaches Succeeded as the injected sleep advances the clock', async () => {
    const { client, sleeps } = virtualClient();
    const action = await client.unrestrictCodeExecution(MACHINE, 'wait for it');
    const seen: string[] = [];
    const final = await client.waitForMachineAction(action.id, {
      pollIntervalMs: 5_000,
      onPoll: (a) => seen.push(a.status),
    });
    expect(final).toMatchObject({ id: action.id, status: 'Succeeded', type: 'UnrestrictCodeExecution' });
    // Demo lifecycle: picked up after 5 s, done 15 s later.
    expect(sleeps).toEqual([5_000, 5_000, 5_000, 5_000]);
    expect(seen).toEqual(['Pending', 'InProgress', 'InProgress', 'InProgress', 'Succeeded']);
  });

  it('an offline machine stays Pending: the wait gives up on the virtual clock, not the wall clock', async () => {
    const { client, sleeps } = virtualClient();
    const action = await client.unrestrictCodeExecution(OFFLINE_MACHINE, 'offline');
    await expect(
      client.waitForMachineAction(action.id, { pollIntervalMs: 60_000, timeoutMs: 180_000 }),
    ).rejects.toMatchObject({ code: 'MDE_ERR_WAIT_TIMEOUT' });
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(180_000);
  });
});
