/**
 * Builds the browser page into a folder: main.ts bundled by esbuild for the browser, index.html, and MSW's
 * service worker script copied from the installed msw (so it always matches the library version; nothing
 * generated is committed). Bundling with `platform: 'browser'` is the check that the browser path needs no
 * Node API: an import of `node:*` anywhere under mock/msw or the core fails the build.
 *
 * Run by browser.test.ts; by hand: `node test/browser/build.ts test/browser/dist`, then serve that folder.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The esbuild options of the page: plain browser options, no `define`, `alias`, `external` or `inject`.
 * openapi-backend and its dependencies (ajv, lodash, js-yaml) bundle as they are, and the core dereferences the
 * spec synchronously (openapi-backend's quick mode), so json-schema-ref-parser's use of Node's `Buffer` never
 * runs: a user's bundler needs no Buffer shim either.
 */
export const browserBuildOptions: BuildOptions = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  logLevel: 'silent',
};

/** Builds the page into `outDir` (created if needed). Rejects with esbuild's errors when the bundle fails. */
export async function buildBrowserPage(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    ...browserBuildOptions,
    entryPoints: [join(here, 'main.ts')],
    outfile: join(outDir, 'main.js'),
  });
  await copyFile(join(here, 'index.html'), join(outDir, 'index.html'));
  await copyFile(
    fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')),
    join(outDir, 'mockServiceWorker.js'),
  );
}

if (import.meta.main) {
  const outDir = process.argv[2] ?? join(here, 'dist');
  await buildBrowserPage(outDir);
  console.log(`built ${outDir}`);
}
