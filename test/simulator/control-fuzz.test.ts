/**
 * Fuzz of the control API: valid requests with fields renamed, retyped, dropped, added, nested or pushed
 * out of bounds, random paths and query strings. Whatever arrives, the answer is a JSON control answer
 * below 500 and the simulator still serves the MDE API afterwards.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../mock/core/demo-tenant.ts';
import { createSimulator, type Simulator } from '../../mock/core/simulator.ts';

const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const T = DEMO_TENANT_ID;

/** One legitimate request per control route, the seeds the fuzz mutates. */
const VALID: { method: string; path: string; body?: unknown; query?: string }[] = [
  { method: 'GET', path: '/_sim/tenants' },
  {
    method: 'POST',
    path: '/_sim/tenants',
    body: {
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      domain: 'fabrikam.onmicrosoft.com',
      displayName: 'Fabrikam',
      apps: [
        { clientId: '11112222-3333-4444-8555-666677778888', displayName: 'Fab', roles: ['Machine.Read.All'] },
      ],
      users: [],
      machines: [
        {
          id: 'a'.repeat(40),
          computerDnsName: 'fab-01',
          osBuild: 1,
          machineTags: ['x'],
          sim: { online: false },
        },
      ],
    },
  },
  { method: 'GET', path: `/_sim/tenants/${T}` },
  { method: 'POST', path: `/_sim/tenants/${T}/reset` },
  {
    method: 'POST',
    path: `/_sim/tenants/${T}/machines`,
    body: { id: 'b'.repeat(40), computerDnsName: 'b-01' },
  },
  {
    method: 'PATCH',
    path: `/_sim/tenants/${T}/machines/${MACHINE}`,
    body: { online: false, pickupDelayMs: 10 },
  },
  { method: 'GET', path: `/_sim/tenants/${T}/actions` },
  { method: 'GET', path: `/_sim/tenants/${T}/rate-limits` },
  {
    method: 'PUT',
    path: `/_sim/tenants/${T}/rate-limits`,
    body: { enabled: true, limits: { getMachine: [{ limit: 5000000, windowSeconds: 60 }] } },
  },
  { method: 'GET', path: '/_sim/clock' },
  {
    method: 'POST',
    path: '/_sim/clock',
    body: { mode: 'frozen', set: '2026-12-01T00:00:00Z', advanceMs: 86_400_000 },
  },
  { method: 'GET', path: '/_sim/journal', query: 'limit=5&tenantId=x' },
  { method: 'GET', path: '/_sim/faults' },
  {
    method: 'POST',
    path: '/_sim/faults',
    body: {
      match: { operationId: 'getMachine' },
      effect: { kind: 'latency', minMs: 1, maxMs: 5 },
      probability: 0.5,
    },
  },
  { method: 'DELETE', path: '/_sim/faults' },
  { method: 'DELETE', path: '/_sim/faults/fault-1' },
  { method: 'GET', path: '/_sim/retries', query: 'tenantId=x' },
  {
    method: 'POST',
    path: '/_sim/tokens',
    body: { tenantId: T, lifetimeSeconds: 600, claims: { roles: 'x' } },
  },
  { method: 'POST', path: '/_sim/keys/rotate' },
];

const anyJson = fc.jsonValue({ maxDepth: 3 });
const oddNumber = fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.5, Number.MAX_SAFE_INTEGER, 1e-300);
const oddString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('%', '%E0%A4%A', '../..', '\u0000', 'x'.repeat(5000)),
);

/** Changes one thing in a JSON value, somewhere. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  const replacements = fc.oneof(anyJson, oddNumber, oddString, fc.constant(undefined));
  if (Array.isArray(value)) {
    return fc.oneof(
      replacements,
      value.length === 0
        ? replacements
        : fc
            .integer({ min: 0, max: value.length - 1 })
            .chain((i) => mutate(value[i]).map((item) => value.map((v, j) => (j === i ? item : v)))),
    );
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    return fc.oneof(
      replacements,
      // rename a key by one character (a typo), add an unknown key, or change one value
      keys.length === 0
        ? replacements
        : fc.tuple(fc.constantFrom(...keys), fc.string({ minLength: 1, maxLength: 2 })).map(([key, typo]) => {
            const { [key]: moved, ...rest } = value as Record<string, unknown>;
            return { ...rest, [key.slice(0, -1) + typo]: moved };
          }),
      fc.tuple(fc.string({ maxLength: 10 }), anyJson).map(([key, extra]) => ({ ...value, [key]: extra })),
      keys.length === 0
        ? replacements
        : fc.constantFrom(...keys).chain((key) =>
            mutate((value as Record<string, unknown>)[key]).map((changed) => ({
              ...value,
              [key]: changed,
            })),
          ),
    );
  }
  return replacements;
}

const fuzzedRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...VALID)
      .chain((seed) => mutate(seed.body ?? {}).map((body) => ({ ...seed, body }))),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
      path: fc.oneof(
        fc.constantFrom(...VALID.map((v) => v.path)),
        oddString.map((s) => `/_sim/${s}`),
        fc
          .constantFrom(...VALID.map((v) => v.path))
          .chain((p) => oddString.map((s) => `${p}/${encodeURIComponent(s)}`)),
      ),
      body: anyJson,
      query: fc.oneof(
        fc.constant(''),
        oddString,
        fc.constantFrom('limit=0', 'limit=999999999', 'limit=1&limit=2', 'tenantId=%'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...VALID)
      .chain((seed) =>
        fc
          .oneof(fc.constant('{'), fc.constant('[]'), fc.constant('null'), oddString)
          .map((raw) => ({ ...seed, raw })),
      ),
  },
);

let sim: Simulator;
beforeAll(async () => {
  sim = await createSimulator({ clock: { mode: 'frozen', startAt: '2026-11-29T10:00:00Z' }, seed: 'fuzz' });
});

it('never answers a control request with a 500 or a non-JSON body, and stays usable (fuzz)', async () => {
  await fc.assert(
    fc.asyncProperty(fuzzedRequest, async (input) => {
      const request = input as { method: string; path: string; body?: unknown; query?: string; raw?: string };
      const body = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
      const response = await sim.handle({
        method: request.method,
        origin: 'http://127.0.0.1:5080',
        path: request.path,
        query: request.query ?? '',
        headers: {
          host: '127.0.0.1:5080',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
      });
      expect(response.status, `${request.method} ${request.path} ${body} → ${response.body}`).toBeLessThan(
        500,
      );
      const parsed = JSON.parse(response.body) as { error?: { code: string; message: string } };
      if (response.status >= 400) expect(typeof parsed.error?.message).toBe('string');
    }),
    { numRuns: 600, seed: 1201 },
  );
  // Afterwards the simulator still answers its API and its control surface.
  sim.control.reset();
  sim.control.setClock('2026-11-29T10:00:00Z');
  const token = await sim.control.mintToken({ tenantId: T });
  const created = await sim.handle({
    method: 'POST',
    origin: 'https://api.security.microsoft.com',
    path: `/api/machines/${MACHINE}/unrestrictCodeExecution`,
    query: '',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{"Comment":"after the fuzz"}',
  });
  expect(created.status).toBe(201);
  expect(sim.control.journal().length).toBeGreaterThan(0);
});
