/**
 * @module
 * Part of `npm run build` (after tsc): the two programs behind the bins, `dist/mock/server/main.js`
 * (`mde-sim`) and `dist/client/main.js` (`mde`), each bundled with esbuild with their dependencies,
 * replacing tsc's output of those two modules; what a program reaches only through `import()` goes to a
 * `chunks/` folder beside it. Loading one file instead of ~400 modules is most of the way from about a
 * second to under 300 ms from start to the ready line (bench/run.ts); Node's compile cache (turned on by
 * the bins' guards) does the rest.
 *
 * Left out of the bundles, loaded from `dist/` or the user's node_modules only when a command needs them:
 * the optional peers (Pact's native verifier, the spec comparator, express, msw), and every contract-kit
 * module the programs reach through a dynamic `import()` (verification, comparison, the verifier worker,
 * which finds its files beside itself). The executable (exe/build.ts) bundles with the same externals.
 */
import { rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Optional peer dependencies: never bundled, imported from the user's project when a command needs them. */
export const OPTIONAL_PEERS: readonly string[] = [
  '@pact-foundation/pact',
  '@pactflow/openapi-pact-comparator',
  'express',
  'msw',
];

/** The programs bundled, by source entry. */
const PROGRAMS = ['mock/server/main.ts', 'client/main.ts'];

/**
 * A contract-kit module reached by a dynamic import stays a separate file: the import is rewritten to its
 * tsc output in dist/, relative to the bundle that imports it.
 */
function lazyContractModules(outfile: string): Plugin {
  return {
    name: 'lazy-contract-modules',
    setup(builder) {
      builder.onResolve({ filter: /\.ts$/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const source = join(args.resolveDir, args.path);
        if (!source.startsWith(join(root, 'contracts') + sep)) return undefined;
        const compiled = join(root, 'dist', relative(root, source)).replace(/\.ts$/, '.js');
        let path = relative(dirname(outfile), compiled).split(sep).join('/');
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

/**
 * Node's built-in modules are loaded with `require()`, not `import`: an ESM import of a built-in builds a
 * facade that reads every export, and `node:http`'s lazy exports then load Node's own fetch (its internal
 * undici), 8 MiB resident at the ready line for a server that never calls it (bench/run.ts, start-up row).
 * Each import of a built-in resolves to a one-line CommonJS shim around the banner's `require`.
 */
function builtinsByRequire(): Plugin {
  const namespace = 'builtin-by-require';
  return {
    name: namespace,
    setup(builder) {
      builder.onResolve({ filter: /^[a-z0-9_:/]+$/ }, (args) => {
        if (args.kind !== 'import-statement' || !isBuiltin(args.path)) return undefined;
        return { path: args.path, namespace };
      });
      builder.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

/** Bundles the programs over tsc's output of them (run after `tsc -p tsconfig.build.json`). */
export async function bundlePrograms(): Promise<string[]> {
  const written: string[] = [];
  for (const entry of PROGRAMS) {
    const outfile = join(root, 'dist', entry.replace(/\.ts$/, '.js'));
    const outdir = dirname(outfile);
    rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
    await build({
      entryPoints: [join(root, entry)],
      outdir,
      // What a program reaches only through import() (TLS generation, the HTTP client of `pact record`,
      // Pact's commands) goes to chunks/ beside it and is read when used: `serve` parses half as much.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      logLevel: 'error',
      legalComments: 'none',
      external: [...OPTIONAL_PEERS],
      plugins: [lazyContractModules(outfile), builtinsByRequire()],
      // The bundled CommonJS dependencies call require(); ESM has none of its own.
      banner: {
        js: "import { createRequire as __mdeSimRequire } from 'node:module';\nconst require = __mdeSimRequire(import.meta.url);",
      },
    });
    rmSync(`${outfile}.map`, { force: true }); // tsc's map no longer matches the file
    written.push(relative(root, outfile));
  }
  return written;
}

if (import.meta.main) {
  for (const file of await bundlePrograms()) process.stdout.write(`bundled ${file}\n`);
}
