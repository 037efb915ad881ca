/**
 * The spec carries what the simulator core reads (permissions, rate limits) on every operation, keeps
 * MDE's error envelope on every error, and says why wherever it guessed.
 */
import { describe, expect, it } from 'vitest';
import { deref, type Json, loadYamlSpec, operationsOf } from './spec-walk.ts';

const doc = loadYamlSpec();
const operations = operationsOf(doc);

function responsesOf(filter: (status: string) => boolean): [string, string, Json][] {
  const out: [string, string, Json][] = [];
  for (const { op } of operations) {
    for (const [status, response] of Object.entries<Json>(op.responses)) {
      if (filter(status)) out.push([op.operationId, status, deref(doc, response)]);
    }
  }
  return out;
}

/** Every object in the document that has `x-fidelity`, with its JSON pointer. */
function fidelityMarks(node: Json, pointer: string, into: [string, Json][]): [string, Json][] {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      fidelityMarks(item, `${pointer}/${i}`, into);
    });
  } else if (node && typeof node === 'object') {
    if ('x-fidelity' in node) into.push([pointer || '/', node]);
    for (const [key, value] of Object.entries<Json>(node)) fidelityMarks(value, `${pointer}/${key}`, into);
  }
  return into;
}

describe('operations', () => {
  it('are exactly the fifteen the simulator routes by', () => {
    expect(
      operations.map(({ op, method, path }) => `${op.operationId} ${method.toUpperCase()} ${path}`).sort(),
    ).toEqual([
      'cancelMachineAction POST /api/machineactions/{id}/cancel',
      'collectInvestigationPackage POST /api/machines/{id}/collectInvestigationPackage',
      "findMachinesByIp GET /api/machines/findbyip(ip='{ip}',timestamp={timestamp})",
      'getMachine GET /api/machines/{id}',
      'getMachineAction GET /api/machineactions/{id}',
      'getPackageUri GET /api/machineactions/{id}/getPackageUri',
      'isolateMachine POST /api/machines/{id}/isolate',
      'listMachineActions GET /api/machineactions',
      'listMachines GET /api/machines',
      'offboardMachine POST /api/machines/{id}/offboard',
      'restrictCodeExecution POST /api/machines/{id}/restrictCodeExecution',
      'runAntiVirusScan POST /api/machines/{id}/runAntiVirusScan',
      'stopAndQuarantineFile POST /api/machines/{id}/StopAndQuarantineFile',
      'unisolateMachine POST /api/machines/{id}/unisolate',
      'unrestrictCodeExecution POST /api/machines/{id}/unrestrictCodeExecution',
    ]);
  });

  it.each(operations.map(({ op }) => [op.operationId, op] as const))(
    '%s declares x-mde-permissions',
    (_id, op) => {
      const permissions = op['x-mde-permissions'];
      expect(permissions).toBeTypeOf('object');
      for (const kind of ['application', 'delegated']) {
        expect(Array.isArray(permissions[kind]) && permissions[kind].length > 0, kind).toBe(true);
        for (const permission of permissions[kind])
          expect(permission).toMatch(/^Machine\.[A-Za-z]+(\.All)?$/);
      }
      expect(permissions.userRole).toBeTypeOf('string');
      expect(permissions.deviceGroupAccess).toBeTypeOf('boolean');
    },
  );

  it.each(
    operations
      .filter(({ op }) => op.operationId !== 'getPackageUri')
      .map(({ op }) => [op.operationId, op] as const),
  )('%s declares x-mde-rate-limits of 100/min and 1500/h', (_id, op) => {
    expect(op['x-mde-rate-limits']).toEqual([
      { limit: 100, windowSeconds: 60 },
      { limit: 1500, windowSeconds: 3600 },
    ]);
  });

  it.each(operations.filter(({ op }) => op.requestBody).map(({ op }) => [op.operationId, op] as const))(
    "%s requires a non-empty Comment (first of its required fields), named in x-mde-required for the simulator's own 400s",
    (_id, op) => {
      const schema = deref(doc, deref(doc, op.requestBody).content['application/json'].schema);
      expect(schema['x-mde-required'][0]).toBe('Comment');
      expect(schema.required).toEqual(schema['x-mde-required']);
      expect(schema.properties.Comment).toEqual({
        type: 'string',
        minLength: 1,
        maxLength: 4000,
        description: expect.any(String),
        'x-fidelity': 'inferred',
        'x-fidelity-reason': expect.any(String),
      });
    },
  );

  it('getPackageUri has its own quota: 2/min and 120/h (mde-actions-family.md §5)', () => {
    const { op } = operations.find(({ op }) => op.operationId === 'getPackageUri')!;
    expect(op['x-mde-rate-limits']).toEqual([
      { limit: 2, windowSeconds: 60 },
      { limit: 120, windowSeconds: 3600 },
    ]);
    expect(op['x-mde-permissions'].application).toEqual(['Machine.Read.All', 'Machine.ReadWrite.All']);
    expect(op['x-mde-permissions'].userRole).toBe('Alerts Investigation');
  });

  it('unrestrictCodeExecution needs Machine.RestrictExecution and the remediation role', () => {
    const { op } = operations.find(({ op }) => op.operationId === 'unrestrictCodeExecution')!;
    expect(op['x-mde-permissions']).toEqual({
      application: ['Machine.RestrictExecution'],
      delegated: ['Machine.RestrictExecution'],
      userRole: 'Active remediation actions',
      deviceGroupAccess: true,
    });
  });
});

