/**
 * Recipes for clients that keep Microsoft's host names, proven with TLS verification on and only the
 * simulator's CA trusted: one simulator server in proxy mode (`proxyPort`) shared by every recipe. Each
 * recipe asks a real Entra host for a token and calls a real MDE API host; the proxy answers both from the
 * simulator, and refuses (and logs) any other host.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefenderClient } from '../../client/defender-client.ts';
import { MsalClientCredential } from '../../client/msal-credential.ts';
import { type RunningServer, startServer } from '../../mock/server/server.ts';
import { MACHINE, SOAR_APP, TENANT } from '../helpers/sim-server.ts';

const SOAR_SECRET = 'demo-soar-secret~8Qm2vX4kP9tL';
const CLI = fileURLToPath(new URL('../../client/cli.ts', import.meta.url));
const MSAL_NODE_CHILD = fileURLToPath(new URL('./msal-node-child.mjs', import.meta.url));

let server: RunningServer;
let proxy: string;
let ca: string;
const warnings: { host?: string }[] = [];

beforeAll(async () => {
  const logger = {
    info() {},
    error() {},
    warn(obj: object) {
      warnings.push(obj as { host?: string });
    },
  };
  server = await startServer({
    port: 0,
    httpsPort: 0,
    proxyPort: 0,
    stateDir: mkdtempSync(join(tmpdir(), 'mde-sim-recipes-')),
    logger,
  });
  proxy = server.proxyUrl!;
  ca = server.caCertPath!;
});
afterAll(() => server?.close());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program with exactly the environment given (no inherited proxy or CA settings). */
function run(file: string, args: string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

const curl = (args: string[]) => run('curl', ['-sS', '--proxy', proxy, '--cacert', ca, ...args], {});

describe('curl --proxy', () => {
  it('gets a token from login.microsoftonline.com and calls api.securitycenter.microsoft.com', async () => {
    const token = await curl([
      `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      '-d',
      'grant_type=client_credentials',
      '-d',
      `client_id=${SOAR_APP}`,
      '--data-urlencode',
      `client_secret=${SOAR_SECRET}`,
      '-d',
      'scope=https://api.securitycenter.microsoft.com/.default',
    ]);
    expect(token.code, token.stderr).toBe(0);
    const accessToken = JSON.parse(token.stdout).access_token as string;
    const answer = await curl([
      'https://api.securitycenter.microsoft.com/api/machineactions',
      '-H',
      `Authorization: Bearer ${accessToken}`,
    ]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout)['@odata.context']).toBe(
      'https://api.securitycenter.microsoft.com/api/$metadata#MachineActions',
    );
    // Absolute-form plain HTTP through the same proxy.
    const plain = await run(
      'curl',
      [
        '-sS',
        '--proxy',
        proxy,
        'http://eu.api.security.microsoft.com/api/machineactions',
        '-H',
        `Authorization: Bearer ${accessToken}`,
      ],
      {},
    );
    expect(JSON.parse(plain.stdout)['@odata.context']).toBe(
      'http://eu.api.security.microsoft.com/api/$metadata#MachineActions',
    );
  });

  it('gets a US Government token from login.microsoftonline.us and calls api-gov', async () => {
    const token = await curl([
      `https://login.microsoftonline.us/${TENANT}/oauth2/token`,
      '-d',
      'grant_type=client_credentials',
      '-d',
      `client_id=${SOAR_APP}`,
      '--data-urlencode',
      `client_secret=${SOAR_SECRET}`,
      '-d',
      'resource=https://api-gov.securitycenter.microsoft.us',
    ]);
    const { access_token: accessToken, resource } = JSON.parse(token.stdout);
    expect(resource).toBe('https://api-gov.securitycenter.microsoft.us');
    const answer = await curl([
      `https://api-gov.securitycenter.microsoft.us/api/machines/${MACHINE}`,
      '-H',
      `Authorization: Bearer ${accessToken}`,
    ]);
    expect(JSON.parse(answer.stdout)['@odata.context']).toBe(
      'https://api-gov.securitycenter.microsoft.us/api/$metadata#Machines/$entity',
    );
  });

  it('refuses any other host with 403 and a log line naming it, and never connects there', async () => {
    const refused = await run('curl', ['-s', '-i', '--proxy', proxy, 'http://example.com/'], {});
    expect(refused.stdout).toMatch(/^HTTP\/1\.1 403/);
    expect(refused.stdout).toContain('example.com is not a host the simulator answers for');
    const tunnel = await run(
      'curl',
      ['-sS', '--proxy', proxy, '--cacert', ca, 'https://graph.microsoft.com/v1.0/me'],
      {},
    );
    expect(tunnel.code).not.toBe(0);
    expect(tunnel.stderr).toMatch(/403/);
    expect(warnings.map((w) => w.host)).toEqual(
      expect.arrayContaining(['example.com', 'graph.microsoft.com']),
    );
    // Inside a tunnel: no control API, and no Host header other than the tunnel's.
    const control = await curl(['-i', 'https://login.microsoftonline.com/_sim/tenants']);
    expect(control.stdout).toMatch(/^HTTP\/1\.1 403 /m);
    const smuggled = await curl([
      '-i',
      'https://login.microsoftonline.com/_sim/tenants',
      '-H',
      'Host: 127.0.0.1',
    ]);
    expect(smuggled.stdout).toMatch(/^HTTP\/1\.1 421 /m);
  });
});

describe('unmodified msal-node in a child process (NODE_USE_ENV_PROXY=1, HTTPS_PROXY, NODE_EXTRA_CA_CERTS)', () => {
  it('signs in at the default authority host and calls the API on its real host name', async () => {
    const child = await run(process.execPath, [MSAL_NODE_CHILD], {
      NODE_USE_ENV_PROXY: '1',
      HTTPS_PROXY: proxy,
      NODE_EXTRA_CA_CERTS: ca,
      MDE_TENANT_ID: TENANT,
      MDE_CLIENT_ID: SOAR_APP,
      MDE_CLIENT_SECRET: SOAR_SECRET,
    });
    expect(child.code, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({
      aud: 'https://api.securitycenter.microsoft.com',
      status: 200,
      context: 'https://api.securitycenter.microsoft.com/api/$metadata#MachineActions',
    });
  });
});

describe('the project client and the mde CLI through the proxy', () => {
  it('DefenderClient with its defaults (login.microsoftonline.com, api.security.microsoft.com) and proxy', async () => {
    const caPem = await readFile(ca, 'utf8');
    const credential = new MsalClientCredential(
      { tenantId: TENANT, clientId: SOAR_APP, clientSecret: SOAR_SECRET },
      { caPem, proxy: { url: proxy } },
    );
    const client = new DefenderClient({ credential, endpoint: 'global', caPem, proxy: { url: proxy } });
    try {
      expect(client.baseUrl.host).toBe('api.security.microsoft.com');
      const machine = await client.getMachine(MACHINE);
      expect(machine.id).toBe(MACHINE);
    } finally {
      await client.close();
      await credential.close();
    }
  });

  it('mde CLI as a subprocess with HTTPS_PROXY and MDE_CA_FILE, nothing else pointed at the simulator', async () => {
    const cli = await run(process.execPath, [CLI, 'machine', MACHINE, '--region', 'eu', '--json'], {
      HTTPS_PROXY: proxy,
      MDE_CA_FILE: ca,
      MDE_TENANT_ID: TENANT,
      MDE_CLIENT_ID: SOAR_APP,
      MDE_CLIENT_SECRET: SOAR_SECRET,
    });
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ id: MACHINE });
  });
});

