/**
 * @module
 * The shapes every part of the simulator shares. The core speaks these plain shapes (not express or
 * node:http objects) so that the node:http server, the express adapter and the MSW handlers are thin.
 */

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

/** An application registration in a simulated tenant. */
export interface AppRegistration {
  /** Application (client) id, a GUID. */
  clientId: string;
  /** Display name; the real service reports it as `requestor` on actions the app creates. */
  displayName: string;
  /** Demo client secret (demo value, printed on start). */
  clientSecret?: string;
  /** PEM of the app's registered certificate, for `client_assertion` (certificate credentials). */
  certificatePem?: string;
  /** Application permissions granted on the WindowsDefenderATP API (token `roles`). */
  roles: string[];
  /** Delegated permissions consented for this app (token `scp` in user tokens). */
  delegatedScopes?: string[];
  /** Whether the app is a public client (resource-owner password flow without a secret). */
  isPublicClient?: boolean;
  /**
   * Federated identity credentials (workload identity federation): a `client_assertion` issued by another
   * identity provider (a managed identity, GitHub Actions, Kubernetes) is accepted in place of a secret when
   * its `iss`, `sub` and `aud` match one of these exactly.
   */
  federatedCredentials?: FederatedCredential[];
}

/** A federated identity credential on an app registration. */
export interface FederatedCredential {
  /** Name shown in the portal (informational). */
  name?: string;
  /**
   * Issuer of the external token, compared case-sensitively with its `iss`. For a managed identity of a
   * seeded tenant: `https://login.microsoftonline.com/<tenant id>/v2.0`.
   */
  issuer: string;
  /** Subject of the external token (`sub`); for a managed identity, its object (principal) id. */
  subject: string;
  /** Accepted `aud` values. @default ['api://AzureADTokenExchange'] */
  audiences?: string[];
  /**
   * Public keys of the issuer (a JWKS). Required for an external issuer, since the simulator never fetches
   * anything; tokens of the simulator's own issuer are verified with its own keys.
   */
  jwks?: { keys: Record<string, unknown>[] };
}

/** A managed identity in a simulated tenant (Azure resources' identities: App Service, VMs, Logic Apps). */
export interface ManagedIdentity {
  /** `system-assigned` (the host's own identity) or `user-assigned` (a standalone resource). */
  kind: 'system-assigned' | 'user-assigned';
  /** Client (application) id, a GUID: the token's `appid`. */
  clientId: string;
  /** Object (principal) id, a GUID: the token's `oid` and `sub`. */
  objectId: string;
  /**
   * Azure resource id, e.g. `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`
   * (the token's `xms_mirid`; selects a user-assigned identity by `mi_res_id`/`msi_res_id`).
   */
  resourceId: string;
  /** Display name (the resource's name); reported as the action's `requestor`. */
  displayName: string;
  /** App roles granted on the WindowsDefenderATP API (token `roles`). */
  roles: string[];
}

/** A user account in a simulated tenant, for delegated (user) tokens. */
export interface UserAccount {
  /** Object id, a GUID (token `oid`). */
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  /** Demo password for the resource-owner password flow. */
  password: string;
  /** MDE portal role permissions, e.g. `Active remediation actions`, `View Data`. */
  mdeRoles: string[];
  /** Device groups (machine `rbacGroupName`) the user can access; `['*']` means all. */
  deviceGroups: string[];
}
