/**
 * Two real playbook workflows end to end, through the public client against the running simulator over HTTPS
 * (msal token from the simulator's issuer, compressed answers decoded by the client), on the simulator's
 * clock: "isolate → poll to Succeeded → collect package → download it → unisolate", and an XSOAR-style
 * `or` filter over machine actions. Then the same commands through the `mde` CLI, in-process.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExitCodes } from '../../client/exit-codes.ts';
import { PackageDownloadError } from '../../client/index.ts';
import { runCli } from '../../client/main.ts';
import { DROPPER_SHA1 } from '../../mock/core/demo-tenant.ts';
import { MACHINE, SERVER_MACHINE } from '../helpers/sim-server.ts';
import { type SimFixture, SOAR_APP, startSimFixture, TENANT } from './sim-fixture.ts';

const DEV = 'f70f9fe6b29cd9511652434919c6530618f06606';
const LAB = '5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b';

let sim: SimFixture;
beforeAll(async () => {
  sim = await startSimFixture();
  sim.reset();
});
afterEach(async () => {
  await sim.closeAll();
  sim.reset();
});
afterAll(() => sim?.close());

const isolationOf = (id: string) =>
  sim.server.simulator.control.tenant(TENANT).machines.find((m) => m.id === id)?.isolation;

describe('playbook workflows through the client', () => {
  it('isolates, polls to Succeeded, collects the package, downloads it, then releases the machine', async () => {
    const { client, sleeps } = sim.client('https');
    const isolate = await client.isolateMachine(DEV, 'Alert 1234: ransomware behaviour', {
      isolationType: 'Full',
    });
    expect(isolate).toMatchObject({ type: 'Isolate', status: 'Pending', scope: 'Full', machineId: DEV });
    const isolated = await client.waitForMachineAction(isolate.id, { pollIntervalMs: 5_000 });
    expect(isolated.status).toBe('Succeeded');
    expect(isolationOf(DEV)).toBe('Full');

    const collect = await client.collectInvestigationPackage(DEV, 'Forensics for alert 1234');
    await expect(client.getPackageUri(collect.id)).rejects.toMatchObject({ status: 404 });
    expect((await client.waitForMachineAction(collect.id, { pollIntervalMs: 5_000 })).status).toBe(
      'Succeeded',
    );
    const pkg = await client.downloadInvestigationPackage(collect.id);
    expect(pkg.uri.startsWith(`${sim.server.httpsUrl}/safedownload/`)).toBe(true);
    const files = unzipSync(pkg.bytes);
    expect(strFromU8(files['CollectionSummaryReport.txt']!)).toContain(`Machine action: ${collect.id}`);

    const release = await client.unisolateMachine(DEV, 'Cleared after forensics');
    expect((await client.waitForMachineAction(release.id, { pollIntervalMs: 5_000 })).status).toBe(
      'Succeeded',
    );
    expect(isolationOf(DEV)).toBe('None');
    expect(sleeps.length).toBeGreaterThanOrEqual(9); // three actions, each polled through Pending and InProgress
  });

  it('refuses an expired package link with PackageDownloadError (storage code AuthenticationFailed)', async () => {
    const { client } = sim.client('https');
    const collect = await client.collectInvestigationPackage(LAB, 'x');
    await client.waitForMachineAction(collect.id, { pollIntervalMs: 5_000 });
    const uri = await client.getPackageUri(collect.id);
    sim.server.simulator.clock.advance(10 * 60 * 1000 + 1);
    const error = await client.downloadPackageUri(uri).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageDownloadError);
    expect(error).toMatchObject({
      code: 'MDE_ERR_PACKAGE_DOWNLOAD',
      status: 403,
      storageCode: 'AuthenticationFailed',
    });
    // A fresh link works again.
    expect((await client.downloadInvestigationPackage(collect.id)).bytes.length).toBeGreaterThan(100);
  });

  it('answers an XSOAR-style or filter over machine actions (machines, statuses, types, requestor)', async () => {
    const { client } = sim.client('https');
    const scan = await client.runAntiVirusScan(MACHINE, 'Tom and Jerry asked', { scanType: 'Full' });
    const isolate = await client.isolateMachine(SERVER_MACHINE, "O'Brien's alert");
    const quarantine = await client.stopAndQuarantineFile(LAB, 'dropper', DROPPER_SHA1);
    await client.restrictCodeExecution(DEV, 'not in the filter');
    const filter =
      `(machineId eq '${MACHINE}' or machineId eq '${SERVER_MACHINE}' or machineId eq '${LAB}') and ` +
      "(status eq 'Pending' or status eq 'InProgress') and " +
      "(type eq 'RunAntiVirusScan' or type eq 'Isolate' or type eq 'StopAndQuarantineFile') and " +
      "requestor eq 'SOAR Playbook Automation'";
    const page = await client.listMachineActions({ filter });
    expect(page.value.map((a) => a.id).sort()).toEqual([scan.id, isolate.id, quarantine.id].sort());
    const typed = await client.listMachineActions({
      filter: `type eq 'Isolate' or type eq 'Offboard'`,
      machineId: SERVER_MACHINE,
    });
    expect(typed.value.map((a) => a.id)).toEqual([isolate.id]);
  });

  it('checks a raw filter locally: one the service would refuse never leaves the client', async () => {
    const { client } = sim.client('https');
    const before = sim.server.simulator.control.journal().length;
    await expect(client.listMachines({ filter: "osVersion eq '10'" })).rejects.toThrow(
      "Invalid option filter: the property 'osVersion' can't be used in $filter.",
    );
    await expect(client.listMachineActions({ filter: "requestor eq 'unterminated" })).rejects.toThrow(
      TypeError,
    );
    expect(sim.server.simulator.control.journal()).toHaveLength(before);
    const machines = await client.listMachines({
      filter: "riskScore eq 'High' or machineTags eq 'VIP'",
      healthStatus: 'Active',
    });
    expect(machines.value.map((m) => m.computerDnsName).sort()).toEqual([
      'eng-web-03.contoso-demo.local',
      'fin-laptop-017.contoso-demo.local',
    ]);
    const byIp = await client.findMachinesByIp(
      '10.20.4.17',
      new Date(sim.server.simulator.clock.now() - 60_000),
    );
    expect(byIp.value.map((m) => m.id)).toEqual([MACHINE]);
  });
});

describe('the same through the mde CLI (in-process, on the simulator clock)', () => {
  const cli = async (args: string[]) => {
    let stdout = '';
    let stderr = '';
    const token = await sim.server.simulator.control.mintToken({ tenantId: TENANT, clientId: SOAR_APP });
    const code = await runCli([...args, '--base-url', sim.server.url, '--access-token', token], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      now: () => sim.server.simulator.clock.now(),
      sleep: async (ms) => sim.server.simulator.clock.advance(ms),
    });
    return { code, stdout, stderr };
  };

  it('mde isolate --wait, collect --download, quarantine, scan, unisolate, machines --filter', async () => {
    const isolate = await cli(['isolate', DEV, '--comment', 'x', '--type', 'Selective', '--wait', '--json']);
    expect(isolate.code).toBe(ExitCodes.ok);
    expect(JSON.parse(isolate.stdout)).toMatchObject({
      type: 'Isolate',
      status: 'Succeeded',
      scope: 'Selective',
    });

    const file = join(mkdtempSync(join(tmpdir(), 'mde-collect-')), 'package.zip');
    const collect = await cli(['collect', DEV, '--comment', 'forensics', '--download', file]);
    expect(collect.code).toBe(ExitCodes.ok);
    expect(collect.stdout).toMatch(
      /^Saved the investigation package of [0-9a-f-]{36} to .*package\.zip \(\d+ bytes\)\n$/,
    );
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(file))))).toContain(
      'System Information/SystemInformation.txt',
    );

    const quarantine = await cli([
      'quarantine',
      LAB,
      '--comment',
      'dropper',
      '--sha1',
      DROPPER_SHA1,
      '--json',
    ]);
    expect(JSON.parse(quarantine.stdout).relatedFileInfo).toEqual({
      fileIdentifier: DROPPER_SHA1,
      fileIdentifierType: 'Sha1',
    });
    const scan = await cli(['scan', LAB, '--comment', 'x', '--type', 'Full', '--json']);
    expect(JSON.parse(scan.stdout).scope).toBe('Full');
    const again = await cli(['scan', LAB, '--comment', 'x', '--json']);
    expect(again.code).toBe(ExitCodes.actionInProgress);

    const release = await cli(['unisolate', DEV, '--comment', 'cleared', '--wait']);
    expect(release.code).toBe(ExitCodes.ok);
    expect(release.stdout).toMatch(/^Unisolate [0-9a-f-]{36}: Succeeded\n/);

    const machines = await cli(['machines', '--filter', "riskScore eq 'High' and healthStatus eq 'Active'"]);
    expect(machines.code).toBe(ExitCodes.ok);
    expect(machines.stdout.trim().split('\n')).toHaveLength(2);
    const refused = await cli(['machines', '--filter', 'riskScore eq']);
    expect(refused.code).toBe(ExitCodes.usage);
    expect(refused.stderr).toMatch(/^mde: Invalid option filter: syntax error in \$filter/);
  });

  it('mde offboard answers the 201 action', async () => {
    const offboard = await cli([
      'offboard',
      '0a9b8c7d6e5f40312a3b4c5d6e7f8091a2b3c4d5',
      '--comment',
      'retire',
      '--json',
    ]);
    expect(offboard.code).toBe(ExitCodes.ok);
    expect(JSON.parse(offboard.stdout)).toMatchObject({ type: 'Offboard', status: 'Pending' });
  });
});
