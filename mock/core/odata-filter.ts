/**
 * @module
 * The one OData `$filter` implementation of the simulator (machines and machine actions) and of the client
 * (which checks a filter before sending it). Parsing is odata-v4-parser's, a parser of the OData v4 ABNF
 * (quoted strings with `''`, GUIDs, date-times, `and`/`or`/`not` with OData precedence, parentheses); this
 * module turns its token tree into a small expression tree, checks it against what an operation accepts
 * (the spec's `x-mde-odata-filter`) and evaluates it on entities.
 */
import { filter as parseODataFilter } from 'odata-v4-parser';
import { parseTimestamp } from './timestamps.ts';

/** The spec's `x-mde-odata-filter`: which properties `$filter` takes, with which operators. */
export interface FilterCapabilities {
  /** Logical operators allowed between comparisons (`and`, `or`, `not`). */
  logical: string[];
  /**
   * Property → operators allowed on it: comparisons (`eq`, `ne`, `gt`, `ge`, `lt`, `le`) and the string
   * function `startswith` (`startswith(computerDnsName,'fin-')`).
   */
  properties: Record<string, string[]>;
}

/** A comparison operator of OData. */
export type Comparator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A literal of a comparison, typed. */
export type FilterLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'datetime'; ms: number; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

/** A parsed `$filter`. */
export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'compare'; op: Comparator; property: string; literal: FilterLiteral }
  | { kind: 'startswith'; property: string; prefix: string };

/** A filter the service would refuse, with the reason (the simulator answers it 400 ODataError). */
export class ODataQueryError extends Error {
  override name = 'ODataQueryError';
}

/** Properties compared as date-times (a quoted or bare ISO-8601 literal). */
const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'creationDateTimeUtc',
  'lastUpdateDateTimeUtc',
  'lastSeen',
  'firstSeen',
]);
/** Properties compared as numbers. */
const NUMBER_PROPERTIES: ReadonlySet<string> = new Set(['rbacGroupId', 'osBuild', 'errorHResult']);

const COMPARATORS: Readonly<Record<string, Comparator>> = {
  EqualsExpression: 'eq',
  NotEqualsExpression: 'ne',
  GreaterThanExpression: 'gt',
  GreaterOrEqualsExpression: 'ge',
  LesserThanExpression: 'lt',
  LesserOrEqualsExpression: 'le',
};

/** odata-v4-parser's token (lib/lexer.d.ts), the fields read here. */
interface Token {
  type: string;
  raw: string;
  position: number;
  // biome-ignore lint/suspicious/noExplicitAny: the token's value differs per token type
  value: any;
}

/**
 * Parses a `$filter` and checks it against what the operation accepts.
 * @throws ODataQueryError naming the problem (syntax, property, operator, literal).
 */
