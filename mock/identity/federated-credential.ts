/**
 * @module
 * Workload identity federation: a `client_assertion` that another identity provider issued (a managed
 * identity's token for `api://AzureADTokenExchange`, a GitHub Actions or Kubernetes token) is accepted for an
 * app when one of the app's federated credentials names its issuer, subject and audience exactly (Entra
 * compares case-sensitively), and its signature and times check out.
 */
import { createLocalJWKSet, decodeJwt, errors, type JSONWebKeySet, jwtVerify } from 'jose';
import type { FederatedCredential } from '../core/types.ts';
import type { AadstsErrorName, AadstsErrorParams } from './aadsts-errors.ts';
import type { ClientAssertionFailure } from './client-assertion.ts';

/** The audience federated credentials accept unless they name others. */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** What to check a federated assertion against. */
export interface FederatedAssertionCheck {
  assertion: string;
  credentials: readonly FederatedCredential[];
  /** The simulator's own keys, for tokens of its own issuer (managed identities of seeded tenants). */
  ownJwks: () => Promise<JSONWebKeySet>;
  /** Whether `issuer` is the simulator's own (`https://login.microsoftonline.com/<seeded tenant>/v2.0`). */
  isOwnIssuer: (issuer: string) => boolean;
  /** Seconds since the epoch. */
  nowSeconds: number;
  clockSkewSeconds: number;
}

/** A failed check, as the AADSTS table entry to answer with. */
export type FederatedAssertionFailure =
  | ClientAssertionFailure
  | {
      [N in AadstsErrorName]: { error: N; params: AadstsErrorParams<N> };
    }['federatedIssuerMismatch' | 'federatedSubjectMismatch' | 'federatedAudienceMismatch'];

/** Checks a federated assertion in Entra's order (issuer, subject, audience, then signature and times). */
export async function checkFederatedAssertion(
  check: FederatedAssertionCheck,
): Promise<FederatedAssertionFailure | undefined> {
  let payload: ReturnType<typeof decodeJwt>;
  try {
    payload = decodeJwt(check.assertion);
  } catch {
    return {
      error: 'invalidClientAssertion',
      params: { reason: 'The client assertion is not a well-formed JWT.' },
    };
  }
  const issuer = String(payload.iss);
  const byIssuer = check.credentials.filter((c) => c.issuer === issuer);
  if (byIssuer.length === 0) return { error: 'federatedIssuerMismatch', params: { issuer } };
  const subject = String(payload.sub);
  const bySubject = byIssuer.filter((c) => c.subject === subject);
  if (bySubject.length === 0) return { error: 'federatedSubjectMismatch', params: { subject } };
  const audiences = (Array.isArray(payload.aud) ? payload.aud : [payload.aud]).map(String);
  const credential = bySubject.find((c) =>
    (c.audiences ?? [TOKEN_EXCHANGE_AUDIENCE]).some((a) => audiences.includes(a)),
  );
  if (credential === undefined)
    return { error: 'federatedAudienceMismatch', params: { audience: audiences[0] ?? '' } };

  let jwks: JSONWebKeySet;
  if (credential.jwks !== undefined) jwks = credential.jwks as JSONWebKeySet;
  else if (check.isOwnIssuer(issuer)) jwks = await check.ownJwks();
  else {
    return {
      error: 'invalidClientAssertion',
      params: {
        reason: `The simulator fetches no keys: add the jwks of issuer '${issuer}' to the federated credential.`,
      },
    };
  }
  try {
    await jwtVerify(check.assertion, createLocalJWKSet(jwks), {
      currentDate: new Date(check.nowSeconds * 1000),
      clockTolerance: check.clockSkewSeconds,
      algorithms: ['RS256', 'PS256', 'ES256'],
    });
  } catch (error) {
    if (
      error instanceof errors.JWTExpired ||
      (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
    ) {
      const iso = (s: unknown) => (typeof s === 'number' ? new Date(s * 1000).toISOString() : 'unknown');
      return {
        error: 'clientAssertionTimeRange',
        params: { now: iso(check.nowSeconds), notBefore: iso(payload.nbf), expires: iso(payload.exp) },
      };
    }
    return {
      error: 'invalidClientAssertion',
      params: { reason: 'The provided signature value did not match the expected signature value.' },
    };
  }
  return undefined;
}
