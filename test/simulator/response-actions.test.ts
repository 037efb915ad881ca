/**
 * The response actions beside unrestrict (issue 15), over real HTTP on 127.0.0.1: the recorded payloads
 * (03-06 isolate/unisolate/offboard, 11 getPackageUri on a wrong action, 12 StopAndQuarantineFile, 16 the
 * Machine entity and its headers, 17 compressed success headers) reproduced in shape, key order, codes,
 * messages and headers; the actions' effects and conflict rules; the package link and its download.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DROPPER_SHA1 } from '../../mock/core/demo-tenant.ts';
import {
  CONSOLE_APP,
  MACHINE,
  READER_APP,
  SERVER_MACHINE,
  START,
  startTestServer,
  TENANT,
  type TestServer,
} from '../helpers/sim-server.ts';
import { payloadsDir } from '../spec/spec-walk.ts';

const DEV = 'f70f9fe6b29cd9511652434919c6530618f06606';
const WEB = '2f6a9d1c0e8b47a3d5c2b1e0f9a8d7c6b5a4e3d2';
const LAB = '5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b';
const PRINTER = '9c8b7a6f5e4d43c2b1a0f9e8d7c6b5a4f3e2d1c0';
const TARGET = /^\|[0-9a-f]{8}-[0-9a-f]{16}\.$/;

let sim: TestServer;
const control = () => sim.server.simulator.control;
const post = (machine: string, action: string, body: object) =>
  sim.call('POST', `/api/machines/${machine}/${action}`, { body });
const machineState = (id: string) => {
  const machine = control()
    .tenant(TENANT)
    .machines.find((m) => m.id === id);
  if (!machine) throw new Error(`no machine ${id}`);
  return machine;
};
const sim_ = (id: string) =>
  sim.server.simulator
    .snapshot()
    .state.tenants.find((t) => t.seed.id === TENANT)!
    .seed.machines.find((m) => m.id === id)!.sim!;
// biome-ignore lint/suspicious/noExplicitAny: recorded payloads are arbitrary JSON
const payload = (name: string): any => JSON.parse(readFileSync(join(payloadsDir, name), 'utf8'));
const agent = new Agent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });

/** A raw exchange, body bytes undecoded, so the wire encoding is what the test sees. */
async function raw(path: string, headers: Record<string, string>) {
  const token = await sim.token();
  const res = await request(`${sim.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
    dispatcher: agent,
  });
  return { status: res.statusCode, headers: res.headers, bytes: Buffer.from(await res.body.arrayBuffer()) };
}

beforeAll(async () => {
  sim = await startTestServer({ lifecycle: { pickupDelayMs: 5_000, executionMs: 15_000 } });
});
afterAll(async () => {
  await sim.close();
  await agent.close();
});
afterEach(() => {
  control().reset();
  control().setClock(START);
});

describe('recorded answers reproduced', () => {
  it.each([
    [
      '04_isolate_201_pingidentity_2026.json',
      'isolate',
      { Comment: 'Isolate device due to alert 1234' },
      'Isolate',
    ],
    [
      '03_unisolate_201_pingidentity_2026.json',
      'unisolate',
      { Comment: 'Device cleared, releasing from isolation' },
      'Unisolate',
    ],
    [
      '05_offboard_201_mde_api_readme_2024.json',
      'offboard',
      { Comment: 'Offboard machine by automation' },
      'Offboard',
    ],
    ['06_offboard_201_xsoar_testdata_2022.json', 'offboard', { Comment: 'Testing Offboarding' }, 'Offboard'],
  ])(
    'answers %s: 201, the same keys in the same order, the same constants',
    async (file, action, body, type) => {
      const recorded = payload(file);
      const res = await post(MACHINE, action, body);
      expect(res.status).toBe(201);
      expect(Object.keys(res.json)).toEqual(Object.keys(recorded));
      expect(res.json).toMatchObject({
        '@odata.context': `${sim.url}/api/$metadata#MachineActions/$entity`,
        type,
        title: null,
        requestorComment: body.Comment,
        status: 'Pending',
        errorHResult: 0,
        scope: null,
        externalId: null,
        requestSource: 'PublicApi',
        relatedFileInfo: null,
        commands: [],
        troubleshootInfo: null,
        cancellationRequestor: null,
      });
      expect(res.json.type).toBe(recorded.type);
      expect(res.headers['content-type']).toBe(
        'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
      );
      expect(res.headers['odata-version']).toBe('4.0');
    },
  );

  it('answers getPackageUri on an action that is not a package collection with payload 11, compressed as recorded', async () => {
    const recorded = payload('11_error_400_getPackageUri_wrong_action_swimlane_2023.json')[0];
    const isolate = (await post(MACHINE, 'isolate', { Comment: 'x' })).json;
    const res = await raw(`/api/machineactions/${isolate.id}/GetPackageUri`, {
      'accept-encoding': 'gzip, deflate',
    });
    expect(res.status).toBe(recorded.status_code);
    for (const name of ['Content-Type', 'Transfer-Encoding', 'Content-Encoding', 'Vary']) {
      expect(res.headers[name.toLowerCase()], name).toBe(recorded.response_headers[name]);
    }
    expect(res.headers['odata-version']).toBeUndefined();
    const json = JSON.parse(inflateSync(res.bytes).toString('utf8'));
    expect(Object.keys(json.error)).toEqual(Object.keys(recorded.json_body.error));
    expect(json.error.code).toBe(recorded.json_body.error.code);
    expect(json.error.message).toBe(recorded.json_body.error.message);
    expect(json.error.target).toMatch(TARGET);
  });

  it('answers StopAndQuarantineFile with a malformed Sha1 with payload 12, compressed as recorded', async () => {
    const recorded = payload('12_error_400_stopandquarantine_swimlane_2023.json')[0];
    const token = await sim.token();
    const res = await request(`${sim.url}/api/machines/${MACHINE}/StopAndQuarantineFile`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-encoding': 'deflate',
      },
      body: JSON.stringify({ Comment: 'x', Sha1: 'not-a-sha1' }),
      dispatcher: agent,
    });
    expect(res.statusCode).toBe(400);
    for (const name of ['Content-Type', 'Transfer-Encoding', 'Content-Encoding', 'Vary']) {
      expect(res.headers[name.toLowerCase()], name).toBe(recorded.response_headers[name]);
    }
    const json = JSON.parse(inflateSync(Buffer.from(await res.body.arrayBuffer())).toString('utf8'));
    expect(json.error.code).toBe(recorded.json_body.error.code);
    expect(json.error.message).toBe(recorded.json_body.error.message);
    expect(json.error.target).toMatch(TARGET);
  });

  it("answers GET machine with payload 16's keys in its order and its headers (deflate preferred, chunked)", async () => {
    const recorded = payload('16_get_machine_200_swimlane_2023.json')[0];
    const res = await raw(`/api/machines/${SERVER_MACHINE}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    for (const name of ['Content-Type', 'Transfer-Encoding', 'Content-Encoding', 'Vary', 'OData-Version']) {
      expect(res.headers[name.toLowerCase()], name).toBe(recorded.response_headers[name]);
    }
    expect(res.headers['content-length']).toBeUndefined();
    const json = JSON.parse(inflateSync(res.bytes).toString('utf8'));
    expect(Object.keys(json)).toEqual(Object.keys(recorded.json_body));
    expect(json['@odata.context']).toBe(`${sim.url}/api/$metadata#Machines/$entity`);
    expect(Object.keys(json.ipAddresses[0])).toEqual(Object.keys(recorded.json_body.ipAddresses[0]));
  });

  it("answers a scan with payload 17's success headers", async () => {
    const recorded = payload('17_success_response_headers_swimlane_2024_2025.json')[
      'POST /api/machines/{id}/runAntiVirusScan (status 201, 2024-12-13)'
    ];
    const token = await sim.token();
    const res = await request(`${sim.url}/api/machines/${DEV}/runAntiVirusScan`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate',
      },
      body: JSON.stringify({ Comment: 'Check machine for viruses due to alert 3212', ScanType: 'Quick' }),
      dispatcher: agent,
    });
    expect(res.statusCode).toBe(201);
    for (const name of ['Content-Type', 'Transfer-Encoding', 'Content-Encoding', 'Vary', 'OData-Version']) {
      expect(res.headers[name.toLowerCase()], name).toBe(recorded[name]);
    }
    expect(res.headers['mise-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const json = JSON.parse(inflateSync(Buffer.from(await res.body.arrayBuffer())).toString('utf8'));
    expect(json).toMatchObject({ type: 'RunAntiVirusScan', scope: 'Quick', status: 'Pending' });
  });
});

