/**
 * The spec comparison (bi-directional contract testing) catches, without running anything, the wrong
 * expectations the simulator run used to be the only one to catch: a wrong `type` for the operation, a
 * missing or empty `Comment`, an unsupported `$filter`; and it reads `/api/v1.0` paths as the simulator
 * routes them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithSpec, type SpecFinding } from '../spec-comparison.ts';

const machine = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
const bearer = { Authorization: ['Bearer example'], 'Content-Type': ['application/json'] };
const json = (content: unknown) => ({ content, contentType: 'application/json', encoded: false });

function interaction(description: string, request: object, status: number, body: unknown) {
  return {
    type: 'Synchronous/HTTP',
    description,
    request: { headers: bearer, ...request },
    response: { status, headers: { 'Content-Type': ['application/json'] }, body: json(body) },
  };
}

const pact = {
  consumer: { name: 'acme-soar' },
  provider: { name: 'defender-for-endpoint-api' },
  interactions: [
    interaction(
      'unrestrict answered with a restrict action',
      {
        method: 'POST',
        path: `/api/machines/${machine}/unrestrictCodeExecution`,
        body: json({ Comment: 'ok' }),
      },
      201,
      { type: 'RestrictCodeExecution', status: 'Pending' },
    ),
    interaction(
      'unrestrict without a Comment',
      {
        method: 'POST',
        path: `/api/machines/${machine}/unrestrictCodeExecution`,
        body: json({ comment: 'x' }),
      },
      201,
      { type: 'UnrestrictCodeExecution' },
    ),
    interaction(
      'restrict with an empty Comment',
      { method: 'POST', path: `/api/machines/${machine}/restrictCodeExecution`, body: json({ Comment: '' }) },
      201,
      { type: 'RestrictCodeExecution' },
    ),
    interaction(
      'actions filtered by computer name',
      { method: 'GET', path: '/api/machineactions', query: { $filter: ["computerDnsName eq 'ws-001'"] } },
      200,
      { value: [] },
    ),
    interaction(
      'actions of one machine through the v1.0 path',
      { method: 'GET', path: '/api/v1.0/machineactions', query: { $filter: [`machineId eq '${machine}'`] } },
      200,
      { value: [] },
    ),
    interaction(
      'a refused unrestrict without a Comment is not a request the spec must allow',
      { method: 'POST', path: `/api/machines/${machine}/unrestrictCodeExecution`, body: json({}) },
      400,
      { error: { code: 'MissingRequiredParameter' } },
    ),
  ],
  metadata: { pactSpecification: { version: '4.0' } },
};

describe('the OpenAPI comparison', () => {
  let dir: string;
  let findings: SpecFinding[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mde-sim-spec-'));
    const file = join(dir, 'acme.json');
    await writeFile(file, JSON.stringify(pact));
    findings = (await compareWithSpec([file])).filter((f) => f.type === 'error');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const about = (description: string) =>
    findings.filter((f) => f.interaction === description).map((f) => f.code);

  it('refuses a created action whose type is not the operation’s', () => {
    expect(about('unrestrict answered with a restrict action')).toEqual(['response.body.incompatible']);
  });

  it('refuses a success for a body without Comment, or with an empty one', () => {
    expect(about('unrestrict without a Comment')).toEqual(['request.body.incompatible']);
    expect(about('restrict with an empty Comment')).toEqual(['request.body.incompatible']);
  });

  it('refuses a $filter outside the grammar, and accepts one inside it on the v1.0 path', () => {
    expect(about('actions filtered by computer name')).toEqual(['request.query.incompatible']);
    expect(about('actions of one machine through the v1.0 path')).toEqual([]);
  });

  it('leaves the request of an expected 400 alone', () => {
    expect(about('a refused unrestrict without a Comment is not a request the spec must allow')).toEqual([]);
  });
});
