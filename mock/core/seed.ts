/**
 * @module
 * What a simulated tenant is made of when it is seeded: its identity (apps, users) and its machines.
 * Seeds are plain JSON so they can come from a file, a control-API request or code.
 */
import type { Machine } from '../../openapi/index.ts';
import type { AppRegistration, ManagedIdentity, UserAccount } from './types.ts';

/** How a simulated machine behaves when actions reach it. */
export interface MachineBehaviour {
  /** An offline machine never picks actions up: they stay Pending and end TimeOut. @default true */
  online?: boolean;
  /** `fail`: actions end Failed instead of Succeeded. @default 'succeed' */
  outcome?: 'succeed' | 'fail';
  /** Whether app execution is currently restricted on the machine. @default false */
  restricted?: boolean;
  /** Overrides the simulator's pick-up delay for this machine (ms). */
  pickupDelayMs?: number;
  /** Overrides the simulator's execution time for this machine (ms). */
  executionMs?: number;
}

/** A machine in a seed: the entity fields (id and computerDnsName required) plus its behaviour. */
export type MachineSeed = Partial<Machine> &
  Pick<Machine, 'id' | 'computerDnsName'> & { sim?: MachineBehaviour };

/** A tenant in a seed. */
export interface TenantSeed {
  /** Tenant id (GUID), the token's `tid`. */
  id: string;
  /** Primary domain, e.g. `contoso-demo.onmicrosoft.com` (also accepted as authority tenant). */
  domain: string;
  displayName: string;
  apps: AppRegistration[];
  users: UserAccount[];
  machines: MachineSeed[];
  /** Managed identities that get tokens from the App Service and IMDS endpoints. @default none */
  managedIdentities?: ManagedIdentity[];
}
