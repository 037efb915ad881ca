import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
