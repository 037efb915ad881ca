/**
 * `npm run build:exe`: the standalone Linux x64 executable `dist/exe/mde-sim`, for teams without a Node
 * toolchain. Three steps, all with tools from npm:
 *   1. esbuild bundles exe/entry.ts and everything it imports into one CommonJS file (Node's single
 *      executable applications take a CommonJS main script that can `require` only Node's built-ins);
 *   2. the Node binary of the `node` npm package turns it into a preparation blob (`--experimental-sea-config`);
 *   3. postject injects the blob into a copy of that binary.
 * Pact (native, for `mde-sim verify`), express and msw stay out: the executable serves, it does not verify.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { OPTIONAL_PEERS } from '../scripts/bundle-bins.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Where the executable is written. */
export const executablePath: string = join(root, 'dist', 'exe', 'mde-sim');

/** The sentinel Node's single executable applications look for (Node's documented value). */
const seaFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Builds the executable; returns its path and size in bytes. */
export async function buildExecutable(): Promise<{ path: string; bytes: number }> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`build:exe makes a Linux x64 executable; this is ${process.platform} ${process.arch}`);
  }
  const out = dirname(executablePath);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bundle = join(out, 'mde-sim.cjs');
  await build({
    entryPoints: [join(root, 'exe', 'entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    external: [...OPTIONAL_PEERS],
    // CommonJS has no import.meta: the contract modules read it for their own folder and to run as scripts.
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl', 'import.meta.main': 'false' },
  });
  const node = realpathSync(join(dirname(require.resolve('node/package.json')), 'bin', 'node'));
  const blob = join(out, 'mde-sim.blob');
  const config = join(out, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }),
  );
  execFileSync(node, ['--experimental-sea-config', config], { stdio: 'pipe' });
  copyFileSync(node, executablePath);
  execFileSync(
    process.execPath,
    [
      require.resolve('postject/dist/cli.js'),
      executablePath,
      'NODE_SEA_BLOB',
      blob,
      '--sentinel-fuse',
      seaFuse,
    ],
    { stdio: 'pipe' },
  );
  for (const file of [bundle, blob, config]) rmSync(file);
  return { path: executablePath, bytes: statSync(executablePath).size };
}

if (import.meta.main) {
  const started = performance.now();
  const { path, bytes } = await buildExecutable();
  process.stdout.write(
    `wrote ${path} (${(bytes / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