export function parseFilter(text: string, capabilities: FilterCapabilities): FilterExpression {
  refuseCollectionLiterals(text);
  const source = toUriForm(lowerCaseKeywords(text.trim()));
  let token: Token;
  try {
    token = parseODataFilter(source) as Token;
  } catch (error) {
    const at = /at (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    throw syntaxError(source, at === undefined ? 0 : Number(at));
  }
  if (token.raw !== source) throw syntaxError(source, token.raw.length);
  return convert(token, capabilities);
}

/**
 * JSON collection and object literals (`[...]`, `{...}`, the operands of `in`) are outside what the simulator
 * takes, and odata-v4-parser never returns on an unterminated string inside one (`["a`: a fuzz test found it
 * blocking the event loop for good), so brackets outside quoted strings are refused before parsing.
 */
function refuseCollectionLiterals(text: string): void {
  const unquoted = splitAtQuotes(text)
    .filter((_, i) => i % 2 === 0)
    .join("''");
  const bracket = /[[\]{}]/.exec(unquoted)?.[0];
  if (bracket !== undefined) {
    throw new ODataQueryError(
      `'${bracket}' is not supported in $filter: collection and object literals (and 'in') are not.`,
    );
  }
}

/** The text around and between its quoted string literals (odd indexes; an unterminated one runs to the end). */
function splitAtQuotes(text: string): string[] {
  return text.split(/('(?:[^']|'')*'?)/);
}

function syntaxError(source: string, at: number): ODataQueryError {
  return new ODataQueryError(
    `syntax error in $filter at position ${at} near '${fromUriForm(source.slice(at))}'.`,
  );
}

/**
 * The grammar parses the query as it appears in a URI and reads only some characters literally (the fuzz
 * test found a raw `"` or `/` inside a quoted string refused); `$filter` arrives decoded, so every character
 * the grammar does not need raw (letters, digits, `-._~'():,+` and space) is percent-encoded again before
 * parsing, and literals are decoded after.
 */
function toUriForm(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~'():,+ ]+/g, (run) => encodeURIComponent(run));
}

/**
 * The grammar's keywords are lower case; the simulator accepted `AND` before (and MDEAutomator writes
 * property names in Pascal case), so operators and logical words outside quoted strings are lowered first.
 */
function lowerCaseKeywords(text: string): string {
  return splitAtQuotes(text)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\b(and|or|not|eq|ne|gt|ge|lt|le|startswith)\b/gi, (word) => word.toLowerCase()),
    )
    .join('');
}