/** Debian's python3 with python3-msal and python3-requests (pyenv shims on PATH may lack them). */
const python = await (async () => {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = await run(candidate, ['-c', 'import msal, requests; print(msal.__version__)'], {});
    if (probe.code === 0) return { path: candidate, reason: '' };
  }
  return {
    path: '',
    reason: 'no python3 with msal and requests (apt-get install python3-msal python3-requests)',
  };
})();

describe.skipIf(python.path === '')(`Python clients ${python.reason}`, () => {
  it('MSAL Python with default options through HTTPS_PROXY + REQUESTS_CA_BUNDLE', async () => {
    const script = [
      'import json, os, msal, requests',
      'app = msal.ConfidentialClientApplication(os.environ["CLIENT_ID"], client_credential=os.environ["CLIENT_SECRET"],',
      '    authority="https://login.microsoftonline.com/" + os.environ["TENANT_ID"])',
      'result = app.acquire_token_for_client(scopes=["https://securitycenter.onmicrosoft.com/windowsatpservice/.default"])',
      'answer = requests.get("https://api.securitycenter.windows.com/api/machineactions",',
      '    headers={"Authorization": "Bearer " + result["access_token"]})',
      'print(json.dumps({"status": answer.status_code, "context": answer.json()["@odata.context"]}))',
    ].join('\n');
    const child = await run(
      python.path,
      ['-'],
      {
        HTTPS_PROXY: proxy,
        REQUESTS_CA_BUNDLE: ca,
        TENANT_ID: TENANT,
        CLIENT_ID: SOAR_APP,
        CLIENT_SECRET: SOAR_SECRET,
      },
      script,
    );
    expect(child.code, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({
      status: 200,
      context: 'https://api.securitycenter.windows.com/api/$metadata#MachineActions',
    });
  });

  it("Microsoft's documented urllib sample (v1 token endpoint, resource=) through HTTPS_PROXY + SSL_CERT_FILE", async () => {
    // The sample from "Create an app to access Microsoft Defender for Endpoint without a user" (Python),
    // unchanged but for reading its three settings from the environment.
    const script = [
      'import json, os, urllib.request, urllib.parse',
      'tenantId = os.environ["TENANT_ID"]; appId = os.environ["CLIENT_ID"]; appSecret = os.environ["CLIENT_SECRET"]',
      'url = "https://login.microsoftonline.com/%s/oauth2/token" % (tenantId)',
      "resourceAppIdUri = 'https://api.securitycenter.microsoft.com'",
      "body = {'resource' : resourceAppIdUri, 'client_id' : appId, 'client_secret' : appSecret, 'grant_type' : 'client_credentials'}",
      'data = urllib.parse.urlencode(body).encode("utf-8")',
      'req = urllib.request.Request(url, data)',
      'response = urllib.request.urlopen(req)',
      'jsonResponse = json.loads(response.read())',
      'aadToken = jsonResponse["access_token"]',
      'req = urllib.request.Request("https://api.securitycenter.microsoft.com/api/machineactions", headers={"Authorization": "Bearer " + aadToken})',
      'print(json.dumps(json.loads(urllib.request.urlopen(req).read())["@odata.context"]))',
    ].join('\n');
    const child = await run(
      python.path,
      ['-'],
      {
        HTTPS_PROXY: proxy,
        SSL_CERT_FILE: ca,
        TENANT_ID: TENANT,
        CLIENT_ID: SOAR_APP,
        CLIENT_SECRET: SOAR_SECRET,
      },
      script,
    );
    expect(child.code, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toBe(
      'https://api.securitycenter.microsoft.com/api/$metadata#MachineActions',
    );
  });
});
