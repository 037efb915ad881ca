import { X509Certificate } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateNames } from './real-hosts.ts';
import { StateFileError } from './state-file-error.ts';
import { loadOrCreateAppCertificate, loadOrCreateTls } from './tls.ts';

let stateDir: string;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), 'mde-sim-tls-'));
});

afterAll(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('loadOrCreateTls', () => {
  it('creates a CA and a server certificate for 127.0.0.1, ::1 and localhost signed by it', async () => {
    const tls = await loadOrCreateTls(stateDir);
    const ca = new X509Certificate(tls.caCertPem);
    const server = new X509Certificate(tls.serverCertPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeDefined();
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(tls.caCertPath).toBe(path.join(stateDir, 'tls', 'ca.crt'));
    expect((await stat(path.join(stateDir, 'tls', 'ca.key'))).mode & 0o077).toBe(0);
  });

  it('reuses the persisted certificates on the next start', async () => {
    const first = await loadOrCreateTls(stateDir);
    const second = await loadOrCreateTls(stateDir);
    expect(second).toEqual(first);
  });

  it('serves HTTPS that a client trusting only the CA accepts', async () => {
    const tls = await loadOrCreateTls(stateDir);
    const server = createServer({ cert: tls.serverCertPem, key: tls.serverKeyPem }, (_req, res) =>
      res.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/', ca: tls.caCertPem, agent: false }, (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
      expect(body).toBe('ok');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('loadOrCreateTls with damaged or outdated files', () => {
  /** A copy of the state directory made by the first test, so each case damages its own files. */
  async function copyOfState(): Promise<string> {
    await loadOrCreateTls(stateDir);
    const copy = await mkdtemp(path.join(tmpdir(), 'mde-sim-tls-copy-'));
    await cp(path.join(stateDir, 'tls'), path.join(copy, 'tls'), { recursive: true });
    return copy;
  }

  async function refusal(dir: string): Promise<StateFileError> {
    const error = await loadOrCreateTls(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StateFileError);
    return error as StateFileError;
  }

  it('refuses a damaged ca.crt with one line naming it and the fix, and leaves it as it was', async () => {
    const dir = await copyOfState();
    const caPath = path.join(dir, 'tls', 'ca.crt');
    const damaged = (await readFile(caPath, 'utf8')).replace(/[A-Za-z0-9+/]{64}\n/, 'garbage\n');
    await writeFile(caPath, damaged);
    const error = await refusal(dir);
    expect(error.file).toBe(caPath);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(`Delete ${path.join(dir, 'tls')} to make a new CA`);
    expect(error.message).toContain('clients must then trust the new ca.crt');
    expect(await readFile(caPath, 'utf8')).toBe(damaged);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a ca.key that does not belong to ca.crt', async () => {
    const dir = await copyOfState();
    const other = await loadOrCreateAppCertificate(dir, 'someone-else');
    await writeFile(path.join(dir, 'tls', 'ca.key'), other.privateKeyPem);
    const error = await refusal(dir);
    expect(error.file).toBe(path.join(dir, 'tls', 'ca.key'));
    expect(error.message).toMatch(/does not belong to ca\.crt/);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a truncated server.key, naming it', async () => {
    const dir = await copyOfState();
    const keyPath = path.join(dir, 'tls', 'server.key');
    const key = await readFile(keyPath, 'utf8');
    await writeFile(keyPath, key.slice(0, Math.floor(key.length / 2)));
    const error = await refusal(dir);
    expect(error.file).toBe(keyPath);
    expect(error.message).toContain('reissued from the same CA');
    await rm(dir, { recursive: true, force: true });
  });

  it('reissues from the same CA a server certificate that another CA of the same name signed', async () => {
    const dir = await copyOfState();
    const before = await loadOrCreateTls(dir);
    // What finding 5 of issue 11 saw: a second "mde-sim local CA" whose server certificate sits beside ours.
    const otherDir = await mkdtemp(path.join(tmpdir(), 'mde-sim-tls-other-'));
    const other = await loadOrCreateTls(otherDir);
    await writeFile(path.join(dir, 'tls', 'server.crt'), other.serverCertPem);
    await writeFile(path.join(dir, 'tls', 'server.key'), other.serverKeyPem);
    const after = await loadOrCreateTls(dir);
    expect(after.caCertPem).toBe(before.caCertPem);
    expect(after.serverCertPem).not.toBe(other.serverCertPem);
    const ca = new X509Certificate(after.caCertPem);
    expect(new X509Certificate(after.serverCertPem).verify(ca.publicKey)).toBe(true);
    await rm(dir, { recursive: true, force: true });
    await rm(otherDir, { recursive: true, force: true });
  });

  it('reissues from the same CA a server certificate that lacks a needed host name', async () => {
    const dir = await copyOfState();
    const before = await loadOrCreateTls(dir);
    const names = certificateNames(['sim.example.test']);
    const after = await loadOrCreateTls(dir, { serverNames: names });
    expect(after.caCertPem).toBe(before.caCertPem);
    expect(after.serverCertPem).not.toBe(before.serverCertPem);
    const cert = new X509Certificate(after.serverCertPem);
    expect(cert.checkIssued(new X509Certificate(after.caCertPem))).toBe(true);
    for (const name of [
      'api.securitycenter.microsoft.com',
      'api-gov.securitycenter.microsoft.us',
      'eu.api.security.microsoft.com',
      'api.securitycenter.windows.com',
      'login.microsoftonline.com',
      'login.windows.net',
      'sts.windows.net',
      'login.microsoftonline.us',
      'localhost',
      'sim.example.test',
    ]) {
      expect(cert.checkHost(name, { wildcards: false }), name).toBe(name);
    }
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkIP('::1')).toBeDefined();
    // The same list again: nothing to reissue.
    expect((await loadOrCreateTls(dir, { serverNames: names })).serverCertPem).toBe(after.serverCertPem);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('loadOrCreateAppCertificate', () => {
  it('creates a certificate with its key and thumbprints, and reuses it', async () => {
    const made = await loadOrCreateAppCertificate(stateDir, 'mde-sim-cert-app');
    const x509 = new X509Certificate(made.certPem);
    expect(made.thumbprintSha256Hex).toBe(x509.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(made.thumbprintSha1Hex).toMatch(/^[0-9a-f]{40}$/);
    expect(made.privateKeyPem).toContain('PRIVATE KEY');
    expect(await loadOrCreateAppCertificate(stateDir, 'mde-sim-cert-app')).toEqual(made);
  });

  it('refuses a name that is not file-name safe', () => {
    expect(() => loadOrCreateAppCertificate(stateDir, '../escape')).toThrow(TypeError);
  });
});
