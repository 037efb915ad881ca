/**
 * @module
 * The OpenAPI document and its schema types, by name. Everything here derives from
 * openapi/defender-machine-actions.yaml through `npm run generate`; nothing restates a schema by hand.
 */
import type { components } from './types.gen.ts';

export { spec } from './spec.gen.ts';
export type { components, operations, paths } from './types.gen.ts';

type Schemas = components['schemas'];

/** A machine action as serialized on the wire (21 keys; `@odata.context` only on entity answers). */
export type MachineAction = Schemas['MachineAction'];
/** A device entity as serialized on the wire. */
export type Machine = Schemas['Machine'];
/** A page of machine actions (`GET /api/machineactions`). */
export type MachineActionCollection = Schemas['MachineActionCollection'];
/** MDE's error body `{"error":{"code","message","target"}}`. */
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
/** Kind of machine action (`UnrestrictCodeExecution`, ...). */
export type MachineActionType = Schemas['MachineActionType'];
/** Status of a machine action (`Pending`, ..., `Cancelled`). */
export type MachineActionStatus = Schemas['MachineActionStatus'];
/** Body of unrestrict/restrict/cancel: `{"Comment": "..."}`. */
export type ActionRequest = Schemas['ActionRequest'];
/** A page of machines (`GET /api/machines`, `findbyip`). */
export type MachineCollection = Schemas['MachineCollection'];
/** The answer of getPackageUri: `{"@odata.context", "value": "<link>"}`. */
export type PackageUri = Schemas['PackageUri'];
/** `IsolationType` of an isolate request: `Full`, `Selective` or `UnManagedDevice`. */
export type IsolationType = NonNullable<Schemas['IsolateRequest']['IsolationType']>;
/** `ScanType` of an antivirus scan: `Quick` or `Full`. */
export type ScanType = NonNullable<Schemas['ScanRequest']['ScanType']>;
