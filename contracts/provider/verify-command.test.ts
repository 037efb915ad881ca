/**
 * `mde-sim verify`, run as users run it (`node mock/server/cli.ts verify ...`, a subprocess whose output the
 * test reads, so pact's own report of an expected failure stays out of the test log), on a team's own
 * pacts (contracts/fixtures/): one that passes, one naming an unknown state, one that contradicts the spec.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `contracts/fixtures/${name}.json`;

function verify(...args: string[]): Promise<{ code: number; output: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['mock/server/cli.ts', 'verify', ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code), output: stdout, stderr }),
    );
  });
}

describe('mde-sim verify', () => {
  it('verifies a pact whose states the catalogue knows and the spec allows', async () => {
    const { code, output, stderr } = await verify(fixture('acme-soar-passing'));
    expect(code).toBe(0);
    expect(output).toContain('VERIFIED acme removes the app restriction of a cleaned machine');
    expect(output).toContain('1 verified, 0 skipped, 0 failed');
    expect(output).toContain('every pact is compatible with the spec');
    expect(stderr).not.toContain('DeprecationWarning');
  });

  it('fails on an unknown provider state, listing the supported ones', async () => {
    const { code, output, stderr } = await verify(fixture('acme-soar-unknown-state'));
    expect(code).toBe(1);
    expect(stderr).toContain('mde-sim: 1 provider state(s) the catalogue does not know');
    expect(output).toContain('"machine 9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f is isolated"');
    expect(output).toContain('"machine {machineId} exists and is restricted"');
    expect(output).toContain('"the caller has exhausted its rate limit"');
  });

  it('reports a pact that contradicts the spec', async () => {
    const { code, output, stderr } = await verify(fixture('acme-soar-contradicts-spec'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/1 finding\(s\) against the OpenAPI document/);
    expect(output).toMatch(
      /error response\.status\.unknown in "acme expects 409 Conflict for a duplicate unrestrict"/,
    );
    expect(output).toMatch(/FAILED\s+acme expects 409 Conflict/);
  });
});
