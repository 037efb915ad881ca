/**
 * @module
 * A Pact V4 file from recorded traffic: what a consumer's code actually sent to the simulator during its own
 * tests, and what it was answered, as interactions a provider verification (and the live service) can
 * replay. Each interaction gets the provider states the simulator's state at the call implies (the machine
 * existed, an unrestrict was pending, the token was refused...), matchers where values cannot repeat (ids,
 * timestamps, tokens, `@odata.context`'s host), and exact expectations where they must (error codes, the
 * type and status of a created action). Calls whose state no catalogue state can reproduce, or whose answer
 * an injected fault made, are left out with the reason. Identical calls (a poll repeated fifty times) make
 * one interaction.
 */
import type { JournalEntry } from './journal.ts';
import { type ProviderStateKey, providerStateNames } from './provider-state-names.ts';
import type { StateFacts } from './traffic-recorder.ts';

/** Options of {@link pactFromTraffic}. */
export interface PactFromTrafficOptions {
  /** The consumer's name in the pact. */
  consumer: string;
  /** The provider's name. @default 'defender-for-endpoint-api' */
  provider?: string;
}

/** A recorded call left out of the pact, and why. */
export interface SkippedCall {
  seq: number;
  request: string;
  reason: string;
}

/** A pact state as written. */
interface PactState {
  name: string;
  params?: Record<string, string>;
}

type MatchingRules = Record<string, { combine: 'AND'; matchers: Record<string, unknown>[] }>;