describe('compression', () => {
  it('answers gzip to a client that offers only gzip, and plain text (with Vary) to one that offers nothing', async () => {
    const gz = await raw(`/api/machines/${MACHINE}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8')).id).toBe(MACHINE);
    const plain = await raw(`/api/machines/${MACHINE}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(JSON.parse(plain.bytes.toString('utf8')).id).toBe(MACHINE);
    const refused = await raw(`/api/machines/${MACHINE}`, { 'accept-encoding': 'deflate;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');
  });
});

describe('isolate and unisolate', () => {
  it('isolates with the IsolationType as scope, and the device is isolated once the action succeeded', async () => {
    const created = await post(DEV, 'isolate', { Comment: 'alert 1234', IsolationType: 'Selective' });
    expect(created.json.scope).toBe('Selective');
    expect(machineState(DEV).isolation).toBe('None');
    control().advanceClock(20_000);
    expect((await sim.call('GET', `/api/machineactions/${created.json.id}`)).json.status).toBe('Succeeded');
    expect(machineState(DEV).isolation).toBe('Selective');
  });

  it('isolates fully when no IsolationType is sent (scope null, as payload 04)', async () => {
    const created = await post(DEV, 'isolate', { Comment: 'x' });
    expect(created.json.scope).toBeNull();
    control().advanceClock(20_000);
    await sim.call('GET', `/api/machineactions/${created.json.id}`);
    expect(machineState(DEV).isolation).toBe('Full');
  });

  it('accepts a second isolate while one is pending (no duplicate rule for isolate, I1)', async () => {
    const first = await post(DEV, 'isolate', { Comment: 'a' });
    const second = await post(DEV, 'isolate', { Comment: 'b', IsolationType: 'Full' });
    expect(second.status).toBe(201);
    expect(second.json.id).not.toBe(first.json.id);
  });

  it('refuses a second unisolate while one is pending, and a pending isolate does not block an unisolate', async () => {
    await post(WEB, 'isolate', { Comment: 'again' });
    const first = await post(WEB, 'unisolate', { Comment: 'release' });
    expect(first.status).toBe(201);
    const second = await post(WEB, 'unisolate', { Comment: 'release' });
    expect(second.status).toBe(400);
    expect(second.json.error).toMatchObject({
      code: 'ActiveRequestAlreadyExists',
      message: 'Action is already in progress',
    });
  });

  it('releases a device that is not isolated as a successful no-op (inferred)', async () => {
    const created = await post(DEV, 'unisolate', { Comment: 'x' });
    expect(created.status).toBe(201);
    control().advanceClock(20_000);
    expect((await sim.call('GET', `/api/machineactions/${created.json.id}`)).json.status).toBe('Succeeded');
    expect(machineState(DEV).isolation).toBe('None');
  });

  it('answers 400 InvalidInput to an IsolationType outside the enum', async () => {
    const res = await post(DEV, 'isolate', { Comment: 'x', IsolationType: 'Partial' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'InvalidInput', message: 'Invalid input IsolationType.' });
  });

  it('lets isolate, scan, package and quarantine be pending on one machine at once', async () => {
    const answers = await Promise.all([
      post(MACHINE, 'isolate', { Comment: 'x' }),
      post(MACHINE, 'runAntiVirusScan', { Comment: 'x', ScanType: 'Full' }),
      post(MACHINE, 'collectInvestigationPackage', { Comment: 'x' }),
      post(MACHINE, 'StopAndQuarantineFile', { Comment: 'x', Sha1: DROPPER_SHA1 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
  });
});

describe('antivirus scan, quarantine, offboard', () => {
  it('scans with the ScanType as scope; a second scan while one runs is refused; MissingRequiredParameter without ScanType', async () => {
    const created = await post(DEV, 'runAntiVirusScan', { Comment: 'x', ScanType: 'Full' });
    expect(created.json.scope).toBe('Full');
    expect((await post(DEV, 'runAntiVirusScan', { Comment: 'x', ScanType: 'Quick' })).json.error.code).toBe(
      'ActiveRequestAlreadyExists',
    );
    const missing = await post(MACHINE, 'runAntiVirusScan', { Comment: 'x' });
    expect(missing.json.error).toMatchObject({
      code: 'MissingRequiredParameter',
      message: 'Parameter ScanType is missing.',
    });
    control().advanceClock(20_000);
    await sim.call('GET', `/api/machineactions/${created.json.id}`);
    expect(sim_(DEV).lastAntivirusScan).toEqual({ scanType: 'Full', completedAt: '2026-11-29T10:00:20Z' });
  });

  it('quarantines a file the device saw (route casing as XSOAR writes it), and refuses one it never saw', async () => {
    const created = await post(MACHINE, 'stopAndQuarantineFile', {
      Comment: 'x',
      Sha1: DROPPER_SHA1.toUpperCase(),
    });
    expect(created.status).toBe(201);
    expect(created.json.relatedFileInfo).toEqual({
      fileIdentifier: DROPPER_SHA1,
      fileIdentifierType: 'Sha1',
    });
    const unseen = await post(MACHINE, 'StopAndQuarantineFile', {
      Comment: 'x',
      Sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    });
    expect(unseen.status).toBe(404);
    expect(unseen.json.error.message).toBe(
      `Sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 was not found in machine ${MACHINE}`,
    );
    control().advanceClock(20_000);
    await sim.call('GET', `/api/machineactions/${created.json.id}`);
    expect(sim_(MACHINE).quarantinedFiles).toEqual([DROPPER_SHA1]);
    expect(machineState(MACHINE).quarantinedFiles).toEqual([DROPPER_SHA1]);
  });

  it('offboards with 201; the device then goes offline, stays Onboarded and turns Inactive 7 days later', async () => {
    const created = await post(PRINTER, 'offboard', { Comment: 'retire' });
    expect(created.status).toBe(201);
    control().advanceClock(20_000);
    await sim.call('GET', `/api/machineactions/${created.json.id}`);
    expect(machineState(PRINTER).online).toBe(false);
    const later = await post(PRINTER, 'runAntiVirusScan', { Comment: 'x', ScanType: 'Quick' });
    control().advanceClock(60_000);
    expect((await sim.call('GET', `/api/machineactions/${later.json.id}`)).json.status).toBe('Pending');
    expect((await sim.call('GET', `/api/machines/${PRINTER}`)).json.healthStatus).toBe('Unknown');
    control().advanceClock(7 * 24 * 3600 * 1000);
    const machine = (await sim.call('GET', `/api/machines/${PRINTER}`)).json;
    expect(machine).toMatchObject({ healthStatus: 'Inactive', onboardingStatus: 'CanBeOnboarded' });
    expect((await sim.call('GET', `/api/machineactions/${later.json.id}`)).json.status).toBe('TimeOut');
  });

  it('turns a machine Inactive 7 days after an offboarding set through the control API', async () => {
    control().setMachine(TENANT, DEV, { offboardedAt: '2026-11-29T10:00:00Z', online: false });
    control().advanceClock(7 * 24 * 3600 * 1000 - 1);
    expect((await sim.call('GET', `/api/machines/${DEV}`)).json.healthStatus).toBe('Active');
    control().advanceClock(1);
    expect((await sim.call('GET', `/api/machines/${DEV}`)).json.healthStatus).toBe('Inactive');
  });

  it('answers 403 naming Machine.Offboard to an app without it', async () => {
    const reader = await sim.token({ clientId: READER_APP });
    const res = await sim.call('POST', `/api/machines/${PRINTER}/offboard`, {
      body: { Comment: 'x' },
      token: reader,
    });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(
      'Missing application roles. API required roles: Machine.Offboard, application roles: Machine.Read.All.',
    );
  });
});

describe('investigation package', () => {
  it('answers 404 until the collection succeeded, then a link on this listener to a real zip, refused once expired', async () => {
    const created = (await post(LAB, 'collectInvestigationPackage', { Comment: 'forensics' })).json;
    const reader = await sim.token({ clientId: READER_APP });
    const early = await sim.call('GET', `/api/machineactions/${created.id}/getPackageUri`, { token: reader });
    expect(early.status).toBe(404);
    expect(early.json.error.code).toBe('ResourceNotFound');
    control().advanceClock(20_000);
    const link = await sim.call('GET', `/api/machineactions/${created.id}/getpackageuri`, { token: reader });
    expect(link.status).toBe(200);
    expect(Object.keys(link.json)).toEqual(['@odata.context', 'value']);
    expect(link.json['@odata.context']).toBe(`${sim.url}/api/$metadata#Edm.String`);
    expect(link.json.value).toMatch(
      new RegExp(`^${sim.url}/safedownload/WDATP_Investigation_Package\\.zip\\?token=[0-9a-f]{64}$`),
    );

    const download = await request(link.json.value, { dispatcher: agent });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await download.body.arrayBuffer()));
    expect(Object.keys(files)).toContain('CollectionSummaryReport.txt');
    expect(strFromU8(files['CollectionSummaryReport.txt']!)).toContain('lab-ws-007.contoso-demo.local');

    control().advanceClock(10 * 60 * 1000 + 1);
    const expired = await request(link.json.value, { dispatcher: agent });
    expect(expired.statusCode).toBe(403);
    expect(expired.headers['x-ms-error-code']).toBe('AuthenticationFailed');
    const xml = await expired.body.text();
    expect(xml).toContain('<Code>AuthenticationFailed</Code>');
    expect(xml).toContain('Signature not valid in the specified time frame');
  });

  it('refuses a third getPackageUri within a minute (its own quota: 2/min, 120/h)', async () => {
    const created = (await post(LAB, 'collectInvestigationPackage', { Comment: 'x' })).json;
    const path = `/api/machineactions/${created.id}/GetPackageUri`;
    expect((await sim.call('GET', path)).status).toBe(404);
    expect((await sim.call('GET', path)).status).toBe(404);
    const third = await sim.call('GET', path);
    expect(third.status).toBe(429);
    expect(third.json.error.message).toMatch(/^API calls quota exceeded! Maximum allowed 2 per 00:01:00 /);
  });

  it('refuses a download token it never issued as storage does', async () => {
    const res = await request(
      `${sim.url}/safedownload/WDATP_Investigation_Package.zip?token=${'0'.repeat(64)}`,
      {
        dispatcher: agent,
      },
    );
    expect(res.statusCode).toBe(403);
    expect(await res.body.text()).toContain(
      '<AuthenticationErrorDetail>Signature did not match.</AuthenticationErrorDetail>',
    );
  });
});

describe('machine lists', () => {
  it("lists the tenant's machines with the documented filters (MDEAutomator, TheHive) and pages with $top/$skip", async () => {
    const active = await sim.call(
      'GET',
      "/api/machines?$filter=onboardingStatus eq 'Onboarded' and healthStatus eq 'Active'",
    );
    expect(active.status).toBe(200);
    expect(active.json['@odata.context']).toBe(`${sim.url}/api/$metadata#Machines`);
    expect(active.json.value.length).toBeGreaterThan(3);
    for (const m of active.json.value)
      expect(m).toMatchObject({ onboardingStatus: 'Onboarded', healthStatus: 'Active' });
    const byName = await sim.call(
      'GET',
      "/api/machines?$filter=computerDnsName eq 'fin-laptop-017.contoso-demo.local'",
    );
    expect(byName.json.value.map((m: { id: string }) => m.id)).toEqual([MACHINE]);
    const vip = await sim.call(
      'GET',
      "/api/machines?$filter=machineTags eq 'VIP' or riskScore eq 'High'&$orderby=computerDnsName",
    );
    expect(vip.json.value.map((m: { computerDnsName: string }) => m.computerDnsName)).toEqual([
      'eng-web-03.contoso-demo.local',
      'fin-laptop-017.contoso-demo.local',
      'lab-ws-007.contoso-demo.local',
    ]);
    // The docs' own sample, startswith(computerDnsName,'mymachine') (D12), case-insensitive (inferred).
    const servers = await sim.call(
      'GET',
      "/api/machines?$filter=startswith(computerDnsName,'SRV-') and not healthStatus eq 'Inactive'&$orderby=computerDnsName",
    );
    expect(servers.json.error).toBeUndefined();
    expect(servers.status).toBe(200);
    expect(servers.json.value.map((m: { computerDnsName: string }) => m.computerDnsName)).toEqual([
      'srv-dc-01.contoso-demo.local',
      'srv-sql-01.contoso-demo.local',
    ]);
    const page = await sim.call('GET', '/api/machines?$top=5&$skip=5&$count=true');
    expect(page.json['@odata.count']).toBe(12);
    expect(page.json.value).toHaveLength(5);
    expect(page.json['@odata.nextLink']).toBe(`${sim.url}/api/machines?%24top=5&%24skip=10&%24count=true`);
  });

  it('answers 400 ODataError to an unsupported property or an unknown $ option ($stop, I8)', async () => {
    const property = await sim.call('GET', "/api/machines?$filter=osVersion eq 'x'");
    expect(property.json.error).toMatchObject({
      code: 'ODataError',
      message: "Invalid OData URI query: the property 'osVersion' can't be used in $filter.",
    });
    const contains = await sim.call('GET', "/api/machines?$filter=contains(computerDnsName,'sql')");
    expect(contains.json.error.message).toBe(
      "Invalid OData URI query: the function 'contains' is not supported in $filter.",
    );
    const stop = await sim.call('GET', '/api/machineactions?$stop=10');
    expect(stop.json.error.message).toBe(
      "Invalid OData URI query: Custom query option '$stop' that starts with '$' is not supported.",
    );
  });

  it('shows a delegated user only the machines of their device groups', async () => {
    const token = await sim.token({
      clientId: CONSOLE_APP,
      user: 'hana.helpdesk@contoso-demo.onmicrosoft.com',
    });
    const res = await sim.call('GET', '/api/machines', { token });
    expect(res.status).toBe(200);
    expect(new Set(res.json.value.map((m: { rbacGroupName: string }) => m.rbacGroupName))).toEqual(
      new Set(['Workstations']),
    );
  });

  it('finds machines by internal IP around a time, before matching machines/{id}', async () => {
    const found = await sim.call(
      'GET',
      "/api/machines/findbyip(ip='10.20.4.17',timestamp=2026-11-29T09:50:00Z)",
    );
    expect(found.status).toBe(200);
    expect(found.json['@odata.context']).toBe(`${sim.url}/api/$metadata#Machines`);
    expect(found.json.value.map((m: { id: string }) => m.id)).toEqual([MACHINE]);
    const none = await sim.call(
      'GET',
      '/api/machines/findbyip(ip=%2710.9.9.9%27,timestamp=2026-11-29T09:50:00Z)',
    );
    expect(none.json.value).toEqual([]);
    const old = await sim.call(
      'GET',
      "/api/machines/findbyip(ip='10.20.4.17',timestamp=2026-10-01T00:00:00Z)",
    );
    expect(old.status).toBe(400);
    expect(old.json.error.code).toBe('InvalidInput');
  });
});
