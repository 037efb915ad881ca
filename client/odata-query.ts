/**
 * Builds the OData query strings of `GET /api/machineactions` and `GET /api/machines` from typed filters
 * and raw `$filter` text, which is checked with the same grammar the simulator answers with
 * (mock/core/odata-filter.ts) against what the spec's `x-mde-odata-filter` says the operation accepts.
 * @module
 */
import { type FilterCapabilities, ODataQueryError, parseFilter } from '../mock/core/odata-filter.ts';
import { spec } from '../openapi/spec.gen.ts';
import type { ListMachineActionsOptions, ListMachinesOptions } from './types.ts';

/** `x-mde-odata-filter` of an operation of the spec. */
function capabilitiesOf(path: '/api/machines' | '/api/machineactions'): FilterCapabilities {
  const operation = (spec.paths as Record<string, { get?: Record<string, unknown> }>)[path]?.get;
  return operation?.['x-mde-odata-filter'] as FilterCapabilities;
}

const machineCapabilities = capabilitiesOf('/api/machines');
const actionCapabilities = capabilitiesOf('/api/machineactions');

/**
 * Checks raw `$filter` text with the service's grammar and the operation's properties.
 * @throws TypeError "Invalid option filter: …" naming the problem.
 */
export function checkFilter(text: string, capabilities: FilterCapabilities): string {
  try {
    parseFilter(text, capabilities);
    return text.trim();
  } catch (error) {
    if (error instanceof ODataQueryError) throw new TypeError(`Invalid option filter: ${error.message}`);
    throw error;
  }
}

/** The typed clauses joined by `and`, after the raw filter in parentheses (so an `or` in it keeps its meaning). */
function joinWithAnd(raw: string | undefined, clauses: string[]): string | undefined {
  if (raw === undefined) return clauses.length === 0 ? undefined : clauses.join(' and ');
  return clauses.length === 0 ? raw : [`(${raw})`, ...clauses].join(' and ');
}

/** Quotes an OData string literal: `O'Brien` → `'O''Brien'`. */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function odataDateTime(value: Date | string, optionName: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`Invalid ${optionName}: "${String(value)}" is not a date.`);
  return date.toISOString();
}

function checkCount(value: number, optionName: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new TypeError(`Invalid ${optionName}: ${value} (an integer from 0 to ${max} is expected).`);
  }
  return value;
}

/** The `$filter` expression for the given filters, or undefined when there is none. */
export function machineActionsFilter(options: ListMachineActionsOptions): string | undefined {
  const raw = options.filter === undefined ? undefined : checkFilter(options.filter, actionCapabilities);
  const clauses: string[] = [];
  if (options.machineId !== undefined) clauses.push(`machineId eq ${odataString(options.machineId)}`);
  if (options.type !== undefined) clauses.push(`type eq ${odataString(options.type)}`);
  if (options.status !== undefined) clauses.push(`status eq ${odataString(options.status)}`);
  if (options.requestor !== undefined) clauses.push(`requestor eq ${odataString(options.requestor)}`);
  if (options.createdAfter !== undefined) {
    clauses.push(`creationDateTimeUtc gt ${odataDateTime(options.createdAfter, 'createdAfter')}`);
  }
  return joinWithAnd(raw, clauses);
}

/** The query string (with its leading `?`, or empty) for `GET /api/machineactions`. */
export function machineActionsQuery(options: ListMachineActionsOptions): string {
  const parts: string[] = [];
  const filter = machineActionsFilter(options);
  if (filter !== undefined) parts.push(`$filter=${encodeURIComponent(filter)}`);
  if (options.top !== undefined) parts.push(`$top=${checkCount(options.top, 'top', 10000)}`);
  if (options.skip !== undefined)
    parts.push(`$skip=${checkCount(options.skip, 'skip', Number.MAX_SAFE_INTEGER)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** The `$filter` expression of `GET /api/machines` for the given filters, or undefined when there is none. */
export function machinesFilter(options: ListMachinesOptions): string | undefined {
  const raw = options.filter === undefined ? undefined : checkFilter(options.filter, machineCapabilities);
  const clauses: string[] = [];
  for (const name of ['computerDnsName', 'healthStatus', 'onboardingStatus', 'riskScore'] as const) {
    const value = options[name];
    if (value !== undefined) clauses.push(`${name} eq ${odataString(value)}`);
  }
  return joinWithAnd(raw, clauses);
}

/** The query string (with its leading `?`, or empty) for `GET /api/machines`. */
export function machinesQuery(options: ListMachinesOptions): string {
  const parts: string[] = [];
  const filter = machinesFilter(options);
  if (filter !== undefined) parts.push(`$filter=${encodeURIComponent(filter)}`);
  if (options.top !== undefined) parts.push(`$top=${checkCount(options.top, 'top', 10000)}`);
  if (options.skip !== undefined)
    parts.push(`$skip=${checkCount(options.skip, 'skip', Number.MAX_SAFE_INTEGER)}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