/** A V4 HTTP interaction as written. */
export interface RecordedInteraction {
  type: 'Synchronous/HTTP';
  key: string;
  description: string;
  pending: false;
  providerStates: PactState[];
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** The pact and what was left out. */
export interface RecordedPact {
  pact: {
    consumer: { name: string };
    provider: { name: string };
    interactions: RecordedInteraction[];
    metadata: Record<string, unknown>;
  };
  skipped: SkippedCall[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEVICE_ID = /^[0-9a-f]{40}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const CORRELATION_TARGET = /^\|[0-9a-f]{8}-[0-9a-f]{16}\.$/;
/** Pact's provider-state expression for the injected action id (a pact expression, not a JS template). */
const ACTION_ID_EXPRESSION = ['$', '{actionId}'].join('');
/** A token-shaped placeholder: the recording never holds the real one. */
const EXAMPLE_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJyZWNvcmRlZCI6dHJ1ZX0.c2lnbmF0dXJl';
const ACTION_OPERATIONS = new Set([
  'unrestrictCodeExecution',
  'restrictCodeExecution',
  'cancelMachineAction',
]);
/** Fields of a machine action that change as it lives (cancellation) or are null until they do. */
const VOLATILE_ACTION_FIELDS = ['cancellationRequestor', 'cancellationComment', 'cancellationDateTimeUtc'];

function state(key: ProviderStateKey, params?: Record<string, string>): PactState {
  return params === undefined ? { name: providerStateNames[key] } : { name: providerStateNames[key], params };
}

function rule(...matchers: Record<string, unknown>[]) {
  return { combine: 'AND' as const, matchers };
}

/** `$.a.b` or `$['@odata.context']`, as pact's JSON paths spell keys. */
function childPath(parent: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${parent}.${key}` : `${parent}['${key}']`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matchers for values that cannot repeat: ids, timestamps, correlation targets, hosts. */
function bodyRules(value: unknown, path: string, rules: MatchingRules): void {
  if (Array.isArray(value)) {
    rules[path] = rule({ match: 'type', min: 0 });
    if (value.length > 0) bodyRules(value[0], `${path}[*]`, rules);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, field] of Object.entries(value)) bodyRules(field, childPath(path, key), rules);
    return;
  }
  if (typeof value !== 'string') return;
  const odata = /^https?:\/\/[^/]+(\/api\/.*)$/.exec(value);
  if (odata !== undefined && odata !== null)
    rules[path] = rule({ match: 'regex', regex: `^https?://[^/]+${escapeRegex(odata[1]!)}$` });
  else if (GUID.test(value)) rules[path] = rule({ match: 'regex', regex: GUID.source });
  else if (TIMESTAMP.test(value)) rules[path] = rule({ match: 'regex', regex: TIMESTAMP.source });
  else if (CORRELATION_TARGET.test(value))
    rules[path] = rule({ match: 'regex', regex: CORRELATION_TARGET.source });
}

/** The host examples are written with, whatever host served the recording (a matcher accepts any). */
const DOCUMENTED_ORIGIN = 'https://api.security.microsoft.com';

/**
 * Drops nulls (an absent key asserts nothing) and the fields a later call may find changed, and writes
 * host-bearing values (`@odata.context`) with the documented host, as the service does.
 */
function stableBody(value: unknown, operation: string): unknown {
  const strip = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => strip(item, depth + 1));
    if (typeof node === 'string') return node.replace(/^https?:\/\/[^/]+(?=\/api\/)/, DOCUMENTED_ORIGIN);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(node)) {
      if (field === null) continue;
      if (operation !== 'cancelMachineAction' && VOLATILE_ACTION_FIELDS.includes(key)) continue;
      out[key] = strip(field, depth + 1);
    }
    return out;
  };
  return strip(value, 0);
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Base64 of UTF-8 text, without Node's Buffer (the core runs in browsers too). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type StatePlan = { states: PactState[]; actionInPath?: string } | { skip: string };

/** The provider states that reproduce what the call met, or why none can. */
function statesFor(entry: JournalEntry, facts: StateFacts | undefined): StatePlan {
  const operation = entry.operation ?? '';
  const states: PactState[] = [];
  let actionInPath: string | undefined;
  const bearer = /^Bearer\s/i.test(entry.headers.authorization ?? '');
  if (entry.status === 401 && bearer) states.push(state('callerTokenInvalid'));
  if (entry.status === 429) states.push(state('rateLimitExhausted'));
  if (entry.status === 403) {
    if (!ACTION_OPERATIONS.has(operation))
      return { skip: 'no catalogue state for a caller without read permission' };
    states.push(state('callerLacksRole'));
  }
  // A refused caller (401, 403, 429) is answered before the operation looks at machines or actions: only
  // states the control surface sets up apply (the others would create actions as the refused caller).
  const callerRefused = [401, 403, 429].includes(entry.status);
  const machine = facts?.machine;
  if (machine !== undefined) {
    const id = (machine.id ?? machine.key).toLowerCase();
    if (!machine.exists) {
      if (!DEVICE_ID.test(machine.key))
        return { skip: `no catalogue state for a missing machine named "${machine.key}"` };
      states.push(state('machineMissing', { machineId: id }));
    } else if (operation === 'restrictCodeExecution' && machine.restrictActive && !callerRefused) {
      return { skip: 'no catalogue state for a RestrictCodeExecution action already pending' };
    } else if (operation === 'unrestrictCodeExecution' && machine.unrestrictActive && !callerRefused) {
      states.push(state('unrestrictPending', { machineId: id }));
    } else {
      states.push(state('machineRestricted', { machineId: id }));
    }
  }
  const action = facts?.action;
  if (action !== undefined && GUID.test(action.id) && !callerRefused) {
    if (!action.exists) states.push(state('actionMissing', { actionId: action.id.toLowerCase() }));
    else if (operation === 'cancelMachineAction' && action.final)
      return { skip: 'no catalogue state for an action already in a final state' };
    else if (operation === 'cancelMachineAction' && action.machineId !== undefined) {
      // A cancellable action: the state that injects an active one (a pending unrestrict) reproduces it.
      states.push(state('unrestrictPending', { machineId: action.machineId.toLowerCase() }));
      actionInPath = action.id;
    } else {
      states.push(state('actionExists', { actionId: action.id.toLowerCase() }));
      actionInPath = action.id;
    }
  }
  return actionInPath === undefined ? { states } : { states, actionInPath };
}

function requestOf(entry: JournalEntry, actionInPath: string | undefined): Record<string, unknown> {
  const request: Record<string, unknown> = { method: entry.method, path: entry.path };
  if (entry.query !== '') {
    const query: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(entry.query))
      query[name] = [...(query[name] ?? []), value];
    request.query = query;
  }
  const headers: Record<string, string[]> = {};
  const rules: Record<string, unknown> = {};
  const authorization = entry.headers.authorization;
  if (authorization !== undefined) {
    if (/^Bearer\s/i.test(authorization)) {
      headers.Authorization = [`Bearer ${EXAMPLE_TOKEN}`];
      rules.header = { Authorization: rule({ match: 'regex', regex: '^Bearer \\S+$' }) };
    } else {
      // Another scheme goes as recorded (credentials already reduced to the scheme): the service refuses it.
      headers.Authorization = [authorization];
    }
  }
  const body = entry.exchange?.requestBody;
  const contentType = entry.headers['content-type'];
  if (body !== undefined && body !== '') {
    headers['Content-Type'] = [contentType ?? 'application/json'];
    const parsed = parseJson(body);
    request.body = parsed.ok
      ? { content: parsed.value, contentType: contentType ?? 'application/json', encoded: false }
      : { content: base64(body), contentType: contentType ?? 'application/octet-stream', encoded: 'base64' };
  }
  if (Object.keys(headers).length > 0) request.headers = headers;
  if (actionInPath !== undefined) {
    request.generators = {
      path: { type: 'ProviderState', expression: entry.path.split(actionInPath).join(ACTION_ID_EXPRESSION) },
    };
    rules.path = rule({ match: 'type' });
  }
  if (Object.keys(rules).length > 0) request.matchingRules = rules;
  return request;
}

