/**
 * Builds the OData query string of `GET /api/machineactions` from typed filters.
 * @module
 */
import type { ListMachineActionsOptions } from './types.ts';

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
  const clauses: string[] = [];
  if (options.machineId !== undefined) clauses.push(`machineId eq ${odataString(options.machineId)}`);
  if (options.type !== undefined) clauses.push(`type eq ${odataString(options.type)}`);
  if (options.status !== undefined) clauses.push(`status eq ${odataString(options.status)}`);
  if (options.requestor !== undefined) clauses.push(`requestor eq ${odataString(options.requestor)}`);
  if (options.createdAfter !== undefined) {
    clauses.push(`creationDateTimeUtc gt ${odataDateTime(options.createdAfter, 'createdAfter')}`);
  }
  return clauses.length === 0 ? undefined : clauses.join(' and ');
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
