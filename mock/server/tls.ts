/**
 * @module
 * The simulator's TLS material, kept in `<stateDir>/tls/`: a local CA made at first start, a server
 * certificate signed by it (loopback names, and the Microsoft host names the server passes), and
 * certificates for seeded apps' certificate credentials. Everything is reused on later starts, so a client
 * trusts the CA once; a damaged CA is refused, never replaced behind the clients' back.
 */
import {
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { StateFileError } from './state-file-error.ts';

/**
 * selfsigned (and the ASN.1/X.509 stack under it) loads only when a certificate must be made: a start
 * with its material in place checks it with node:crypto alone (start-up time and memory, bench/run.ts).
 */
async function generate(...args: Parameters<typeof import('selfsigned').generate>) {
  // `default` is the CommonJS module.exports under Node and in the bundle's lazy chunk alike.
  const { default: selfsigned } = await import('selfsigned');
  return selfsigned.generate(...args);
}

/** The TLS material of the simulator's HTTPS server. */
export interface SimulatorTls {
  /** PEM of the local CA; clients trust this (e.g. `NODE_EXTRA_CA_CERTS=<caCertPath>`). */
  caCertPem: string;
  /** Absolute path of the CA certificate file. */
  caCertPath: string;
  /** PEM of the server certificate (SANs: the requested server names), signed by the CA. */
  serverCertPem: string;
  /** PEM (PKCS #8) of the server's private key. */
  serverKeyPem: string;
}

/** A certificate credential for an app registration (`client_assertion` signing). */
export interface AppCertificate {
  /** PEM of the certificate to register on the app (`AppRegistration.certificatePem`). */
  certPem: string;
  /** PEM (PKCS #8) of its private key, for the client (e.g. msal `clientCertificate.privateKey`). */
  privateKeyPem: string;
  /** SHA-256 thumbprint, lower-case hex (msal `clientCertificate.thumbprintSha256`). */
  thumbprintSha256Hex: string;
  /** SHA-1 thumbprint, lower-case hex (what the Azure portal shows). */
  thumbprintSha1Hex: string;
}

const CA_VALIDITY_DAYS = 3650;
const SERVER_VALIDITY_DAYS = 825;
const APP_CERT_VALIDITY_DAYS = 730;
/** Renew a leaf certificate this long before it expires. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

// One generation per directory at a time within this process: two callers get the same files.
const pending = new Map<string, Promise<unknown>>();

function once<T>(key: string, task: () => Promise<T>): Promise<T> {
  const running = pending.get(key) as Promise<T> | undefined;
  if (running !== undefined) return running;
  const started = task().finally(() => pending.delete(key));
  pending.set(key, started);
  return started;
}

/** Options of {@link loadOrCreateTls}. */
export interface TlsOptions {
  /**
   * Names (DNS names or IP addresses) the server certificate must carry. A persisted certificate that lacks
   * one is reissued from the same CA.
   * @default 127.0.0.1, ::1 and localhost
   */
  serverNames?: readonly string[];
}

/**
 * Loads the CA and server certificate from `<stateDir>/tls/`, creating them when missing. The CA is never
 * replaced: a damaged `ca.crt`/`ca.key` (or a pair that does not match) is refused with a
 * {@link StateFileError}. The server certificate is reissued from that CA when it was not signed by it, lacks
 * one of `serverNames`, does not match its key, or is about to expire; a damaged `server.key` is refused.
 */
export function loadOrCreateTls(stateDir: string, options: TlsOptions = {}): Promise<SimulatorTls> {
  const dir = path.resolve(stateDir, 'tls');
  const serverNames = [...new Set(options.serverNames ?? ['127.0.0.1', '::1', 'localhost'])];
  return once(`tls:${dir}`, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const caCertPath = path.join(dir, 'ca.crt');
    const caKeyPath = path.join(dir, 'ca.key');
    const serverCertPath = path.join(dir, 'server.crt');
    const serverKeyPath = path.join(dir, 'server.key');
    const newCa = `Delete ${dir} to make a new CA; clients must then trust the new ca.crt`;

    let caCertPem = await readIfExists(caCertPath);
    let caKeyPem = await readIfExists(caKeyPath);
    if (caCertPem === undefined && caKeyPem === undefined) {
      const ca = await generate([{ name: 'commonName', value: 'mde-sim local CA' }], {
        keySize: 2048,
        algorithm: 'sha256',
        notAfterDate: daysFromNow(CA_VALIDITY_DAYS),
        extensions: [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ],
      });
      caCertPem = ca.cert;
      caKeyPem = ca.private;
      await writeAtomically(caKeyPath, caKeyPem, 0o600);
      await writeAtomically(caCertPath, caCertPem, 0o644);
    }
    if (caCertPem === undefined) throw new StateFileError(caCertPath, 'is missing (ca.key is there)', newCa);
    if (caKeyPem === undefined) throw new StateFileError(caKeyPath, 'is missing (ca.crt is there)', newCa);
    const ca = parseCertificate(caCertPem);
    if (ca === undefined || !ca.ca)
      throw new StateFileError(caCertPath, 'is not a readable CA certificate', newCa);
    if (Date.parse(ca.validTo) <= Date.now())
      throw new StateFileError(caCertPath, `expired on ${ca.validTo}`, newCa);
    const caKey = parsePrivateKey(caKeyPem);
    if (caKey === undefined) throw new StateFileError(caKeyPath, 'is not a readable private key', newCa);
    if (!sameKey(caKey, ca)) throw new StateFileError(caKeyPath, 'does not belong to ca.crt', newCa);

    let serverCertPem = await readIfExists(serverCertPath);
    let serverKeyPem = await readIfExists(serverKeyPath);
    if (serverKeyPem !== undefined && parsePrivateKey(serverKeyPem) === undefined) {
      throw new StateFileError(
        serverKeyPath,
        'is not a readable private key',
        `Delete it and ${serverCertPath} to have both reissued from the same CA (clients keep trusting ca.crt)`,
      );
    }
    if (!serverCertificateFits(serverCertPem, serverKeyPem, ca, serverNames)) {
      const server = await generate([{ name: 'commonName', value: 'localhost' }], {
        keySize: 2048,
        algorithm: 'sha256',
        notAfterDate: daysFromNow(SERVER_VALIDITY_DAYS),
        ca: { key: caKeyPem, cert: caCertPem },
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: serverNames.map(altName) },
        ],
      });
      serverCertPem = server.cert;
      serverKeyPem = server.private;
      await writeAtomically(serverKeyPath, serverKeyPem, 0o600);
      await writeAtomically(serverCertPath, serverCertPem, 0o644);
    }
    return { caCertPem, caCertPath, serverCertPem: serverCertPem!, serverKeyPem: serverKeyPem! };
  });
}