function responseOf(entry: JournalEntry, actionInPath: string | undefined): Record<string, unknown> {
  const exchange = entry.exchange!;
  const response: Record<string, unknown> = { status: entry.status };
  const headers: Record<string, string[]> = {};
  const headerRules: MatchingRules = {};
  const contentType = exchange.responseHeaders['content-type'];
  if (contentType !== undefined) {
    headers['Content-Type'] = [contentType];
    const base = contentType.split(';')[0]!.trim();
    headerRules['Content-Type'] = rule({ match: 'regex', regex: `^${escapeRegex(base)}(;.*)?$` });
  }
  const retryAfter = exchange.responseHeaders['retry-after'];
  if (retryAfter !== undefined) {
    headers['Retry-After'] = [retryAfter];
    headerRules['Retry-After'] = rule({ match: 'regex', regex: '^\\d+$' });
  }
  const parsed = parseJson(exchange.responseBody);
  const bodyRulesByPath: MatchingRules = {};
  if (parsed.ok) {
    const content = stableBody(parsed.value, entry.operation ?? '');
    bodyRulesByPath.$ = rule({ match: 'type' });
    bodyRules(content, '$', bodyRulesByPath);
    // What must repeat exactly: the error's code (and its message where it names only the request), the
    // type and status of a created action, the status of a cancelled one.
    const pin = (path: string) => {
      bodyRulesByPath[path] = rule({ match: 'equality' });
    };
    if (typeof content === 'object' && content !== null && 'error' in content) {
      pin('$.error.code');
      // 404 messages name the id, which a live run replaces: only the code is pinned there.
      if ([400, 401].includes(entry.status)) pin('$.error.message');
    }
    if (entry.status === 201) {
      pin('$.type');
      pin('$.status');
    }
    if (entry.operation === 'cancelMachineAction' && entry.status === 200) pin('$.status');
    response.body = { content, contentType: contentType ?? 'application/json', encoded: false };
  }
  if (Object.keys(headers).length > 0) response.headers = headers;
  const matchingRules: Record<string, unknown> = {};
  if (Object.keys(bodyRulesByPath).length > 0) matchingRules.body = bodyRulesByPath;
  if (Object.keys(headerRules).length > 0) matchingRules.header = headerRules;
  if (Object.keys(matchingRules).length > 0) response.matchingRules = matchingRules;
  if (
    actionInPath !== undefined &&
    parsed.ok &&
    typeof parsed.value === 'object' &&
    parsed.value !== null &&
    'id' in parsed.value
  )
    response.generators = { body: { '$.id': { type: 'ProviderState', expression: ACTION_ID_EXPRESSION } } };
  return response;
}

