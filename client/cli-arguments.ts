/**
 * Argument parsers shared by the `mde` commands (commander calls them; a bad value is a usage error).
 * @module
 */
import { InvalidArgumentError } from 'commander';

/** A positive number of seconds. */
export function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('a positive number of seconds is expected.');
  return seconds;
}

/** An integer from 0 to 10000 (`$top`, `$skip`). */
export function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10000)
    throw new InvalidArgumentError('an integer from 0 to 10000 is expected.');
  return n;
}

/** Any text but blank. */
export function nonEmpty(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('must not be empty.');
  return value;
}
