/**
 * @module
 * Certificate credentials: checks a `client_assertion` JWT (RFC 7523) against the certificate registered on
 * the app, the way Entra ID does: key found by thumbprint, signature, issuer/subject, audience, time range.
 */
import { compactVerify, decodeProtectedHeader, importX509 } from 'jose';
import type { AadstsErrorName, AadstsErrorParams } from './aadsts-errors.ts';

/** What to check an assertion against. */
export interface ClientAssertionCheck {
  assertion: string;
  clientId: string;
  /** PEM of the certificate registered on the app, if any. */
  certificatePem: string | undefined;
  /** Token endpoint URLs accepted as `aud`. */
  acceptedAudiences: readonly string[];
  /** Seconds since the epoch. */
  nowSeconds: number;
  /** Allowed clock difference for `nbf`/`exp`, in seconds. */
  clockSkewSeconds: number;
}

/** A failed check, as the AADSTS table entry to answer with. */
export type ClientAssertionFailure = {
  [N in AadstsErrorName]: { error: N; params: AadstsErrorParams<N> };
}[
  | 'invalidClientAssertion'
  | 'clientAssertionTimeRange'
  | 'clientAssertionIssuerMismatch'
  | 'clientAssertionAudience'];

const ALGORITHMS = new Set(['RS256', 'PS256']);

/** Checks a client assertion; resolves to undefined when it is acceptable. */
export async function checkClientAssertion(
  check: ClientAssertionCheck,
): Promise<ClientAssertionFailure | undefined> {
  const invalid = (reason: string): ClientAssertionFailure => ({
    error: 'invalidClientAssertion',
    params: { reason },
  });
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(check.assertion);
  } catch {
    return invalid('The client assertion is not a well-formed JWT.');
  }
  if (typeof header.alg !== 'string' || !ALGORITHMS.has(header.alg)) {
    return invalid(`The signing algorithm '${String(header.alg)}' is not supported.`);
  }
  const der = check.certificatePem === undefined ? undefined : pemToDer(check.certificatePem);
  const presented = await presentedThumbprint(header);
  const keyFound =
    der !== undefined &&
    presented !== undefined &&
    presented.value === (await thumbprint(der, presented.algorithm));
  if (!keyFound || check.certificatePem === undefined) {
    const shown = presented?.value.toUpperCase() ?? 'none';
    return invalid(
      `The key was not found., Thumbprint of key used by client: '${shown}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${check.clientId}'.`,
    );
  }
  let payload: Record<string, unknown>;
  try {
    const key = await importX509(check.certificatePem, header.alg);
    const result = await compactVerify(check.assertion, key, { algorithms: [header.alg] });
    payload = JSON.parse(new TextDecoder().decode(result.payload)) as Record<string, unknown>;
  } catch {
    return invalid('The provided signature value did not match the expected signature value.');
  }
  const clientId = check.clientId.toLowerCase();
  if (String(payload.iss).toLowerCase() !== clientId || String(payload.sub).toLowerCase() !== clientId) {
    return { error: 'clientAssertionIssuerMismatch', params: {} };
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const accepted = new Set(check.acceptedAudiences.map((a) => a.toLowerCase()));
  if (!audiences.some((a) => typeof a === 'string' && accepted.has(a.toLowerCase()))) {
    return { error: 'clientAssertionAudience', params: { audience: String(audiences[0]) } };
  }
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  const nbf = typeof payload.nbf === 'number' ? payload.nbf : (exp ?? 0) - 600;
  if (
    exp === undefined ||
    exp <= check.nowSeconds - check.clockSkewSeconds ||
    nbf > check.nowSeconds + check.clockSkewSeconds
  ) {
    const iso = (s: number | undefined) => (s === undefined ? 'unknown' : new Date(s * 1000).toISOString());
    return {
      error: 'clientAssertionTimeRange',
      params: { now: iso(check.nowSeconds), notBefore: iso(nbf), expires: iso(exp) },
    };
  }
  return undefined;
}

/** SHA-256 and SHA-1 thumbprints (lower-case hex) of a PEM certificate. */
export async function certificateThumbprints(pem: string): Promise<{ sha256Hex: string; sha1Hex: string }> {
  const der = pemToDer(pem);
  return { sha256Hex: await thumbprint(der, 'SHA-256'), sha1Hex: await thumbprint(der, 'SHA-1') };
}

async function presentedThumbprint(
  header: Record<string, unknown>,
): Promise<{ algorithm: 'SHA-256' | 'SHA-1'; value: string } | undefined> {
  const sha256 = header['x5t#S256'];
  if (typeof sha256 === 'string') return { algorithm: 'SHA-256', value: base64UrlToHex(sha256) };
  if (typeof header.x5t === 'string') return { algorithm: 'SHA-1', value: base64UrlToHex(header.x5t) };
  return undefined;
}

async function thumbprint(der: Uint8Array, algorithm: 'SHA-256' | 'SHA-1'): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, der as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function pemToDer(pem: string): Uint8Array {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
}

function base64UrlToHex(value: string): string {
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    return Array.from(binary, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    return '';
  }
}
