/**
 * @module
 * The shapes every part of the simulator shares. The core speaks these plain shapes (not express or
 * node:http objects) so that the node:http server, the express adapter and the MSW handlers are thin.
 */

import type { ControlSchemas } from './control-schemas.ts';

/** A request as the core sees it. Adapters build it from whatever their host gives them. */
export interface SimRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** `scheme://host[:port]` the client called, used to echo the host in `@odata.context`. */
  origin: string;
  /** Path without the query string, not decoded (e.g. `/api/machines/abc/unrestrictCodeExecution`). */
  path: string;
  /** Raw query string without the leading `?` (empty string when none). */
  query: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text, or undefined when the request had none. */
  body: string | undefined;
  /** Who is calling at the transport level (e.g. `127.0.0.1:53211`), for the journal only. */
  remote?: string;
}

/** A response as the core produces it. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** Body text; `''` for an empty body, or when the body is {@link SimResponse.bytes}. */
  body: string;
  /** The body as bytes, when it is not text (a compressed answer, a package zip); adapters send these instead. */
  bytes?: Uint8Array;
  /** When true the adapter must destroy the connection without answering (an injected fault). */
  dropConnection?: boolean;
}

/** Time source. Every time-dependent behaviour reads one of these, never `Date.now()`. */
export interface Clock {
  /** Milliseconds since the Unix epoch; may carry a fractional part (sub-millisecond precision). */
  now(): number;
  /** Resolves once `ms` have passed on this clock (a virtual clock resolves when advanced). */
  sleep(ms: number): Promise<void>;
}

// The seed's identity shapes are the control API's schemas (openapi/mde-sim-control.yaml, which documents
// every field); seed files, `POST /_sim/tenants` and code all check against them.

/** An application registration in a simulated tenant (schema `AppRegistration`). */
export type AppRegistration = ControlSchemas['AppRegistration'];

/** A federated identity credential on an app registration (schema `FederatedCredential`). */
export type FederatedCredential = ControlSchemas['FederatedCredential'];

/** A managed identity in a simulated tenant (schema `ManagedIdentity`). */
export type ManagedIdentity = ControlSchemas['ManagedIdentity'];

/** A user account in a simulated tenant, for delegated tokens (schema `UserAccount`). */
export type UserAccount = ControlSchemas['UserAccount'];
