/**
 * `mde-sim verify`, run in-process through commander as the CLI will run it, on a team's own pacts
 * (contracts/fixtures/): one that passes, one naming an unknown state, one that contradicts the spec, and
 * a set built to catch wrong verdicts (no token, Basic credentials, the /api/v1.0 alias, a pending
 * failure, a message interaction, an unknown state beside good interactions, another provider).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerVerifyCommand, VerifyFailedError } from '../verify-command.ts';

const fixture = (name: string) => `contracts/fixtures/${name}.json`;

async function verify(...args: string[]): Promise<{ output: string; error: unknown }> {
  const out = new PassThrough();
  let output = '';
  out.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const program = registerVerifyCommand(new Command('mde-sim').exitOverride(), { out });
  const error = await program.parseAsync(['verify', ...args], { from: 'user' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { output, error };
}

/** The report line of an interaction. */
function line(output: string, description: string): string {
  return (
    output
      .split('\n')
      .find((l) => l.includes(` ${description}`))
      ?.trim() ?? `(no line for ${description})`
  );
}

/** The indented mismatch lines under an interaction's line. */
function mismatchesUnder(output: string, description: string): string[] {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.includes(` ${description}`));
  const under: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('      ')) break;
    under.push(l.trim());
  }
  return under;
}

