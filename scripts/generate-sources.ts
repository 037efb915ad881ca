/**
 * @module
 * Builds the two generated sources from the OpenAPI document without writing them, so that
 * `scripts/generate.ts` can write them and a test can compare them with what is committed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { parse } from 'yaml';

/** The repository root (this file lives in `scripts/`). */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The OpenAPI document every generated file derives from. */
export const specPath: string = join(repoRoot, 'openapi', 'defender-machine-actions.yaml');

const header = (what: string): string =>
  `// generated, do not edit: ${what} from openapi/defender-machine-actions.yaml.\n` +
  '// Run `npm run generate` after changing the YAML.\n';

/** Reads the YAML document as a plain JSON value. */
export function loadSpec(): OpenAPI3 {
  return parse(readFileSync(specPath, 'utf8')) as OpenAPI3;
}

/**
 * The generated files, as absolute paths with their expected text:
 * `openapi/types.gen.ts` (openapi-typescript) and `openapi/spec.gen.ts` (the document as a constant,
 * importable without `fs`, also in a browser).
 */
export async function generateSources(): Promise<{ path: string; text: string }[]> {
  const doc = loadSpec();
  // openapi-typescript takes its own copy: it annotates the object it is given.
  const ast = await openapiTS(structuredClone(doc), {
    alphabetize: false,
    exportType: false,
  });
  const types = `${header('TypeScript types')}\n${astToString(ast)}`;
  const spec =
    `${header('the parsed OpenAPI document')}\n` +
    `export const spec = ${JSON.stringify(doc, null, 2)} as const;\n`;
  return [
    { path: join(repoRoot, 'openapi', 'types.gen.ts'), text: types },
    { path: join(repoRoot, 'openapi', 'spec.gen.ts'), text: spec },
  ];
}
