/**
 * The example seed file the README points to (`docs/examples/playbook-fleet.seed.json`) is read by the
 * server's own seed-file reader (schema-checked) and serves a playbook: the machine list with a filter, the
 * pre-isolated device as the control API shows it, a quarantine of a file the device has seen.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../mock/core/simulator.ts';
import { readSeedFile } from '../../mock/server/main.ts';

const file = fileURLToPath(new URL('../../docs/examples/playbook-fleet.seed.json', import.meta.url));

describe('docs/examples/playbook-fleet.seed.json', () => {
  it('passes the seed schema and serves a containment playbook', async () => {
    const tenants = await readSeedFile(file);
    const sim = await createSimulator({
      tenants,
      clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' },
    });
    const tenant = tenants[0]!;
    const token = await sim.control.mintToken({ tenantId: tenant.id, clientId: tenant.apps[0]!.clientId });
    const call = async (method: string, path: string, body?: object) => {
      const [p, q = ''] = path.split('?');
      const res = await sim.handle({
        method,
        origin: 'https://api.security.microsoft.com',
        path: p!,
        query: q,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: JSON.parse(res.body) };
    };
    const vip = await call(
      'GET',
      `/api/machines?$filter=${encodeURIComponent("machineTags eq 'VIP' or riskScore eq 'High'")}`,
    );
    expect(vip.json.value.map((m: { computerDnsName: string }) => m.computerDnsName)).toEqual([
      'ws-ceo-01.fabrikam-lab.local',
    ]);
    const summary = sim.control.tenant(tenant.id).machines;
    expect(summary.find((m) => m.computerDnsName === 'ws-eng-14.fabrikam-lab.local')?.isolation).toBe(
      'Selective',
    );
    const quarantine = await call(
      'POST',
      '/api/machines/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/StopAndQuarantineFile',
      {
        Comment: 'Dropper seen on the CEO workstation',
        Sha1: '87662bc3d60e4200ceaf7aae249d1c343f4b83c9',
      },
    );
    expect(quarantine.status).toBe(201);
    sim.close();
  });
});