describe('responses', () => {
  it.each(responsesOf((status) => /^[45]/.test(status) && status !== '405'))(
    '%s %s has an ErrorEnvelope body',
    (_id, _status, response) => {
      const content = response.content ?? {};
      expect(Object.keys(content)).toEqual(['application/json']);
      expect(content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    },
  );

  it.each(responsesOf((status) => status === '405'))(
    '%s %s is empty with Allow: POST',
    (_id, _status, response) => {
      expect(response.content).toBeUndefined();
      const allow = deref(doc, response.headers.Allow);
      expect(allow.required).toBe(true);
      expect(allow.schema).toEqual({ type: 'string', const: 'POST' });
    },
  );

  it.each(responsesOf((status) => status === '429'))(
    '%s %s declares a required Retry-After',
    (_id, _status, response) => {
      const retryAfter = deref(doc, response.headers['Retry-After']);
      expect(retryAfter.required).toBe(true);
      expect(retryAfter.schema.type).toBe('integer');
    },
  );

  it.each(responsesOf((status) => /^2/.test(status)))(
    '%s %s declares OData-Version and mise-correlation-id',
    (_id, _status, response) => {
      expect(deref(doc, response.headers['OData-Version']).schema).toEqual({ type: 'string', const: '4.0' });
      expect(deref(doc, response.headers['mise-correlation-id']).schema.format).toBe('uuid');
    },
  );

  it.each(operations.map(({ op }) => [op.operationId, op] as const))(
    '%s declares 401, 403, 429 and 500',
    (_id, op) => {
      for (const status of ['401', '403', '429', '500']) expect(op.responses).toHaveProperty(status);
    },
  );
});

describe('guesses are marked and explained', () => {
  const marks = fidelityMarks(doc, '', []);

  it('marks the inferred parts', () => {
    expect(marks.length).toBeGreaterThan(20);
  });

  it.each(marks)('%s: x-fidelity inferred with a non-empty x-fidelity-reason', (_pointer, node) => {
    expect(node['x-fidelity']).toBe('inferred');
    expect(typeof node['x-fidelity-reason'] === 'string' && node['x-fidelity-reason'].trim().length > 0).toBe(
      true,
    );
  });
});

describe('document-level extensions', () => {
  it('aliases /api/v1.0/ to /api/', () => {
    expect(doc['x-path-aliases']).toEqual([{ prefix: '/api/v1.0/', canonical: '/api/' }]);
  });

  it('lists the accepted audiences', () => {
    expect(doc['x-mde-audiences']).toEqual([
      'https://api.securitycenter.microsoft.com',
      'https://api.security.microsoft.com',
      'https://api.securitycenter.windows.com',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
    ]);
  });

  it('gives every server a unique x-region and a description', () => {
    const regions = doc.servers.map((server: Json) => server['x-region']);
    expect(new Set(regions).size).toBe(doc.servers.length);
    for (const server of doc.servers) {
      expect(server['x-region']).toMatch(/^[a-z-]+$/);
      expect(server.description).toBeTruthy();
      expect(server.url).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    }
    expect(doc.servers).toHaveLength(15);
  });
});
