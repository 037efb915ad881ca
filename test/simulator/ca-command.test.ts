/**
 * `mde-sim ca` and `mde-sim serve --help` as a newcomer reads them: the CA's absolute path, its PEM and the
 * trust lines; the defaults in the help; an unknown option named with the closest valid one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function mdeSim(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'mock/server/cli.ts'), ...args],
      { cwd, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

describe('mde-sim ca', () => {
  const work = mkdtempSync(join(tmpdir(), 'mde-sim-ca-'));

  it('prints the absolute path of the CA, its PEM and how to trust it from Node, Python, curl and the OS', async () => {
    const run = await mdeSim(['ca'], work);
    expect(run.code, run.stderr).toBe(0);
    const path = join(work, '.mde-sim', 'tls', 'ca.crt');
    expect(run.stdout).toContain(`CA certificate: ${path}\n`);
    expect(run.stdout).toContain(readFileSync(path, 'utf8').trim());
    expect(run.stdout).toContain(`export NODE_EXTRA_CA_CERTS=${path}`);
    expect(run.stdout).toContain(`export REQUESTS_CA_BUNDLE=${path} SSL_CERT_FILE=${path}`);
    expect(run.stdout).toContain(`curl --cacert ${path}`);
    expect(run.stdout).toContain('update-ca-certificates');
    expect(run.stdout).toContain('Cert:\\LocalMachine\\Root');
  });

  it('--path prints the absolute path alone, for scripts', async () => {
    const run = await mdeSim(['ca', '--path', '--state-dir', 'elsewhere'], work);
    expect(run.stdout).toBe(`${join(work, 'elsewhere', 'tls', 'ca.crt')}\n`);
    expect(isAbsolute(run.stdout.trim())).toBe(true);
  });
});

describe('mde-sim serve --help', () => {
  it('shows the defaults and examples with the real ports', async () => {
    const run = await mdeSim(['serve', '--help']);
    expect(run.stdout).toMatch(/--port <port> +HTTP port, 0 = a free one \(default: 5080\)/);
    expect(run.stdout).toMatch(/\(default: 5443\)/);
    expect(run.stdout).toMatch(/\(default: running\)/);
    expect(run.stdout).toContain('https://127.0.0.1:5443');
  });

  it('names an unknown option and the closest valid one', async () => {
    const run = await mdeSim(['serve', '--prot', '0']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("error: unknown option '--prot'");
    expect(run.stderr).toContain('(Did you mean --port?)');
  });
});
