/**
 * `serve --persist`: what a run changed survives a restart (and a kill -9, up to the flush interval), and a
 * damaged state file stops the start with one line naming it, never silently replaced.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../mock/core/demo-tenant.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { StateFileError } from '../../mock/server/state-file-error.ts';
import { FABRIKAM } from '../helpers/sim-server.ts';

const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const START = '2026-11-29T10:00:00Z';

const start = (stateDir: string) =>
  startServer({
    port: 0,
    httpsPort: null,
    stateDir,
    persist: true,
    simulator: { clock: { mode: 'frozen', startAt: START }, seed: 'persist' },
  });

async function unrestrict(
  server: RunningServer,
  machineId = MACHINE,
): Promise<{ status: number; id: string }> {
  const token = await server.simulator.control.mintToken({ tenantId: DEMO_TENANT_ID });
  const res = await request(`${server.url}/api/machines/${machineId}/unrestrictCodeExecution`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Comment: 'persisted' }),
  });
  const body = (await res.body.json()) as { id: string };
  return { status: res.statusCode, id: body.id };
}

describe('serve --persist', () => {
  it('restores tenants, machines, actions (mid-lifecycle), quotas, faults and the clock after a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-persist-'));
    const first = await start(stateDir);
    const c = first.simulator.control;
    const created = await unrestrict(first);
    expect(created.status).toBe(201);
    c.addTenant(FABRIKAM);
    c.addMachine(DEMO_TENANT_ID, {
      id: 'c'.repeat(40),
      computerDnsName: 'added-at-run-time',
      sim: { online: false },
    });
    c.setRateLimits(DEMO_TENANT_ID, { limits: { getMachine: [{ limit: 7, windowSeconds: 60 }] } });
    c.addFault({
      id: 'flaky-get',
      match: { operationId: 'getMachine' },
      effect: { kind: 'status', status: 503 },
      count: 2,
    });
    c.advanceClock(10_000); // the action is InProgress, due to end at +20 s
    expect(c.actions(DEMO_TENANT_ID)[0]?.status).toBe('InProgress');
    await first.close();
    expect(existsSync(join(stateDir, 'state.json'))).toBe(true);

    const second = await start(stateDir);
    try {
      expect(second.restoredState).toBe(true);
      const d = second.simulator.control;
      expect(d.clockState().now).toBe('2026-11-29T10:00:10.000Z');
      expect(d.tenant(FABRIKAM.domain).machines[0]?.computerDnsName).toBe('fab-01');
      expect(d.tenant(DEMO_TENANT_ID).machines.find((m) => m.id === 'c'.repeat(40))?.online).toBe(false);
      expect(d.rateLimits(DEMO_TENANT_ID).limits.getMachine).toEqual([{ limit: 7, windowSeconds: 60 }]);
      expect(d.faults()).toMatchObject([{ id: 'flaky-get', fired: 0, count: 2 }]);
      const [action] = d.actions(DEMO_TENANT_ID);
      expect(action).toMatchObject({ id: created.id, status: 'InProgress' });
      d.advanceClock(10_000); // the planned transition survived the restart
      expect(d.actions(DEMO_TENANT_ID)[0]?.status).toBe('Succeeded');
      // A duplicate check still sees actions from before the restart; a reset still knows the seed.
      d.reset(DEMO_TENANT_ID);
      expect(d.actions(DEMO_TENANT_ID)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it.each([
    [
      'truncated',
      (text: string) => text.slice(0, Math.floor(text.length / 2)),
      /is not valid JSON \(truncated or damaged/,
    ],
    ['foreign', () => JSON.stringify({ hello: 'world' }), /is not an mde-sim state file/],
    [
      'damaged',
      (text: string) => text.replace('"tenants":[', '"tenants":"not a list","x":['),
      /is damaged: state\.state/,
    ],
  ])(
    'refuses a %s state file at start with one line naming it, and leaves it as it was',
    async (_kind, damage, message) => {
      const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-persist-'));
      const server = await start(stateDir);
      await unrestrict(server);
      await server.close();
      const path = join(stateDir, 'state.json');
      const damaged = damage(readFileSync(path, 'utf8'));
      writeFileSync(path, damaged);
      const failure = await start(stateDir).then(
        () => new Error('started'),
        (error: Error) => error,
      );
      expect(failure).toBeInstanceOf(StateFileError);
      expect(failure.message).toMatch(message);
      expect(failure.message).toContain(path);
      expect(failure.message).toContain('Move it away');
      expect(failure.message.split('\n')).toHaveLength(1);
      expect(readFileSync(path, 'utf8')).toBe(damaged);
    },
  );
});

describe('kill -9 under load', () => {
  it('restarts from the last flushed state: every action saved before the kill is there', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'mde-sim-kill-'));
    const serve = (): { child: ChildProcess; ready: Promise<{ url: string }> } => {
      const child = spawn(
        process.execPath,
        [
          'mock/server/cli.ts',
          'serve',
          '--port',
          '0',
          '--no-https',
          '--persist',
          '--persist-interval',
          '50',
          '--state-dir',
          stateDir,
          '--clock',
          'frozen',
          '--log-level',
          'silent',
        ],
        { cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const ready = new Promise<{ url: string }>((resolve, reject) => {
        let text = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const line = /^mde-sim ready (\{.*\})$/m.exec(text);
          if (line) resolve(JSON.parse(line[1]!));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      return { child, ready };
    };
    const token = async (url: string) => {
      const res = await request(`${url}/_sim/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: DEMO_TENANT_ID }),
      });
      return ((await res.body.json()) as { access_token: string }).access_token;
    };
    const machines = ['1e5bc9d7e413ddd7902c2932e418702b84d0cc07', '556b3952acb0bff29816d267822305781cc183ec'];

    const first = serve();
    const { url } = await first.ready;
    const bearer = await token(url);
    const ids: string[] = [];
    for (const machine of machines) {
      for (const type of ['restrictCodeExecution', 'unrestrictCodeExecution']) {
        const res = await request(`${url}/api/machines/${machine}/${type}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: '{"Comment":"before the kill"}',
        });
        expect(res.statusCode).toBe(201);
        ids.push(((await res.body.json()) as { id: string }).id);
      }
    }
    // Wait for the persister to write what was made (a file-system event, bounded), then load and kill.
    const statePath = join(stateDir, 'state.json');
    const saved = () =>
      existsSync(statePath) && ids.every((id) => readFileSync(statePath, 'utf8').includes(id));
    await new Promise<void>((resolve, reject) => {
      const watcher = watch(stateDir, () => check());
      const timer = setTimeout(() => {
        watcher.close();
        reject(new Error('the state was not saved within 10 s'));
      }, 10_000);
      const check = () => {
        if (!saved()) return;
        watcher.close();
        clearTimeout(timer);
        resolve();
      };
      check();
    });
    const load = Array.from({ length: 50 }, () =>
      request(`${url}/_sim/tenants`)
        .then((r) => r.body.dump())
        .catch(() => undefined),
    );
    first.child.kill('SIGKILL');
    await Promise.all(load);

    const second = serve();
    try {
      const restarted = await second.ready;
      const listed = await request(`${restarted.url}/_sim/tenants/${DEMO_TENANT_ID}/actions`);
      const { actions } = (await listed.body.json()) as { actions: { id: string }[] };
      expect(actions.map((a) => a.id)).toEqual(expect.arrayContaining(ids));
    } finally {
      second.child.kill('SIGTERM');
    }
  });
});