/** Whether the persisted server certificate can be served as it is. */
function serverCertificateFits(
  certPem: string | undefined,
  keyPem: string | undefined,
  ca: X509Certificate,
  serverNames: readonly string[],
): boolean {
  if (certPem === undefined || keyPem === undefined || !usable(certPem)) return false;
  const cert = parseCertificate(certPem);
  const key = parsePrivateKey(keyPem);
  if (cert === undefined || key === undefined) return false;
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey) || !sameKey(key, cert)) return false;
  return serverNames.every((name) =>
    isIP(name) === 0
      ? cert.checkHost(name, { wildcards: false }) !== undefined
      : cert.checkIP(name) !== undefined,
  );
}

function altName(name: string): { type: 2; value: string } | { type: 7; ip: string } {
  return isIP(name) === 0 ? { type: 2, value: name } : { type: 7, ip: name };
}

function parseCertificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** Parses a private key and proves it whole: a truncated or altered RSA key fails its consistency check. */
function parsePrivateKey(pem: string): KeyObject | undefined {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType === 'rsa') {
      // OpenSSL's RSA check (p*q = n, d*e = 1 mod λ(n)) runs when the key is used; a test signature forces it.
      const probe = Buffer.from('mde-sim key check');
      const signature = sign('sha256', probe, key);
      if (!verify('sha256', probe, createPublicKey(key), signature)) return undefined;
    }
    return key;
  } catch {
    return undefined;
  }
}

function sameKey(privateKey: KeyObject, cert: X509Certificate): boolean {
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return derived.equals(cert.publicKey.export({ type: 'spki', format: 'der' }));
}

/**
 * Loads the certificate credential `name` of a seeded app from `<stateDir>/tls/apps/`, creating a
 * self-signed one (as `New-SelfSignedCertificate` would) when missing or about to expire.
 */
export function loadOrCreateAppCertificate(stateDir: string, name: string): Promise<AppCertificate> {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) {
    throw new TypeError(`loadOrCreateAppCertificate: name must be a file-name-safe word, got '${name}'.`);
  }
  const dir = path.resolve(stateDir, 'tls', 'apps');
  return once(`app:${dir}/${name}`, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const certPath = path.join(dir, `${name}.crt`);
    const keyPath = path.join(dir, `${name}.key`);
    let certPem = await readIfExists(certPath);
    let privateKeyPem = await readIfExists(keyPath);
    if (certPem === undefined || privateKeyPem === undefined || !usable(certPem)) {
      const made = await generate([{ name: 'commonName', value: name }], {
        keySize: 2048,
        algorithm: 'sha256',
        notAfterDate: daysFromNow(APP_CERT_VALIDITY_DAYS),
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, critical: true },
          { name: 'extKeyUsage', clientAuth: true },
        ],
      });
      certPem = made.cert;
      privateKeyPem = made.private;
      await writeAtomically(keyPath, privateKeyPem, 0o600);
      await writeAtomically(certPath, certPem, 0o644);
    }
    const x509 = new X509Certificate(certPem);
    return {
      certPem,
      privateKeyPem,
      thumbprintSha256Hex: hexThumbprint(x509.fingerprint256),
      thumbprintSha1Hex: hexThumbprint(x509.fingerprint),
    };
  });
}

/** Parses and is valid for at least a week more (TLS clients check validity against the wall clock). */
function usable(pem: string): boolean {
  try {
    return Date.parse(new X509Certificate(pem).validTo) - Date.now() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

function hexThumbprint(colonHex: string): string {
  return colonHex.replace(/:/g, '').toLowerCase();
}

function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * 24 * 3600 * 1000);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes via a temporary file and a rename, so another process never reads half a PEM. */
async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}
