/**
 * @module
 * Test helpers shared by the spec tests: load the YAML, resolve local `$ref`s, and compile schemas of the
 * document with ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';

import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { repoRoot, specPath } from '../../scripts/generate-sources.ts';

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document is walked generically.
export type Json = any;

/** The OpenAPI document as written in YAML (the source of truth, not the generated copy). */
export function loadYamlSpec(): Json {
  return parse(readFileSync(specPath, 'utf8'));
}

/** The recorded payloads the spec cites as "payload NN" (copied from the project's evidence). */
export const payloadsDir: string = resolve(repoRoot, 'docs', 'evidence', 'payloads');

/** A recorded payload, parsed. */
export function readPayload(name: string): Json {
  return JSON.parse(readFileSync(join(payloadsDir, name), 'utf8'));
}

/** Follows a local `$ref` (`#/a/b/c`) until the object is not a reference. */
export function deref(doc: Json, node: Json): Json {
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((at: Json, key) => at?.[key], doc);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current;
}

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the plugin.
const addFormats = formatsModule.default;

const SPEC_ID = 'https://mde-sim.local/openapi/defender-machine-actions.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the document with its path and method. */
export function operationsOf(doc: Json): { path: string; method: string; op: Json; pathItem: Json }[] {
  const out: { path: string; method: string; op: Json; pathItem: Json }[] = [];
  for (const [path, pathItem] of Object.entries<Json>(doc.paths)) {
    for (const method of HTTP_METHODS) {
      if (pathItem[method]) out.push({ path, method, op: pathItem[method], pathItem });
    }
  }
  return out;
}

/** Rewrites `#/components/schemas/X` to a `$defs` reference of the registered schema. */
function rewriteRefs(node: Json, prefix: string): Json {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, prefix));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries<Json>(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? `${prefix}${value.slice('#/components/schemas/'.length)}`
        : rewriteRefs(value, prefix);
  }
  return out;
}

function collectExtensionKeys(node: Json, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeys(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries<Json>(node)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensionKeys(value, into);
    }
  }
  return into;
}

/**
 * A strict ajv (2020-12 + formats) knowing the document's component schemas; `x-*` extensions are
 * declared as annotation keywords so that strict mode still catches a misspelt JSON Schema keyword.
 */
export function createSchemaCompiler(doc: Json): (schema: Json) => ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of collectExtensionKeys(doc.components.schemas, new Set())) ajv.addKeyword(keyword);
  ajv.addSchema({ $id: SPEC_ID, $defs: rewriteRefs(doc.components.schemas, '#/$defs/') });
  const cache = new Map<string, ValidateFunction>();
  return (schema) => {
    const rewritten = rewriteRefs(schema, `${SPEC_ID}#/$defs/`);
    const key = JSON.stringify(rewritten);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(rewritten);
      cache.set(key, validate);
    }
    return validate;
  };
}

/** ajv errors as one readable line each. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
    .join('\n');
}
