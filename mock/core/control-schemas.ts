/**
 * @module
 * The control API's input schemas (openapi/mde-sim-control.yaml), compiled with ajv, and the messages a
 * refusal carries: the JSON path of the bad value and, for a typo, the closest valid name. Seed files,
 * `/_sim` bodies and the typed `simulator.control` methods all go through these, so none of them can
 * accept what another refuses.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { closest, distance } from 'fastest-levenshtein';
import { controlSpec } from '../../openapi/control-spec.gen.ts';
import type { components } from '../../openapi/control-types.gen.ts';

/** The control API's schemas, by name (generated from openapi/mde-sim-control.yaml). */
export type ControlSchemas = components['schemas'];

/** Names of the schemas a control input can be checked against. */
export type ControlSchemaName = keyof ControlSchemas;

/** A refused control input: what is wrong, and where (a JSON pointer into the input). */
export class ControlInputError extends Error {
  override name = 'ControlInputError';
  /** JSON pointer of the bad value (`''` for the input itself). */
  readonly pointer: string;
  constructor(message: string, pointer: string) {
    super(message);
    this.pointer = pointer;
  }
}

const SCHEMA_ID = 'mde-sim-control';

/** The spec's `#/components/schemas/X` refs, pointed at the `$defs` of one JSON Schema document. */
function asJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      // ajv's discriminator finds branches by their `const`; OpenAPI's `mapping` (kept for the generated
      // types and the docs) is one it refuses.
      .filter(([key]) => key !== 'mapping' || !('propertyName' in value))
      .map(([key, child]) => [
        key,
        key === '$ref' && typeof child === 'string'
          ? child.replace('#/components/schemas/', `${SCHEMA_ID}#/$defs/`)
          : asJsonSchema(child),
      ]),
  );
}

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Compiled on first use: the control API is off the hot path, and start-up time matters more. */
function validatorFor(name: ControlSchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (validate) return validate;
  if (!ajv) {
    // allErrors: a typo (unknown property) is reported before the 'required' it causes; verbose: parent schemas
    // name the valid properties.
    ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, discriminator: true });
    formatsModule.default(ajv);
    ajv.addVocabulary(['x-properties-from', 'x-fidelity', 'x-fidelity-reason']);
    ajv.addSchema({ $id: SCHEMA_ID, $defs: asJsonSchema(controlSpec.components.schemas) as object });
  }
  validate = ajv.compile({ $ref: `${SCHEMA_ID}#/$defs/${name}` });
  validators.set(name, validate);
  return validate;
}

/**
 * Checks `value` against a control schema.
 * @param what how to name the input in messages (`body`, `seed file tenants[0]`...)
 * @throws ControlInputError naming the first problem
 */
export function checkControlInput<N extends ControlSchemaName>(
  name: N,
  value: unknown,
  what = 'body',
): ControlSchemas[N] {
  const validate = validatorFor(name);
  if (validate(value)) return value as ControlSchemas[N];
  const error = mostUseful(validate.errors ?? []);
  throw describe(error, value, what);
}

/**
 * Checks that a name the input uses is one of the API's operationIds (fault matches, quota limits): the
 * schema cannot list them, since they come from the spec the simulator was given.
 * @throws ControlInputError naming the place and the closest valid operationId
 */
export function checkOperationId(
  operationId: string,
  operationIds: readonly string[],
  what: string,
  pointer: string,
): void {
  if (operationIds.includes(operationId)) return;
  throw new ControlInputError(
    `${jsonPath(what, pointer)}: unknown operationId '${operationId}'${suggestName(operationId, operationIds)}`,
    pointer,
  );
}

/** A quota setting (`PUT /_sim/.../rate-limits`, the `rateLimits` option and config): schema, then operationIds. */
export function checkRateLimitSetting(
  value: unknown,
  operationIds: readonly string[],
  what = 'body',
): ControlSchemas['RateLimitSetting'] {
  const setting = checkControlInput('RateLimitSetting', value, what);
  for (const operationId of Object.keys(setting.limits ?? {})) {
    checkOperationId(
      operationId,
      operationIds,
      what,
      `/limits/${operationId.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    );
  }
  return setting;
}

/** `a.b[0].c` for the JSON pointer `/a/b/0/c`, under `what`. */
export function jsonPath(what: string, pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), what);
}

/** `did you mean 'x'?` when a name is one typo away from a valid one, else the valid names. */
export function suggestName(given: string, valid: readonly string[]): string {
  if (valid.length === 0) return '';
  const best = closest(given, [...valid]);
  const near = distance(given.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3));
  return near ? ` (did you mean '${best}'?)` : ` (valid: ${valid.join(', ')})`;
}

/**
 * The error that says most: an unknown property first (a typo explains the 'required' error it causes),
 * then a discriminator's, then the deepest; a oneOf's summary last (its branches say more).
 */
function mostUseful(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const rank = (error: ErrorObject) =>
    error.keyword === 'additionalProperties'
      ? 0
      : error.keyword === 'discriminator'
        ? 1
        : error.keyword === 'oneOf'
          ? 3
          : 2;
  return [...errors].sort((a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length)[0];
}

/** The `const` of property `tag` in the schema a `$ref` names (a discriminator branch). */
function constOf(ref: string | undefined, tag: string): string | undefined {
  const name = ref?.split('/').pop() ?? '';
  const schemas = controlSpec.components.schemas as Record<
    string,
    { properties?: Record<string, { const?: unknown }> }
  >;
  const value = schemas[name]?.properties?.[tag]?.const;
  return typeof value === 'string' ? value : undefined;
}

function describe(error: ErrorObject | undefined, input: unknown, what: string): ControlInputError {
  if (!error) return new ControlInputError(`${what} is not valid`, '');
  const pointer = error.instancePath;
  const where = jsonPath(what, pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      return new ControlInputError(
        `${where}: unknown property '${name}'${suggestName(name, Object.keys(schema?.properties ?? {}))}`,
        `${pointer}/${name}`,
      );
    }
    case 'required':
      return new ControlInputError(
        `${where}: '${String(params.missingProperty)}' is required`,
        `${pointer}/${String(params.missingProperty)}`,
      );
    case 'enum':
      return new ControlInputError(
        `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        pointer,
      );
    case 'discriminator': {
      const tag = String(params.tag);
      const branches = (error.parentSchema as { oneOf?: { $ref?: string }[] }).oneOf ?? [];
      const tags = branches.map((branch) => constOf(branch.$ref, tag)).filter((v) => v !== undefined);
      return new ControlInputError(
        `${jsonPath(what, `${pointer}/${tag}`)} must be one of ${tags.map((v) => `'${v}'`).join(', ')}`,
        `${pointer}/${tag}`,
      );
    }
    default:
      void input;
      return new ControlInputError(`${where} ${error.message ?? 'is not valid'}`, pointer);
  }
}
