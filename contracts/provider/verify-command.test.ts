/**
 * `mde-sim verify`, run in-process through commander as the CLI will run it, on a team's own pacts
 * (contracts/fixtures/): one that passes, one naming an unknown state, one that contradicts the spec.
 */
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
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

describe('mde-sim verify', () => {
  it('verifies a pact whose states the catalogue knows and the spec allows', async () => {
    const { output, error } = await verify(fixture('acme-soar-passing'));
    expect(error).toBeUndefined();
    expect(output).toContain('VERIFIED acme removes the app restriction of a cleaned machine');
    expect(output).toContain('1 verified, 0 skipped, 0 failed');
    expect(output).toContain('every pact is compatible with the spec');
  });

  it('fails on an unknown provider state, listing the supported ones', async () => {
    const { output, error } = await verify(fixture('acme-soar-unknown-state'));
    expect(error).toBeInstanceOf(VerifyFailedError);
    expect(output).toContain('"machine 9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f is isolated"');
    expect(output).toContain('"machine {machineId} exists and is restricted"');
    expect(output).toContain('"the caller has exhausted its rate limit"');
  });

  it('reports a pact that contradicts the spec', async () => {
    const { output, error } = await verify(fixture('acme-soar-contradicts-spec'));
    expect(error).toBeInstanceOf(VerifyFailedError);
    expect((error as Error).message).toMatch(/1 finding\(s\) against the OpenAPI document/);
    expect(output).toMatch(
      /error response\.status\.unknown in "acme expects 409 Conflict for a duplicate unrestrict"/,
    );
    expect(output).toMatch(/FAILED\s+acme expects 409 Conflict/);
  });
});
