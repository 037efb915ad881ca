/**
 * The project's real client and global fetch through MSW handlers given as an undici dispatcher: same
 * answers as the real service's hosts would give, no socket opened, unhandled requests refused.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionAlreadyInProgressError, DefenderClient, StaticTokenCredential } from '../../client/index.ts';
import { DEMO_TENANT_ID } from '../../mock/index.ts';
import { createMdeHandlers, type MdeHandlers } from '../../mock/msw/index.ts';
import { createMswDispatcher } from '../../mock/msw/node.ts';
import { MACHINE, SOAR_APP } from '../helpers/sim-server.ts';

let mde: MdeHandlers;
let token: string;
beforeAll(async () => {
  mde = await createMdeHandlers({
    clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
    seed: 'dispatcher',
  });
});
beforeEach(async () => {
  mde.reset();
  token = await mde.control.mintToken({ tenantId: DEMO_TENANT_ID, clientId: SOAR_APP });
});
afterAll(() => mde.simulator.close());

describe('createMswDispatcher', () => {
  it('answers the project client on the real host in-process: 201, then the 400 in progress', async () => {
    const client = new DefenderClient({
      credential: new StaticTokenCredential(token),
      endpoint: 'https://api.security.microsoft.com',
      dispatcher: createMswDispatcher(mde.handlers),
    });
    const action = await client.unrestrictCodeExecution(MACHINE, 'through the dispatcher');
    expect(action).toMatchObject({ type: 'UnrestrictCodeExecution', status: 'Pending', machineId: MACHINE });
    await expect(client.unrestrictCodeExecution(MACHINE, 'again')).rejects.toBeInstanceOf(
      ActionAlreadyInProgressError,
    );
    mde.clock.advance(20_000);
    expect((await client.getMachineAction(action.id)).status).toBe('Succeeded');
    await client.close();
  });

  it('serves undici request and fetch with status, headers and body as the simulator wrote them', async () => {
    const dispatcher = createMswDispatcher(mde.handlers);
    const res = await request(
      `https://api.security.microsoft.com/api/machines/${MACHINE}/unrestrictCodeExecution`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Comment: 'undici request' }),
        dispatcher,
      },
    );
    expect(res.statusCode).toBe(201);
    expect(res.headers['odata-version']).toBe('4.0');
    expect(((await res.body.json()) as { status: string }).status).toBe('Pending');
    const unauthorized = await undiciFetch('https://api.security.microsoft.com/api/machineactions', {
      dispatcher,
    });
    expect(unauthorized.status).toBe(401);
    expect(((await unauthorized.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
  });

  it('refuses a request no handler answers, by default, and can hand it to another dispatcher', async () => {
    const dispatcher = createMswDispatcher(mde.handlers);
    await expect(request('https://example.invalid/', { dispatcher })).rejects.toThrow(
      /no handler answers GET/,
    );
    const local = createServer((_req, res) => res.end('from the real network'));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const fallback = new Agent();
    const passing = createMswDispatcher(mde.handlers, { onUnhandledRequest: fallback });
    const res = await request(`http://127.0.0.1:${(local.address() as AddressInfo).port}/`, {
      dispatcher: passing,
    });
    expect(await res.body.text()).toBe('from the real network');
    local.close();
    await fallback.close();
  });
});
