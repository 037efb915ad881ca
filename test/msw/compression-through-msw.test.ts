/**
 * MSW answers with the core's compressed bytes too: through msw/node's `setupServer` a `fetch` that asks
 * for deflate gets `Content-Encoding: deflate` with `Vary`, and the body decodes to the same entity the
 * standalone server sends (fetch decodes it, as it does against the service).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMdeHandlers, type MdeHandlers } from '../../mock/msw/index.ts';
import { MACHINE, SOAR_APP, START, TENANT } from '../helpers/sim-server.ts';

const API = 'https://api.security.microsoft.com';
let mde: MdeHandlers;
let server: ReturnType<typeof setupServer>;
let token: string;

beforeAll(async () => {
  mde = await createMdeHandlers({ clock: { mode: 'frozen', startAt: START }, seed: 'msw-compression' });
  token = await mde.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
  server = setupServer(...mde.handlers);
  server.listen({ onUnhandledFrame: 'error' });
});
afterAll(() => {
  server.close();
  mde.simulator.close();
});

describe('compression through MSW', () => {
  it('answers a fetch that offers deflate with deflate and Vary, and fetch decodes it', async () => {
    const res = await fetch(`${API}/api/machines/${MACHINE}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('deflate');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const machine = (await res.json()) as { id: string; '@odata.context': string };
    expect(machine.id).toBe(MACHINE);
    expect(machine['@odata.context']).toBe(`${API}/api/$metadata#Machines/$entity`);
  });

  it('compresses error answers the same way', async () => {
    const res = await fetch(`${API}/api/machines/nope/isolate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'accept-encoding': 'deflate',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ Comment: 'x' }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-encoding')).toBe('deflate');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ResourceNotFound');
  });
});
