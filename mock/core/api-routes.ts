/**
 * @module
 * Routing and request validation, driven by the OpenAPI document through openapi-backend.
 * openapi-backend dereferences the document and compiles its ajv validators once at startup; the route
 * table (one compiled pattern per path template, with the spec's extensions) is built once from
 * openapi-backend's own operation list, so a request costs one pattern match, not a walk of the spec.
 */
import formatsModule from 'ajv-formats';
import { type Document, OpenAPIBackend } from 'openapi-backend';
import type { FilterCapabilities } from './odata-query.ts';
import type { RateLimitWindow } from './rate-limiter.ts';

/** `x-mde-permissions` of an operation (see the spec). */
export interface OperationPermissions {
  /** The token's `roles` must contain one of these (app tokens). */
  application: string[];
  /** The token's `scp` must contain one of these (delegated tokens). */
  delegated: string[];
  /** MDE portal role a delegated user needs. */
  userRole?: string;
  /** Whether a delegated user needs access to the machine's device group. */
  deviceGroupAccess?: boolean;
}

/** An operation of the spec with what the pipeline needs, resolved at startup. */
export interface ApiOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  permissions: OperationPermissions;
  rateLimits: RateLimitWindow[];
  /** Body fields `x-mde-required` names. */
  requiredBodyFields: string[];
  hasBody: boolean;
  /** `x-mde-odata-filter`: what `$filter` accepts (list operations). */
  filterCapabilities: FilterCapabilities;
}

