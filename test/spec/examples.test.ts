/**
 * Every example in the OpenAPI document is a fixture: each must match its schema, and the recorded
 * payloads must match the schemas too (ajv, JSON Schema 2020-12).
 */
import { describe, expect, it } from 'vitest';
import {
  createSchemaCompiler,
  deref,
  describeErrors,
  type Json,
  loadYamlSpec,
  operationsOf,
  readPayload,
} from './spec-walk.ts';

const doc = loadYamlSpec();
const compile = createSchemaCompiler(doc);

interface ExampleCase {
  name: string;
  schema: Json;
  value: Json;
}

function mediaExamples(where: string, content: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [mediaType, media] of Object.entries<Json>(content ?? {})) {
    if (!media.schema) continue;
    if ('example' in media)
      cases.push({ name: `${where} ${mediaType} example`, schema: media.schema, value: media.example });
    for (const [exampleName, example] of Object.entries<Json>(media.examples ?? {})) {
      cases.push({
        name: `${where}: example ${exampleName}`,
        schema: media.schema,
        value: deref(doc, example).value,
      });
    }
  }
  return cases;
}

function schemaExamples(where: string, schema: Json): ExampleCase[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return [];
  const cases: ExampleCase[] = (schema.examples ?? []).map((value: Json, i: number) => ({
    name: `schema ${where}: examples[${i}]`,
    schema,
    value,
  }));
  for (const [key, sub] of Object.entries<Json>(schema.properties ?? {})) {
    cases.push(...schemaExamples(`${where}.${key}`, sub));
  }
  for (const keyword of ['items', 'not', 'propertyNames']) {
    if (schema[keyword]) cases.push(...schemaExamples(`${where}/${keyword}`, schema[keyword]));
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    (schema[keyword] ?? []).forEach((sub: Json, i: number) => {
      cases.push(...schemaExamples(`${where}/${keyword}[${i}]`, sub));
    });
  }
  return cases;
}

function allExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const { path, method, op, pathItem } of operationsOf(doc)) {
    const at = `${op.operationId} (${method.toUpperCase()} ${path})`;
    for (const parameterRef of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
      const parameter = deref(doc, parameterRef);
      for (const [exampleName, example] of Object.entries<Json>(parameter.examples ?? {})) {
        cases.push({
          name: `${at} parameter ${parameter.name}: example ${exampleName}`,
          schema: parameter.schema,
          value: deref(doc, example).value,
        });
      }
    }
    if (op.requestBody)
      cases.push(...mediaExamples(`${at} request body`, deref(doc, op.requestBody).content));
    for (const [status, response] of Object.entries<Json>(op.responses)) {
      cases.push(...mediaExamples(`${at} response ${status}`, deref(doc, response).content));
    }
  }
  for (const [name, schema] of Object.entries<Json>(doc.components.schemas)) {
    cases.push(...schemaExamples(name, schema));
  }
  return cases;
}

const cases = allExamples();

describe('examples in the spec', () => {
  it('finds the examples (named response examples, request bodies, parameters, schemas)', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s matches its schema', (_name, c) => {
    const validate = compile(c.schema);
    expect(validate(c.value), describeErrors(validate)).toBe(true);
  });

  it('rejects a MachineAction carrying the doc-only key lastUpdateTimeUtc', () => {
    const validate = compile({ $ref: '#/components/schemas/MachineAction' });
    const { lastUpdateDateTimeUtc, ...rest } = doc.components.examples.UnrestrictPending2026.value;
    expect(validate({ ...rest, lastUpdateTimeUtc: lastUpdateDateTimeUtc })).toBe(false);
  });

  it('rejects a collection item carrying @odata.context', () => {
    const validate = compile({ $ref: '#/components/schemas/MachineActionCollection' });
    const page = structuredClone(doc.components.examples.CollectionByMachine.value);
    expect(validate(page), describeErrors(validate)).toBe(true);
    page.value[0] = doc.components.examples.UnrestrictPending2026.value;
    expect(validate(page)).toBe(false);
  });

  it('rejects timestamps with trailing zeros or more than 7 fractional digits', () => {
    const validate = compile({ $ref: '#/components/schemas/DateTimeUtc' });
    expect(validate('2024-01-02T13:39:46.773821Z')).toBe(true);
    expect(validate('2024-01-02T13:39:46Z')).toBe(true);
    expect(validate('2024-01-02T13:39:46.7738210Z')).toBe(false);
    expect(validate('2024-01-02T13:39:46.77382061Z')).toBe(false);
    expect(validate('2024-01-02T13:39:46.7738206+00:00')).toBe(false);
  });
});

