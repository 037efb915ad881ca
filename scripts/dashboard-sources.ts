/**
 * @module
 * Builds `mock/core/dashboard-assets.gen.ts`, the live page (mock/dashboard/) as string constants the core
 * serves without reading a file (decision 010): the HTML and CSS as written, the script bundled from
 * `app.ts` by esbuild for the browser. The output depends only on the sources and the pinned esbuild, so the
 * freshness test (test/spec/generated-fresh.test.ts) can rebuild it and compare.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The generated module, as an absolute path and its expected text. */
export async function dashboardSource(repoRoot: string): Promise<{ path: string; text: string }> {
  const dir = join(repoRoot, 'mock', 'dashboard');
  const bundle = await build({
    entryPoints: [join(dir, 'app.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const assets = {
    html: readFileSync(join(dir, 'index.html'), 'utf8'),
    css: readFileSync(join(dir, 'app.css'), 'utf8'),
    js,
  };
  const text =
    '// generated, do not edit: the live page from mock/dashboard/ (app.ts bundled by esbuild).\n' +
    '// Run `npm run generate` after changing it.\n\n' +
    `export const dashboardAssets = ${JSON.stringify(assets, null, 2)} as const;\n`;
  return { path: join(repoRoot, 'mock', 'core', 'dashboard-assets.gen.ts'), text };
}