/** True for the journal entries of API operations (not identity, control API or unknown routes). */
function isApiCall(entry: JournalEntry): boolean {
  return /^\/api(\/|$)/i.test(entry.path) && entry.operation !== undefined;
}

/** Builds a Pact V4 file from journal entries recorded with traffic recording on. */
export function pactFromTraffic(
  entries: readonly JournalEntry[],
  options: PactFromTrafficOptions,
): RecordedPact {
  const interactions: RecordedInteraction[] = [];
  const skipped: SkippedCall[] = [];
  const seen = new Set<string>();
  const descriptions = new Map<string, number>();
  for (const entry of entries) {
    if (!/^\/api(\/|$)/i.test(entry.path)) continue;
    const request = `${entry.method} ${entry.path}${entry.query ? `?${entry.query}` : ''}`;
    const skip = (reason: string) => skipped.push({ seq: entry.seq, request, reason });
    if (!isApiCall(entry)) {
      skip('no operation of the spec has this path');
      continue;
    }
    if (entry.exchange === undefined) {
      skip('recorded while traffic recording was off (no bodies)');
      continue;
    }
    if (entry.fault !== undefined || entry.status === 0) {
      skip(
        `answered by an injected fault (${entry.fault?.kind ?? 'dropped connection'}), not by the service's rules`,
      );
      continue;
    }
    const plan = statesFor(entry, entry.exchange.facts);
    if ('skip' in plan) {
      skip(plan.skip);
      continue;
    }
    const built = {
      request: requestOf(entry, plan.actionInPath),
      response: responseOf(entry, plan.actionInPath),
    };
    const template = (built.request.generators as { path?: { expression: string } } | undefined)?.path
      ?.expression;
    // Calls that differ only in ids and free text are one contract: key on the shape, not the values.
    const key = JSON.stringify([
      entry.method,
      withoutIds(template ?? entry.path),
      withoutIds(entry.query),
      bodyShape(entry.exchange.requestBody),
      entry.headers.authorization?.split(' ')[0] ?? '',
      entry.status,
      entry.errorCode ?? '',
      plan.states.map((s) => s.name),
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    const base = `${entry.operation} answered ${entry.status}${entry.errorCode ? ` ${entry.errorCode}` : ''}`;
    const count = (descriptions.get(base) ?? 0) + 1;
    descriptions.set(base, count);
    interactions.push({
      type: 'Synchronous/HTTP',
      key: hashKey(key),
      description: count === 1 ? base : `${base} (variant ${count})`,
      pending: false,
      providerStates: plan.states,
      ...built,
    });
  }
  return {
    pact: {
      consumer: { name: options.consumer },
      provider: { name: options.provider ?? 'defender-for-endpoint-api' },
      interactions,
      metadata: {
        pactSpecification: { version: '4.0' },
        'mde-sim': {
          recordedFrom: 'simulator traffic',
          skipped: skipped.map(({ request, reason }) => ({ request, reason })),
        },
      },
    },
    skipped,
  };
}

/** A path or query with device ids and GUIDs replaced by `{id}`. */
function withoutIds(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '{id}')
    .replace(/[0-9a-f]{40}/gi, '{id}')
    .toLowerCase();
}

/** The keys of a JSON body (or `text` when it is not JSON): what a contract cares about. */
function bodyShape(body: string | undefined): string {
  if (body === undefined || body === '') return '';
  const parsed = parseJson(body);
  if (!parsed.ok) return 'text';
  const value = parsed.value;
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.entries(value)
    .map(([key, field]) => `${key}:${typeof field}${field === '' ? '(empty)' : ''}`)
    .sort()
    .join(',');
}

/** A short stable key for an interaction (FNV-1a of its identity), as V4 pacts carry one. */
function hashKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