const machineActionPayloads = [
  '01_unrestrict_201_pingidentity_2026.json',
  '02_restrict_201_pingidentity_2026.json',
  '03_unisolate_201_pingidentity_2026.json',
  '05_offboard_201_mde_api_readme_2024.json',
];

describe('recorded payloads (docs/evidence/payloads)', () => {
  it.each(machineActionPayloads)('payload %s matches MachineAction', (file) => {
    const validate = compile({ $ref: '#/components/schemas/MachineAction' });
    expect(validate(readPayload(file)), describeErrors(validate)).toBe(true);
  });

  it('payload 16 (GET machine json_body) matches Machine', () => {
    const validate = compile({ $ref: '#/components/schemas/Machine' });
    expect(
      validate(readPayload('16_get_machine_200_swimlane_2023.json')[0].json_body),
      describeErrors(validate),
    ).toBe(true);
  });

  it.each([
    ['07 (429)', () => readPayload('07_error_429_indicators_import_minemeld_2022.json')],
    [
      '10 (400 non-GUID key)',
      () => readPayload('10_error_400_machineaction_nonguid_id_swimlane_2023.json')[0].json_body,
    ],
    ['14 (403 current wording)', () => readPayload('14_error_403_missing_roles_current_format_2026.json')],
  ])('payload %s matches ErrorEnvelope', (_name, load) => {
    const validate = compile({ $ref: '#/components/schemas/ErrorEnvelope' });
    expect(validate(load()), describeErrors(validate)).toBe(true);
  });

  it("lists MachineAction's properties in payload 01's key order", () => {
    const payload = readPayload('01_unrestrict_201_pingidentity_2026.json');
    expect(Object.keys(doc.components.schemas.MachineAction.properties)).toEqual(Object.keys(payload));
  });

  it("lists Machine's properties in payload 16's key order", () => {
    const payload = readPayload('16_get_machine_200_swimlane_2023.json')[0].json_body;
    expect(Object.keys(doc.components.schemas.Machine.properties)).toEqual(Object.keys(payload));
  });

  it.each([
    ['UnrestrictPending2026', () => readPayload('01_unrestrict_201_pingidentity_2026.json')],
    ['RestrictPending2026', () => readPayload('02_restrict_201_pingidentity_2026.json')],
    ['Machine2023', () => readPayload('16_get_machine_200_swimlane_2023.json')[0].json_body],
    [
      'NonGuidKey',
      () => readPayload('10_error_400_machineaction_nonguid_id_swimlane_2023.json')[0].json_body,
    ],
    ['UnisolatePending2026', () => readPayload('03_unisolate_201_pingidentity_2026.json')],
    ['OffboardPending2024', () => readPayload('05_offboard_201_mde_api_readme_2024.json')],
    [
      'NotAPackageAction',
      () => readPayload('11_error_400_getPackageUri_wrong_action_swimlane_2023.json')[0].json_body,
    ],
    [
      'QuarantineRecognitionError',
      () => readPayload('12_error_400_stopandquarantine_swimlane_2023.json')[0].json_body,
    ],
    [
      'IsolatePending2026',
      () => ({
        ...readPayload('04_isolate_201_pingidentity_2026.json'),
        // Payload 04 says #Machines/$entity, an editing error in its source (payloads/README.md).
        '@odata.context': 'https://api.security.microsoft.com/api/$metadata#MachineActions/$entity',
      }),
    ],
  ])('example %s is the recorded payload, key order included', (name, load) => {
    expect(JSON.stringify(doc.components.examples[name].value)).toBe(JSON.stringify(load()));
  });
});