describe('mde-sim verify', () => {
  it('verifies a pact whose states the catalogue knows and the spec allows', async () => {
    const { output, error } = await verify(fixture('acme-soar-passing'));
    expect(error).toBeUndefined();
    expect(output).toContain('VERIFIED acme removes the app restriction of a cleaned machine');
    expect(output).toContain('1 verified, 0 skipped, 0 failed');
    expect(output).toContain('every pact is compatible with the spec');
    // pact's own report (its "Verifying a pact between…" block) only comes with --verbose
    expect(output).not.toContain('Verifying a pact between');
    expect(output.split('\n').length).toBeLessThan(12);
  });

  it('fails on an unknown provider state, listing the supported ones', async () => {
    const { output, error } = await verify(fixture('acme-soar-unknown-state'));
    expect(error).toBeInstanceOf(VerifyFailedError);
    expect(output).toContain('"machine 9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f is isolated"');
    expect(output).toContain('"machine {machineId} exists and is restricted"');
    expect(output).toContain('"the caller has exhausted its rate limit"');
  });

  it('reports a pact that contradicts the spec, mismatches in plain words the right way round', async () => {
    const { output, error } = await verify(fixture('acme-soar-contradicts-spec'));
    expect(error).toBeInstanceOf(VerifyFailedError);
    expect((error as Error).message).toMatch(/1 finding\(s\) against the OpenAPI document/);
    expect(output).toMatch(
      /error response\.status\.unknown in "acme expects 409 Conflict for a duplicate unrestrict"/,
    );
    expect(output).toMatch(/FAILED\s+acme expects 409 Conflict/);
    expect(mismatchesUnder(output, 'acme expects 409 Conflict for a duplicate unrestrict')).toEqual([
      'status: expected 409, got 400',
      'body $.error.code: expected "Conflict", got "ActiveRequestAlreadyExists"',
    ]);
  });

  describe('on pacts built to catch wrong verdicts', () => {
    let dir: string;
    let run: { output: string; error: unknown };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mde-sim-verify-reports-'));
      run = await verify(
        'contracts/fixtures/verdicts',
        '--junit',
        join(dir, 'junit.xml'),
        '--json',
        join(dir, 'report.json'),
      );
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('sends a request recorded without a Bearer token as recorded, so it meets the 401', () => {
      expect(line(run.output, 'acme unrestricts without a token')).toMatch(/^FAILED /);
      expect(mismatchesUnder(run.output, 'acme unrestricts without a token')[0]).toBe(
        'status: expected 201, got 401',
      );
      expect(line(run.output, 'acme unrestricts with Basic credentials')).toMatch(/^FAILED /);
      expect(run.output).toMatch(/request\.authorization\.missing in "acme unrestricts without a token"/);
      expect(run.output).toMatch(
        /request\.authorization\.missing in "acme unrestricts with Basic credentials"/,
      );
    });

    it('compares /api/v1.0 paths with the spec as the simulator routes them, and pins @odata.context to the public origin', () => {
      expect(line(run.output, 'acme unrestricts through the v1.0 path and pins @odata.context')).toMatch(
        /^VERIFIED /,
      );
      expect(run.output).not.toContain('path-or-method.unknown');
    });

    it('prints a failing pending interaction as FAILED (pending) without failing on it', () => {
      expect(line(run.output, 'acme expects a status the service never writes (pending)')).toMatch(
        /^FAILED \(pending\) /,
      );
      expect(mismatchesUnder(run.output, 'acme expects a status the service never writes (pending)')).toEqual(
        ['body $.status: expected "Queued", got "Pending"'],
      );
      expect(run.output).toContain('1 failed but pending (not failing the run)');
      expect(run.output).toMatch(
        /warnings \(not failing the run\):\n {2}warning response\.body\.incompatible in "acme expects a status the service never writes \(pending\)"/,
      );
    });

    it('gives message interactions and pacts for another provider a line saying why', () => {
      expect(line(run.output, 'acme hears that an action finished')).toMatch(
        /^SKIPPED\s+acme hears that an action finished — a message interaction/,
      );
      expect(line(run.output, 'acme unrestricts on another provider')).toMatch(
        /^FAILED .*the pact is for provider "graph-security-api", not "defender-for-endpoint-api" \(pass --provider/,
      );
    });

    it('fails an interaction naming an unknown state, and only that one', () => {
      expect(line(run.output, 'acme isolates a machine')).toMatch(/^FAILED .*unknown provider state/);
      expect(run.output).toContain('The simulator supports these states');
      expect(run.error).toBeInstanceOf(VerifyFailedError);
      expect((run.error as Error).message).toMatch(
        /^4 interaction\(s\) failed against the simulator, 2 finding/,
      );
      expect(run.output).toContain('1 verified, 1 skipped, 4 failed, 1 failed but pending');
    });

    it('writes no ANSI codes when the output is not a terminal', () => {
      expect(run.output).not.toContain('\u001b[');
    });

    it('writes a JUnit report with one testcase per interaction, failures and skips marked', async () => {
      const xml = await readFile(join(dir, 'junit.xml'), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (name) => ['testsuite', 'testcase'].includes(name),
      }).parse(xml);
      const suites = parsed.testsuites.testsuite as { name: string; testcase: Record<string, unknown>[] }[];
      const cases = suites.filter((s) => s.name !== 'OpenAPI comparison').flatMap((s) => s.testcase);
      expect(cases).toHaveLength(7);
      const byName = new Map(cases.map((c) => [c.name as string, c]));
      expect(byName.get('acme unrestricts without a token')?.failure).toMatchObject({
        '#text': expect.stringContaining('status: expected 201, got 401'),
      });
      expect(byName.get('acme hears that an action finished')?.skipped).toMatchObject({
        message: expect.stringContaining('a message interaction'),
      });
      expect(
        byName.get('acme unrestricts through the v1.0 path and pins @odata.context')?.failure,
      ).toBeUndefined();
      expect(byName.get('acme expects a status the service never writes (pending)')?.failure).toBeUndefined();
      expect(parsed.testsuites.failures).toBe('5');
    });

    it('writes the same verdicts as JSON', async () => {
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as {
        summary: Record<string, number>;
        interactions: { description: string; verdict: string; mismatches?: unknown[] }[];
      };
      expect(report.summary).toEqual({ verified: 1, failed: 4, pendingFailed: 1, skipped: 1 });
      expect(
        report.interactions.find((i) => i.description === 'acme unrestricts without a token'),
      ).toMatchObject({
        verdict: 'FAILED',
        mismatches: [{ where: 'status', expected: '201', actual: '401' }, expect.anything()],
      });
    });
  });

  it("verifies a pact for another provider when --provider names it, with pact's report under --verbose", async () => {
    const { output, error } = await verify(
      'contracts/fixtures/verdicts/acme-soar-graph-security-api.json',
      '--provider',
      'graph-security-api',
      '--verbose',
    );
    expect(error).toBeUndefined();
    const [pactsOwnReport = '', report = ''] = output.split('Verification against the simulator');
    expect(pactsOwnReport).toContain('Verifying a pact between');
    expect(line(report, 'acme unrestricts on another provider')).toMatch(/^VERIFIED /);
  });
});