/** A route lookup result. */
export type RouteMatch =
  | { kind: 'operation'; operation: ApiOperation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/** One validation problem of a request, in openapi-backend / ajv terms. */
export interface RequestProblem {
  /** `path`, `query`, `header` or `body`. */
  location: string;
  /** Parameter or body property involved, when known. */
  name: string | undefined;
  keyword: string;
  message: string;
}

interface CompiledRoute {
  pattern: RegExp;
  paramNames: string[];
  byMethod: Map<string, ApiOperation>;
}

/** Routes and validates requests against the spec. */
export interface ApiRouter {
  readonly operations: readonly ApiOperation[];
  match(method: string, path: string): RouteMatch;
  /** Validates parameters and the (already parsed) JSON body of a matched request. */
  validate(
    operation: ApiOperation,
    request: {
      params: Record<string, string>;
      query: string;
      headers: Readonly<Record<string, string | undefined>>;
      body: unknown;
    },
  ): RequestProblem[];
  /** openapi-backend instance, for response validation in tests. */
  readonly backend: OpenAPIBackend;
}

// Compiling the document's validators takes about a second; a router is immutable once built, so
// simulators created from the same document object share it (tests create many simulators).
const routers = new WeakMap<object, Promise<ApiRouter>>();

/** The router of an OpenAPI document, built once per document object. */
export function createApiRouter(definition: object): Promise<ApiRouter> {
  let router = routers.get(definition);
  if (!router) {
    router = buildApiRouter(definition);
    routers.set(definition, router);
    router.catch(() => routers.delete(definition));
  }
  return router;
}

async function buildApiRouter(definition: object): Promise<ApiRouter> {
  const backend = new OpenAPIBackend({
    // openapi-backend mutates while dereferencing: give it its own copy.
    definition: structuredClone(definition) as Document,
    // quick: dereference synchronously (dereference-json-schema) instead of through json-schema-ref-parser,
    // which needs Node's Buffer in a browser, and compile each operation's validators on first use.
    // openapi-backend's own document check (OpenAPI 3.0 meta-schema only) is skipped too; Redocly lints
    // our 3.1 document in the test suite (test/spec/lint.test.ts).
    quick: true,
    validate: true,
    strict: true,
    ajvOpts: { strict: false, allErrors: false },
    customizeAjv: (ajv) => {
      // CommonJS: under NodeNext the default import is `module.exports`, whose `default` is the plugin.
      formatsModule.default(ajv);
      return ajv;
    },
  });
  // The document is already an object: quick mode still starts json-schema-ref-parser's parse() on it in the
  // background, which only copies it, and in a browser fails on the missing Node `Buffer`. Skip that step.
  const document = backend.inputDocument as Document;
  backend.loadDocument = async () => {
    backend.document = document;
    return document;
  };
  await backend.init();
  const operations: ApiOperation[] = [];
  const routes = new Map<string, CompiledRoute>();
  for (const op of backend.router.getOperations()) {
    if (!op.operationId) continue;
    const raw = op as unknown as Record<string, unknown>;
    const body = raw.requestBody as
      | { content?: Record<string, { schema?: Record<string, unknown> }> }
      | undefined;
    const bodySchema = body?.content?.['application/json']?.schema;
    const operation: ApiOperation = {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      pathTemplate: op.path,
      permissions: (raw['x-mde-permissions'] as OperationPermissions | undefined) ?? {
        application: [],
        delegated: [],
      },
      rateLimits: (raw['x-mde-rate-limits'] as RateLimitWindow[] | undefined) ?? [],
      requiredBodyFields: ((bodySchema?.['x-mde-required'] as string[] | undefined) ?? []).map(internalize),
      hasBody: body !== undefined,
      filterCapabilities: (raw['x-mde-odata-filter'] as FilterCapabilities | undefined) ?? {
        logical: [],
        properties: {},
      },
    };
    operations.push(operation);
    let route = routes.get(op.path);
    if (!route) {
      const paramNames: string[] = [];
      const source = op.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const param = /^\{([^}]+)\}$/.exec(part);
          if (param) {
            paramNames.push(param[1]!);
            return '([^/]+)';
          }
          // A quote of `findbyip(ip='…')` may come percent-encoded.
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll("'", "(?:'|%27)");
        })
        .join('');
      route = { pattern: new RegExp(`^${source}/?$`, 'i'), paramNames, byMethod: new Map() };
      routes.set(op.path, route);
    }
    route.byMethod.set(operation.method, operation);
  }
  // Literal paths before templated ones, longest literal part first (as openapi-backend orders them).
  const ordered = [...routes.entries()]
    .sort(([a], [b]) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length)
    .map(([, route]) => route);

  return {
    operations,
    backend,
    match(method, path) {
      let allow: string[] | undefined;
      for (const route of ordered) {
        const found = route.pattern.exec(path);
        if (!found) continue;
        const operation = route.byMethod.get(method);
        if (!operation) {
          allow ??= [...route.byMethod.keys()];
          continue;
        }
        const params: Record<string, string> = {};
        route.paramNames.forEach((name, i) => {
          params[name] = safeDecode(found[i + 1] ?? '');
        });
        return { kind: 'operation', operation, params };
      }
      return allow ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
    },
    validate(operation, request) {
      // openapi-backend's compiled validators, fed directly: its validateRequest() re-parses the path and
      // query on every call (lodash, qs), which the benchmark showed as a large share of each request.
      const validators = backend.validator.getRequestValidatorsForOperation(operation.operationId) ?? [];
      const query: Record<string, string | string[]> = {};
      // Most calls (every action POST) have no query; a URLSearchParams costs ~1 µs in a server's profile.
      const pairs = request.query === '' ? [] : new URLSearchParams(request.query);
      for (const [name, value] of pairs) {
        const previous = query[name];
        query[name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
      }
      const parameters: Record<string, unknown> = {
        path: { ...request.params },
        query,
        header: request.headers,
      };
      if (operation.hasBody) parameters.requestBody = request.body;
      const problems: RequestProblem[] = [];
      for (const validate of validators) {
        if (validate(parameters)) continue;
        for (const error of validate.errors ?? []) {
          const [, location = 'body', name] = /^\/(\w+)(?:\/([^/]+))?/.exec(error.instancePath) ?? [];
          const { missingProperty: missing, additionalProperty: extra } =
            (error.params as { missingProperty?: string; additionalProperty?: string } | undefined) ?? {};
          const isBody = location === 'requestBody';
          problems.push({
            location: isBody ? 'body' : location,
            name: missing ?? extra ?? (isBody ? error.instancePath.split('/')[2] : name),
            keyword: error.keyword,
            message: error.message ?? 'invalid',
          });
        }
      }
      return problems;
    },
  };
}

/**
 * Strings from the dereferenced spec are structured clones, not internalized: used as keys on the hot path
 * (`body[field]`), they kept V8's optimized code deoptimizing ("unexpected name in keyed access", seen with
 * --trace-deopt in the benchmark). A property name round trip gives the internalized string.
 */
function internalize(name: string): string {
  return Object.keys({ [name]: true })[0]!;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
