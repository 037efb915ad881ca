import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TENANT_ID } from './demo-tenant.ts';
import { createSimulator } from './simulator.ts';
import { TenantState } from './tenant-state.ts';

const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';

afterEach(() => vi.restoreAllMocks());

async function call(
  sim: Awaited<ReturnType<typeof createSimulator>>,
  token: string,
  method: string,
  path: string,
  body?: object,
) {
  const [p, q = ''] = path.split('?');
  const res = await sim.handle({
    method,
    origin: 'https://api.security.microsoft.com',
    path: p!,
    query: q,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: res.body ? JSON.parse(res.body) : undefined };
}

describe('TenantState indexes', () => {
  it('answers action calls (create, duplicate, get, cancel) and machine-filtered lists without scanning all actions', async () => {
    const sim = await createSimulator({
      clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
      rateLimits: false,
    });
    const token = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });
    // Many finished actions on other machines, so a scan would have something to walk.
    for (let i = 0; i < 200; i++) {
      sim.control.addMachine(DEMO_TENANT_ID, {
        id: `b${i.toString(16).padStart(39, '0')}`,
        computerDnsName: `host-${i}`,
      });
      await call(
        sim,
        token,
        'POST',
        `/api/machines/${`b${i.toString(16).padStart(39, '0')}`}/restrictCodeExecution`,
        { Comment: 'x' },
      );
    }
    const scan = vi.spyOn(TenantState.prototype, 'allActions');
    const created = await call(sim, token, 'POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
      Comment: 'x',
    });
    expect(created.status).toBe(201);
    expect(
      (await call(sim, token, 'POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, { Comment: 'x' }))
        .status,
    ).toBe(400);
    expect((await call(sim, token, 'GET', `/api/machineactions/${created.json.id}`)).status).toBe(200);
    expect(
      (await call(sim, token, 'POST', `/api/machineactions/${created.json.id}/cancel`, { Comment: 'x' }))
        .status,
    ).toBe(200);
    const byMachine = await call(sim, token, 'GET', `/api/machineactions?$filter=machineId eq '${MACHINE}'`);
    expect(byMachine.json.value).toHaveLength(1);
    expect(scan).not.toHaveBeenCalled();
    // The unfiltered list is the one call that has to walk everything.
    expect((await call(sim, token, 'GET', '/api/machineactions')).json.value).toHaveLength(201);
    expect(scan).toHaveBeenCalledTimes(1);
    sim.close();
  });
});
