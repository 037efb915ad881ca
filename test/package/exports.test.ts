/**
 * The package as users get it: `npm run build` output, with every `exports` entry resolving to a module
 * that loads under plain Node (no type stripping inside node_modules) and exports what the README shows.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
// Inside node_modules so the built files resolve their dependencies like an installed package does.
const out = join(root, 'node_modules', '.cache', 'mde-sim-build');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(out, 'dist'),
    ],
    { cwd: root },
  );
}, 60_000);

const built = (target: string) => join(out, target.replace(/^\.\//, ''));

describe('package exports', () => {
  const entries = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object') as [
    string,
    { types: string; default: string },
  ][];

  it.each(entries)(
    '%s builds to JavaScript with type declarations that load in Node',
    async (_name, target) => {
      expect(existsSync(built(target.types))).toBe(true);
      const loaded = (await import(pathToFileURL(built(target.default)).href)) as Record<string, unknown>;
      expect(Object.keys(loaded).length).toBeGreaterThan(0);
    },
  );

  it('exposes the simulator factory, the server and the client by name', async () => {
    const core = await import(pathToFileURL(built((pkg.exports['.'] as { default: string }).default)).href);
    expect(typeof core.createSimulator).toBe('function');
    const server = await import(
      pathToFileURL(built((pkg.exports['./server'] as { default: string }).default)).href
    );
    expect(typeof server.startServer).toBe('function');
    const client = await import(
      pathToFileURL(built((pkg.exports['./client'] as { default: string }).default)).href
    );
    expect(typeof client.DefenderClient).toBe('function');
  });

  it('builds both command-line programs', () => {
    for (const bin of Object.values(pkg.bin)) expect(existsSync(built(bin)), bin).toBe(true);
  });
});
