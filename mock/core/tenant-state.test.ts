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
    const scan = vi.spyOn(TenantState.prototype, 'allActionsNewestFirst');
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

describe('TenantState retention', () => {
  const lifecycle = { pickupDelayMs: 5_000, executionMs: 15_000, offlineTimeoutMs: 3 * 24 * 3600 * 1000 };
  const seed = () => ({
    id: DEMO_TENANT_ID,
    domain: 'retention.example',
    displayName: 'Retention',
    apps: [],
    users: [],
    machines: [
      { id: 'a'.repeat(40), computerDnsName: 'online-01' },
      { id: 'b'.repeat(40), computerDnsName: 'offline-01', sim: { online: false } },
    ],
  });
  const create = (tenant: TenantState, machineId: string, n: number, now: number) =>
    tenant.createAction(
      {
        type: 'UnrestrictCodeExecution',
        machine: tenant.machine(machineId)!,
        requestor: 'r',
        requestorComment: 'c',
      },
      `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      now,
      0,
    );

  it('keeps at most maxFinalActions final actions, dropping the oldest-ended first, and never an active one', () => {
    const tenant = new TenantState(seed(), lifecycle, { maxAgeMs: null, maxFinalActions: 100 });
    const pending = create(tenant, 'b'.repeat(40), 0, 0); // offline: stays Pending for 3 days
    let now = 0;
    for (let i = 1; i <= 1000; i++) {
      create(tenant, 'a'.repeat(40), i, now);
      now += 30_000; // each one ends (20 s) before the next starts
      tenant.settle(now);
    }
    expect(tenant.actionCount).toBe(101);
    expect(tenant.action(pending.id)?.status).toBe('Pending');
    expect(tenant.action('00000000-0000-4000-8000-000000000001')).toBeUndefined();
    expect(tenant.action(`00000000-0000-4000-8000-${(1000).toString(16).padStart(12, '0')}`)?.status).toBe(
      'Succeeded',
    );
    expect([...tenant.actionsOn('a'.repeat(40))]).toHaveLength(100);
  });

  it('drops final actions older than maxAgeMs (by when they ended), on the simulator clock', () => {
    const day = 24 * 3600 * 1000;
    const tenant = new TenantState(seed(), lifecycle, { maxAgeMs: 30 * day, maxFinalActions: null });
    const old = create(tenant, 'a'.repeat(40), 1, 0);
    tenant.settle(day);
    expect(tenant.action(old.id)?.status).toBe('Succeeded');
    tenant.settle(30 * day + 20_000); // exactly 30 days after it ended: still kept
    expect(tenant.action(old.id)).toBeDefined();
    tenant.settle(30 * day + 20_001);
    expect(tenant.action(old.id)).toBeUndefined();
    expect([...tenant.allActions()]).toHaveLength(0);
  });

  it('reads a $top=10 page of a machine with 100,000 stored actions without walking them', async () => {
    const tenant = new TenantState(seed(), lifecycle, { maxAgeMs: null, maxFinalActions: null });
    for (let i = 1; i <= 100_000; i++) create(tenant, 'a'.repeat(40), i, i * 30_000);
    tenant.settle(100_001 * 30_000);
    let read = 0;
    for (const _action of tenant.actionsOnNewestFirst('a'.repeat(40))) if (++read === 11) break;
    expect(read).toBe(11);
    const newest = tenant.actionsOnNewestFirst('a'.repeat(40)).next().value;
    expect(newest?.id).toBe(`00000000-0000-4000-8000-${(100_000).toString(16).padStart(12, '0')}`);
  });

  it('keeps a long run bounded with the default policy (one 4000-character action a day for 300 days)', async () => {
    const sim = await createSimulator({
      clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
      rateLimits: false,
    });
    for (let i = 0; i < 300; i++) {
      const token = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });
      const created = await call(sim, token, 'POST', `/api/machines/${MACHINE}/unrestrictCodeExecution`, {
        Comment: 'x'.repeat(4000),
      });
      expect(created.status).toBe(201);
      sim.clock.advance(24 * 3600 * 1000); // a day each: ended actions age out after 30
    }
    expect(sim.control.actions(DEMO_TENANT_ID).length).toBeLessThanOrEqual(32);
  });
});

describe('TenantState snapshot of the response actions', () => {
  it('keeps isolation, scans, quarantined files, offboarding and package links across snapshot and restore', async () => {
    const start = '2026-11-29T10:00:00Z';
    const sim = await createSimulator({ clock: { mode: 'frozen', startAt: start }, rateLimits: false });
    const token = await sim.control.mintToken({ tenantId: DEMO_TENANT_ID });
    const LAB = '5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b';
    const PRINTER = '9c8b7a6f5e4d43c2b1a0f9e8d7c6b5a4f3e2d1c0';
    await call(sim, token, 'POST', `/api/machines/${MACHINE}/isolate`, {
      Comment: 'x',
      IsolationType: 'Selective',
    });
    await call(sim, token, 'POST', `/api/machines/${LAB}/StopAndQuarantineFile`, {
      Comment: 'x',
      Sha1: '87662bc3d60e4200ceaf7aae249d1c343f4b83c9',
    });
    await call(sim, token, 'POST', `/api/machines/${LAB}/runAntiVirusScan`, {
      Comment: 'x',
      ScanType: 'Full',
    });
    const collect = await call(sim, token, 'POST', `/api/machines/${MACHINE}/collectInvestigationPackage`, {
      Comment: 'x',
    });
    await call(sim, token, 'POST', `/api/machines/${PRINTER}/offboard`, { Comment: 'x' });
    sim.clock.advance(60_000);
    const link = await call(sim, token, 'GET', `/api/machineactions/${collect.json.id}/getPackageUri`);
    expect(link.status).toBe(200);

    const restored = await createSimulator({ clock: { mode: 'frozen', startAt: start } });
    restored.restore(JSON.parse(JSON.stringify(sim.snapshot())));
    const machines = restored.control.tenant(DEMO_TENANT_ID).machines;
    expect(machines.find((m) => m.id === MACHINE)?.isolation).toBe('Selective');
    expect(machines.find((m) => m.id === PRINTER)?.online).toBe(false);
    const lab = restored.snapshot().state.tenants[0]!.seed.machines.find((m) => m.id === LAB)!.sim!;
    expect(lab.quarantinedFiles).toEqual(['87662bc3d60e4200ceaf7aae249d1c343f4b83c9']);
    expect(lab.lastAntivirusScan?.scanType).toBe('Full');
    const url = new URL(link.json.value);
    const download = await restored.handle({
      method: 'GET',
      origin: url.origin,
      path: url.pathname,
      query: url.search.slice(1),
      headers: {},
      body: undefined,
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    // The 7-day Inactive change of the offboarded printer survives the restore too.
    restored.clock.advance(7 * 24 * 3600 * 1000);
    const restoredToken = await restored.control.mintToken({ tenantId: DEMO_TENANT_ID });
    const printer = await call(restored, restoredToken, 'GET', `/api/machines/${PRINTER}`);
    expect(printer.json.healthStatus).toBe('Inactive');
    sim.close();
    restored.close();
  });
});
