/**
 * @module
 * The OData subset `GET /api/machineactions` supports (mde-api.md §8): `$filter` with the properties and
 * operators the spec's `x-mde-odata-filter` lists, joined by `and`; `$top` (max 10,000), `$skip`,
 * `$count`, `$orderby` on a filterable property.
 */
import type { StoredAction } from './tenant-state.ts';
import { parseTimestamp } from './timestamps.ts';

const DATE_FIELDS = new Set(['creationDateTimeUtc', 'lastUpdateDateTimeUtc']);
const COMPARATORS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** The spec's `x-mde-odata-filter`: which properties `$filter` takes, with which operators. */
export interface FilterCapabilities {
  logical: string[];
  properties: Record<string, string[]>;
}

/** One comparison of the `$filter`. */
export interface FilterClause {
  field: string;
  op: string;
  value: string | number;
}

/** A parsed list query. */
export interface ListQuery {
  clauses: FilterClause[];
  top: number;
  skip: number;
  count: boolean;
  orderBy: { field: string; descending: boolean } | undefined;
}

/** A query the service would refuse, with the reason (becomes a 400 ODataError). */
export class ODataQueryError extends Error {
  override name = 'ODataQueryError';
}

/** Maximum page size (docs: "Maximum page size is 10,000"). */
export const MAX_TOP = 10_000;

// field, operator, then a quoted string ('' escapes a quote) or a bare literal (dates, numbers).
const CLAUSE = /^\s*([A-Za-z]+)\s+([a-z]{2})\s+(?:'((?:[^']|'')*)'|([^\s']+))\s*$/;

/** Parses `$filter` and the paging options from a raw query string. */
export function parseListQuery(params: URLSearchParams, capabilities: FilterCapabilities): ListQuery {
  const clauses: FilterClause[] = [];
  const filter = params.get('$filter');
  if (filter !== null && filter.trim() !== '') {
    if (/\s(or|not)\s/i.test(filter) && !capabilities.logical.includes('or')) {
      throw new ODataQueryError(`Only '${capabilities.logical.join("', '")}' can join $filter clauses.`);
    }
    for (const part of filter.split(/\s+and\s+/i)) clauses.push(parseClause(part, capabilities));
  }
  const top = integerParam(params, '$top', MAX_TOP, 0, MAX_TOP);
  const skip = integerParam(params, '$skip', 0, 0, Number.MAX_SAFE_INTEGER);
  const countText = params.get('$count');
  if (countText !== null && countText !== 'true' && countText !== 'false') {
    throw new ODataQueryError(
      `the value '${countText}' is not valid for $count; expected 'true' or 'false'.`,
    );
  }
  return {
    clauses,
    top,
    skip,
    count: countText === 'true',
    orderBy: parseOrderBy(params.get('$orderby'), capabilities),
  };
}

/** Whether an action matches every clause. */
export function matches(action: StoredAction, clauses: readonly FilterClause[]): boolean {
  for (const clause of clauses) {
    const actual = (action as Record<string, unknown>)[clause.field];
    if (typeof clause.value === 'number') {
      const ms = typeof actual === 'string' ? parseTimestamp(actual) : Number.NaN;
      if (!compare(ms, clause.value, clause.op)) return false;
    } else {
      const equal = typeof actual === 'string' && actual.toLowerCase() === clause.value.toLowerCase();
      if (clause.op === 'eq' ? !equal : equal) return false;
    }
  }
  return true;
}

function parseClause(text: string, capabilities: FilterCapabilities): FilterClause {
  const match = CLAUSE.exec(text);
  if (!match) throw new ODataQueryError(`syntax error in $filter near '${text.trim()}'.`);
  const [, field = '', op = '', quoted, bare] = match;
  if (!COMPARATORS.has(op)) throw new ODataQueryError(`unsupported operator '${op}' in $filter.`);
  const operators = capabilities.properties[field];
  if (!operators) throw new ODataQueryError(`the property '${field}' can't be used in $filter.`);
  if (!operators.includes(op)) throw new ODataQueryError(`the operator '${op}' can't be used on '${field}'.`);
  if (DATE_FIELDS.has(field)) {
    const ms = parseTimestamp(quoted ?? bare ?? '');
    if (Number.isNaN(ms))
      throw new ODataQueryError(`'${quoted ?? bare}' is not a valid DateTimeOffset for '${field}'.`);
    return { field, op, value: ms };
  }
  if (quoted === undefined) throw new ODataQueryError(`the value of '${field}' must be a quoted string.`);
  return { field, op, value: quoted.replaceAll("''", "'") };
}

function compare(actual: number, expected: number, op: string): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    default:
      return actual <= expected;
  }
}

function integerParam(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = params.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ODataQueryError(
      `the value '${text}' is not valid for ${name}; expected an integer from ${min} to ${max}.`,
    );
  }
  return value;
}

function parseOrderBy(text: string | null, capabilities: FilterCapabilities): ListQuery['orderBy'] {
  if (text === null || text.trim() === '') return undefined;
  const match = /^\s*([A-Za-z]+)(?:\s+(asc|desc))?\s*$/i.exec(text);
  const field = match?.[1];
  if (!field || !(DATE_FIELDS.has(field) || capabilities.properties[field])) {
    throw new ODataQueryError(`$orderby '${text}' is not supported.`);
  }
  return { field, descending: match[2]?.toLowerCase() === 'desc' };
}