function fromUriForm(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function convert(token: Token, capabilities: FilterCapabilities): FilterExpression {
  switch (token.type) {
    case 'BoolParenExpression':
    case 'ParenExpression':
    case 'CommonExpression':
      return convert(token.value as Token, capabilities);
    case 'AndExpression':
    case 'OrExpression':
    case 'NotExpression':
      return booleanExpression(token, capabilities);
    case 'MethodCallExpression':
      if (token.value?.method === 'startswith')
        return startsWith(token.value.parameters as Token[], capabilities);
      throw new ODataQueryError(
        `the function '${token.value?.method ?? token.raw}' is not supported in $filter.`,
      );
    default: {
      const op = COMPARATORS[token.type];
      if (op === undefined) throw new ODataQueryError(`'${token.raw}' is not supported in $filter.`);
      return comparison(op, token.value.left as Token, token.value.right as Token, capabilities);
    }
  }
}

/** One step of a boolean expression read left to right: an operator, or an operand (a comparison, a call, a group). */
type BooleanItem = { operator: 'and' | 'or' | 'not' } | { operand: Token };

/**
 * `not` binds tighter than `and`, and `and` tighter than `or` (OData URL conventions, operator precedence),
 * but the grammar's `notExpr = "not" RWS boolCommonExpr` lets the parser hand `not` everything after it:
 * `not a and b` came back as `not (a and b)`. So the parser's tree is read back in source order (its
 * in-order walk; a parenthesized group stays one operand) and rebuilt with the precedence.
 */
function booleanExpression(token: Token, capabilities: FilterCapabilities): FilterExpression {
  const items: BooleanItem[] = [];
  const walk = (node: Token): void => {
    if (node.type === 'CommonExpression') {
      walk(node.value as Token);
    } else if (node.type === 'AndExpression' || node.type === 'OrExpression') {
      walk(node.value.left as Token);
      items.push({ operator: node.type === 'AndExpression' ? 'and' : 'or' });
      walk(node.value.right as Token);
    } else if (node.type === 'NotExpression') {
      items.push({ operator: 'not' });
      walk(node.value as Token);
    } else {
      items.push({ operand: node });
    }
  };
  walk(token);
  let at = 0;
  const isOperator = (operator: string) => {
    const item = items[at];
    return item !== undefined && 'operator' in item && item.operator === operator;
  };
  const unary = (): FilterExpression => {
    if (isOperator('not')) {
      at += 1;
      requireLogical('not', capabilities);
      return { kind: 'not', operand: unary() };
    }
    const item = items[at++];
    if (item === undefined || !('operand' in item))
      throw new ODataQueryError(`'${token.raw}' is not supported in $filter.`);
    return convert(item.operand, capabilities);
  };
  const chain = (kind: 'and' | 'or', next: () => FilterExpression) => (): FilterExpression => {
    let left = next();
    while (isOperator(kind)) {
      at += 1;
      requireLogical(kind, capabilities);
      left = { kind, left, right: next() };
    }
    return left;
  };
  return chain('or', chain('and', unary))();
}

function requireLogical(kind: string, capabilities: FilterCapabilities): void {
  if (!capabilities.logical.includes(kind)) {
    throw new ODataQueryError(
      `'${kind}' is not supported in $filter; use ${capabilities.logical.join(', ')}.`,
    );
  }
}

function comparison(
  op: Comparator,
  left: Token,
  right: Token,
  capabilities: FilterCapabilities,
): FilterExpression {
  const named = propertyName(left);
  if (named === undefined) {
    throw new ODataQueryError(`the left side of '${op}' must be a property name, not '${left.raw}'.`);
  }
  const property = capabilityFor(named, capabilities);
  const operators = capabilities.properties[property] ?? [];
  if (!operators.includes(op))
    throw new ODataQueryError(`the operator '${op}' can't be used on '${property}'.`);
  if (right.type !== 'Literal') {
    throw new ODataQueryError(`the right side of '${op}' must be a literal, not '${right.raw}'.`);
  }
  return { kind: 'compare', op, property, literal: literalFor(property, right) };
}

/** The property of an operation's capabilities a name means, matched without regard to case. */
function capabilityFor(named: string, capabilities: FilterCapabilities): string {
  // MDEAutomator filters on `CreationDateTimeUtc` (consumers.md).
  const property = Object.keys(capabilities.properties).find((p) => p.toLowerCase() === named.toLowerCase());
  if (property === undefined) throw new ODataQueryError(`the property '${named}' can't be used in $filter.`);
  return property;
}

/** `startswith(property,'prefix')`, the string function the machine-list docs show (D12). */
function startsWith(parameters: Token[], capabilities: FilterCapabilities): FilterExpression {
  const [subject, prefix] = parameters;
  const named = subject === undefined ? undefined : propertyName(subject);
  if (parameters.length !== 2 || named === undefined) {
    throw new ODataQueryError(
      "startswith takes a property and a quoted string: startswith(computerDnsName,'fin-').",
    );
  }
  const property = capabilityFor(named, capabilities);
  if (!(capabilities.properties[property] ?? []).includes('startswith'))
    throw new ODataQueryError(`the function 'startswith' can't be used on '${property}'.`);
  if (prefix?.type !== 'Literal' || prefix.value !== 'Edm.String') {
    throw new ODataQueryError(
      `the second argument of 'startswith' must be a quoted string, not '${prefix?.raw}'.`,
    );
  }
  return { kind: 'startswith', property, prefix: unquote(prefix.raw) };
}

/** The property of `FirstMemberExpression → MemberExpression → PropertyPathExpression → ODataIdentifier`. */
function propertyName(token: Token): string | undefined {
  let node: Token | undefined = token;
  while (node && (node.type === 'FirstMemberExpression' || node.type === 'MemberExpression'))
    node = node.value;
  if (node?.type !== 'PropertyPathExpression') return undefined;
  const identifier = node.value as Token;
  return identifier?.type === 'ODataIdentifier' ? (identifier.value.name as string) : undefined;
}

function literalFor(property: string, token: Token): FilterLiteral {
  const edmType = token.value as string;
  const raw = token.raw;
  if (edmType === 'null') return { kind: 'null' };
  if (DATE_PROPERTIES.has(property)) {
    const text = edmType === 'Edm.String' ? unquote(raw) : raw;
    const ms = parseTimestamp(text);
    if (Number.isNaN(ms))
      throw new ODataQueryError(`'${raw}' is not a valid DateTimeOffset for '${property}'.`);
    return { kind: 'datetime', ms, text };
  }
  if (NUMBER_PROPERTIES.has(property)) {
    const value = Number(raw);
    if (!/^Edm\.(S?Byte|Int16|Int32|Int64|Decimal|Double|Single)$/.test(edmType) || !Number.isFinite(value))
      throw new ODataQueryError(`'${raw}' is not a number for '${property}'.`);
    return { kind: 'number', value };
  }
  if (edmType === 'Edm.String') return { kind: 'string', value: unquote(raw) };
  // A GUID is written bare (`id eq 8a5c...`); it compares as text.
  if (edmType === 'Edm.Guid') return { kind: 'string', value: raw };
  if (edmType === 'Edm.Boolean') return { kind: 'boolean', value: raw === 'true' };
  throw new ODataQueryError(`the value of '${property}' must be a quoted string, not ${raw}.`);
}

/** `'O''Brien'` → `O'Brien`. */
function unquote(raw: string): string {
  return fromUriForm(raw.slice(1, -1)).replaceAll("''", "'");
}

/** Whether an entity matches the filter (undefined matches everything). */
export function matchesFilter(entity: object, expression: FilterExpression | undefined): boolean {
  if (expression === undefined) return true;
  switch (expression.kind) {
    case 'and':
      return matchesFilter(entity, expression.left) && matchesFilter(entity, expression.right);
    case 'or':
      return matchesFilter(entity, expression.left) || matchesFilter(entity, expression.right);
    case 'not':
      return !matchesFilter(entity, expression.operand);
    case 'startswith':
      return startsWithValue((entity as Record<string, unknown>)[expression.property], expression.prefix);
    default:
      return compareProperty((entity as Record<string, unknown>)[expression.property], expression);
  }
}

/** Case-insensitive, like the simulator's string comparisons (inferred); a collection matches by any item. */
function startsWithValue(actual: unknown, prefix: string): boolean {
  if (Array.isArray(actual)) return actual.some((item) => startsWithValue(item, prefix));
  return typeof actual === 'string' && actual.toLowerCase().startsWith(prefix.toLowerCase());
}

function compareProperty(
  actual: unknown,
  { op, literal }: { op: Comparator; literal: FilterLiteral },
): boolean {
  if (literal.kind === 'null') return op === 'eq' ? actual === null : op === 'ne' ? actual !== null : false;
  // A collection property (machineTags) "equals" a value it contains.
  if (Array.isArray(actual)) {
    const contains = actual.some((item) => compareProperty(item, { op: 'eq', literal }));
    return op === 'ne' ? !contains : op === 'eq' ? contains : false;
  }
  if (actual === null || actual === undefined) return op === 'ne';
  let order: number;
  if (literal.kind === 'datetime') {
    const ms = typeof actual === 'string' ? parseTimestamp(actual) : Number.NaN;
    if (Number.isNaN(ms)) return false;
    order = Math.sign(ms - literal.ms);
  } else if (literal.kind === 'number') {
    if (typeof actual !== 'number') return false;
    order = Math.sign(actual - literal.value);
  } else if (literal.kind === 'boolean') {
    if (typeof actual !== 'boolean') return false;
    order = actual === literal.value ? 0 : 1;
  } else {
    // The service compares enum and id strings without regard to case (mde-api.md §8).
    const a = String(actual).toLowerCase();
    const b = literal.value.toLowerCase();
    order = a < b ? -1 : a > b ? 1 : 0;
  }
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    default:
      return order <= 0;
  }
}

/** Every property of the expression compared with `eq` to a string at the top level (and-joined), for index lookups. */
export function equalityOn(expression: FilterExpression | undefined, property: string): string | undefined {
  if (expression === undefined) return undefined;
  if (expression.kind === 'and') {
    return equalityOn(expression.left, property) ?? equalityOn(expression.right, property);
  }
  if (
    expression.kind === 'compare' &&
    expression.property === property &&
    expression.op === 'eq' &&
    expression.literal.kind === 'string'
  ) {
    return expression.literal.value;
  }
  return undefined;
}
