/**
 * @module
 * What a simulated tenant is made of when it is seeded: its identity (apps, users) and its machines.
 * Seeds are plain JSON so they can come from a file, a control-API request or code; their types are
 * generated from the control API's schemas (openapi/mde-sim-control.yaml), which also check them.
 */
import type { ControlSchemas } from './control-schemas.ts';

/**
 * How a simulated machine behaves when actions reach it: `online` (default true; offline machines leave
 * actions Pending until they end TimeOut), `outcome` ('succeed' | 'fail'), `restricted` (default false),
 * and per-machine `pickupDelayMs` / `executionMs` overriding the simulator's lifecycle timing.
 */
export type MachineBehaviour = ControlSchemas['MachineBehaviour'];

/**
 * A machine in a seed: any property of the API's Machine entity (`id` and `computerDnsName` required, the
 * rest defaulted) plus `sim`, its behaviour.
 */
export type MachineSeed = ControlSchemas['MachineSeed'];

/** A tenant in a seed: id (GUID, the token's `tid`), primary domain, display name, apps, users, machines. */
export type TenantSeed = ControlSchemas['TenantSeed'];
