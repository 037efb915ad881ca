/**
 * @module
 * The directory the offline Entra ID reads: which tenants exist, and their app registrations and users.
 * The identity provider never owns this data; the simulator's tenant state implements the interface.
 */
import type { AppRegistration, ManagedIdentity, UserAccount } from '../core/types.ts';

/** A tenant as the identity provider sees it. */
export interface DirectoryTenant {
  /** Tenant id, a lower-case GUID (token `tid`). */
  id: string;
  /** Primary verified domain, e.g. `contoso.onmicrosoft.com`. */
  domain: string;
  displayName: string;
  apps: readonly AppRegistration[];
  users: readonly UserAccount[];
  /** Managed identities of the tenant. @default none */
  managedIdentities?: readonly ManagedIdentity[];
}

/** Lookup of tenants by id or domain; implemented by the simulator's tenant state. */
export interface IdentityDirectory {
  /**
   * Finds a tenant by its id (GUID) or its domain. Implementations should compare case-insensitively,
   * as Entra ID does. Returns undefined for an unknown tenant.
   */
  findTenant(idOrDomain: string): DirectoryTenant | undefined;
  /**
   * Every tenant, for lookups a request does not scope to a tenant (managed identities are found by their
   * ids alone). Without it, no managed identity can be found.
   */
  tenants?(): Iterable<DirectoryTenant>;
}

/**
 * A directory over a fixed list of tenants (tests, and hosts with no mutable tenant state).
 * The list is read on every lookup, so pushing to or editing the array is seen immediately.
 */
export function createStaticDirectory(tenants: readonly DirectoryTenant[]): IdentityDirectory {
  return {
    findTenant(idOrDomain) {
      const wanted = idOrDomain.toLowerCase();
      return tenants.find((t) => t.id.toLowerCase() === wanted || t.domain.toLowerCase() === wanted);
    },
    tenants: () => tenants,
  };
}

/** Finds an app registration by client id (case-insensitive, as GUIDs are). */
export function findApp(tenant: DirectoryTenant, clientId: string): AppRegistration | undefined {
  const wanted = clientId.toLowerCase();
  return tenant.apps.find((a) => a.clientId.toLowerCase() === wanted);
}

/** Finds a user by user principal name (case-insensitive, as Entra ID does). */
export function findUser(tenant: DirectoryTenant, userPrincipalName: string): UserAccount | undefined {
  const wanted = userPrincipalName.toLowerCase();
  return tenant.users.find((u) => u.userPrincipalName.toLowerCase() === wanted);
}
