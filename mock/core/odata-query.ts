/**
 * @module
 * The OData list options of `GET /api/machineactions` and `GET /api/machines` (mde-api.md §8,
 * mde-actions-family.md §8, §10): `$filter` (odata-filter.ts, on what the spec's `x-mde-odata-filter` lists),
 * `$top` (max 10,000), `$skip`, `$count`, `$orderby` on a filterable property; and the page they select.
 */
import {
  type FilterCapabilities,
  type FilterExpression,
  matchesFilter,
  ODataQueryError,
  parseFilter,
} from './odata-filter.ts';
import { parseTimestamp } from './timestamps.ts';

export { type FilterCapabilities, ODataQueryError } from './odata-filter.ts';

/** A parsed list query. */
export interface ListQuery {
  filter: FilterExpression | undefined;
  /** Whether `$top` was sent (a page of exactly `$top` items then gets a next link when more remain). */
  topGiven: boolean;
  top: number;
  skip: number;
  count: boolean;
  orderBy: { field: string; descending: boolean } | undefined;
}

/** Maximum page size (docs: "Maximum page size is 10,000"). */
export const MAX_TOP = 10_000;

/** Query options the service knows; any other `$` option is refused, as the OData library does (I8). */
const KNOWN_OPTIONS: ReadonlySet<string> = new Set(['$filter', '$top', '$skip', '$count', '$orderby']);

/** Parses `$filter` and the paging options from a raw query string. */
export function parseListQuery(params: URLSearchParams, capabilities: FilterCapabilities): ListQuery {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !KNOWN_OPTIONS.has(name)) {
      throw new ODataQueryError(`Custom query option '${name}' that starts with '$' is not supported.`);
    }
  }
  const filterText = params.get('$filter');
  const filter =
    filterText !== null && filterText.trim() !== '' ? parseFilter(filterText, capabilities) : undefined;
  const top = integerParam(params, '$top', MAX_TOP, 0, MAX_TOP);
  const skip = integerParam(params, '$skip', 0, 0, Number.MAX_SAFE_INTEGER);
  const countText = params.get('$count');
  if (countText !== null && countText !== 'true' && countText !== 'false') {
    throw new ODataQueryError(
      `the value '${countText}' is not valid for $count; expected 'true' or 'false'.`,
    );
  }
  return {
    filter,
    topGiven: params.has('$top'),
    top,
    skip,
    count: countText === 'true',
    orderBy: parseOrderBy(params.get('$orderby'), capabilities),
  };
}

/**
 * What a list query selects: the page, how many matched (all of them when `$count` was asked; otherwise at
 * least the page and one more), and the query of the next page when there is one.
 */
export interface ListPage<T> {
  page: T[];
  matched: number;
  nextQuery: string | undefined;
}

/**
 * Filters, orders and pages entities. `newestFirst` is the default order when no `$orderby` is given
 * (machine actions: the docs call `$top=2` "the latest two").
 */
export function selectPage<T extends object>(
  source: Iterable<T>,
  query: ListQuery,
  params: URLSearchParams,
  defaultOrder: 'reverse' | 'as-is',
): ListPage<T> {
  const selected: T[] = [];
  // In the source's own order with no $count, the page and one more (to know a next page exists) are all
  // that is needed: with a newest-first source, `$top=10` reads 11 entries, not a million.
  const enough =
    defaultOrder === 'as-is' && !query.orderBy && !query.count
      ? query.skip + query.top + 1
      : Number.POSITIVE_INFINITY;
  for (const item of source) {
    if (!matchesFilter(item, query.filter)) continue;
    selected.push(item);
    if (selected.length >= enough) break;
  }
  if (defaultOrder === 'reverse') selected.reverse();
  if (query.orderBy) {
    const { field, descending } = query.orderBy;
    const key = (item: T) => sortKey((item as Record<string, unknown>)[field]);
    selected.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (descending ? -1 : 1) * (x < y ? -1 : x > y ? 1 : 0);
    });
  }
  const page = selected.slice(query.skip, query.skip + query.top);
  const nextSkip = query.skip + page.length;
  let nextQuery: string | undefined;
  if (query.topGiven && page.length > 0 && nextSkip < selected.length) {
    const next = new URLSearchParams(params);
    next.set('$skip', String(nextSkip));
    nextQuery = next.toString().replaceAll('+', '%20');
  }
  return { page, matched: selected.length, nextQuery };
}

function sortKey(value: unknown): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? parseTimestamp(value) : Number.NaN;
    return Number.isNaN(ms) ? value.toLowerCase() : ms;
  }
  return '';
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
  const named = match?.[1];
  // OData property names are case-sensitive, but MDEAutomator sends `CreationDateTimeUtc` and is answered.
  const field = Object.keys(capabilities.properties).find((p) => p.toLowerCase() === named?.toLowerCase());
  if (!field) throw new ODataQueryError(`$orderby '${text}' is not supported.`);
  return { field, descending: match?.[2]?.toLowerCase() === 'desc' };
}
