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
import { dashboardSource } from './dashboard-sources.ts';

/** The repository root (this file lives in `scripts/`). */
export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The OpenAPI document every generated file derives from. */
export const specPath: string = join(repoRoot, 'openapi', 'defender-machine-actions.yaml');

/** The control API's own document (`/_sim`). */
export const controlSpecPath: string = join(repoRoot, 'openapi', 'mde-sim-control.yaml');

const header = (what: string, from = 'openapi/defender-machine-actions.yaml'): string =>
  `// generated, do not edit: ${what} from ${from}.\n` +
  '// Run `npm run generate` after changing the YAML.\n';

type JsonObject = Record<string, unknown>;

/**
 * The control document with `x-properties-from` resolved: a schema naming another document's schema gets
 * that schema's properties (its own declarations win, `@odata.context` is left out: it is wire-only), and
 * every schema those properties reference is copied beside it. So `MachineSeed` accepts exactly the
 * properties of the API's `Machine`, and a new Machine property is seedable without a second edit.
 */
export function loadControlSpec(): OpenAPI3 {
  const control = parse(readFileSync(controlSpecPath, 'utf8')) as JsonObject;
  const main = loadSpec() as unknown as JsonObject;
  const schemasOf = (doc: JsonObject) => (doc.components as { schemas: Record<string, JsonObject> }).schemas;
  const controlSchemas = schemasOf(control);
  const mainSchemas = schemasOf(main);
  const copyReferenced = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) copyReferenced(item);
      return;
    }
    const ref = (value as JsonObject).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (!(name in controlSchemas)) {
        const schema = mainSchemas[name];
        if (!schema) throw new Error(`x-properties-from: ${ref} is not in ${specPath}`);
        controlSchemas[name] = structuredClone(schema);
        copyReferenced(schema);
      } else if (JSON.stringify(controlSchemas[name]) !== JSON.stringify(mainSchemas[name])) {
        throw new Error(`x-properties-from: schema ${name} exists in both documents with different content`);
      }
    }
    for (const child of Object.values(value)) copyReferenced(child);
  };
  for (const schema of Object.values(controlSchemas)) {
    const from = schema['x-properties-from'];
    if (typeof from !== 'string') continue;
    const name = /^defender-machine-actions\.yaml#\/components\/schemas\/(\w+)$/.exec(from)?.[1];
    const source = name === undefined ? undefined : mainSchemas[name];
    if (!source) throw new Error(`x-properties-from: cannot resolve ${from}`);
    const { '@odata.context': _wireOnly, ...inherited } = source.properties as JsonObject;
    copyReferenced(inherited);
    // An own declaration narrows the inherited one; an empty one (`{}`) only names it (e.g. for `required`).
    const own = Object.entries((schema.properties ?? {}) as JsonObject).filter(
      ([, value]) => Object.keys(value as JsonObject).length > 0,
    );
    schema.properties = { ...structuredClone(inherited), ...Object.fromEntries(own) };
  }
  return control as unknown as OpenAPI3;
}

/** Reads the YAML document as a plain JSON value. */
export function loadSpec(): OpenAPI3 {
  return parse(readFileSync(specPath, 'utf8')) as OpenAPI3;
}

/**
 * The generated files, as absolute paths with their expected text:
 * `openapi/types.gen.ts` (openapi-typescript) and `openapi/spec.gen.ts` (the document as a constant,
 * importable without `fs`, also in a browser), the control document's pair, and the live page's assets.
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
  const control = loadControlSpec();
  const controlAst = await openapiTS(structuredClone(control), { alphabetize: false, exportType: false });
  const controlFrom = 'openapi/mde-sim-control.yaml';
  const controlTypes = `${header('TypeScript types', controlFrom)}\n${astToString(controlAst)}`;
  const controlSpec =
    `${header('the parsed control-API document (x-properties-from resolved)', controlFrom)}\n` +
    `export const controlSpec = ${JSON.stringify(control, null, 2)} as const;\n`;
  return [
    { path: join(repoRoot, 'openapi', 'types.gen.ts'), text: types },
    { path: join(repoRoot, 'openapi', 'spec.gen.ts'), text: spec },
    { path: join(repoRoot, 'openapi', 'control-types.gen.ts'), text: controlTypes },
    { path: join(repoRoot, 'openapi', 'control-spec.gen.ts'), text: controlSpec },
    await dashboardSource(repoRoot),
  ];
}
