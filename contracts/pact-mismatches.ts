/**
 * Reads pact's verification JSON (the verifier's `interactionResults`) into plain-words mismatches:
 * where, what the pact expected, what the provider answered. Pact's own sentences are not passed on:
 * its body wording ("Expected '<actual>' to be equal to '<expected>'") reads the wrong way round.
 * @module
 */
import { stripVTControlCharacters } from 'node:util';

/** One difference between what a pact expected and what the provider answered. */
export interface Mismatch {
  /** `status`, `header Content-Type`, `body $.error.code`, `body`, `request`... */
  where: string;
  /** What the pact expected, as text (JSON for body values); empty when not applicable. */
  expected: string;
  /** What the provider answered, as text; `(missing)` when absent. */
  actual: string;
  /** Extra words when expected/actual alone do not say it (missing keys, a list too short). */
  note?: string;
}

/** Pact's verdict on one interaction, read from its JSON. */
export interface PactVerdict {
  passed: boolean;
  /** True when the interaction was pending: its failure does not fail the run. */
  pending: boolean;
  mismatches: Mismatch[];
  /** A failure that is not a mismatch (pact could not run, a state set-up failed). */
  error?: string;
}

interface RawMismatch {
  type?: string;
  path?: string;
  key?: string;
  parameter?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
}

interface RawResult {
  description?: string;
  pending?: boolean;
  result?: string;
  mismatch?: { type?: string; mismatches?: RawMismatch[]; message?: string; error?: string };
}

function text(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(missing)';
  return stripVTControlCharacters(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Pact's sentence, kept only where it adds what expected/actual cannot say, and only when not reversed. */
function structuralNote(raw: RawMismatch): string | undefined {
  const words = stripVTControlCharacters(raw.mismatch ?? '');
  if (words === '' || /^Expected '.*' \(\w+\) to be equal to/s.test(words)) return undefined;
  if (/^Expected .* but was/.test(words) && raw.type === 'StatusMismatch') return undefined;
  if (/Mismatch with header/.test(words) || /Expected a header '.*' but was missing/.test(words))
    return undefined;
  return words;
}

/** One raw pact mismatch in plain words. */
export function describeMismatch(raw: RawMismatch): Mismatch {
  const note = structuralNote(raw);
  const withNote = (m: Mismatch): Mismatch => (note === undefined ? m : { ...m, note });
  switch (raw.type) {
    case 'StatusMismatch':
      return { where: 'status', expected: text(raw.expected), actual: text(raw.actual) };
    case 'HeaderMismatch':
      return withNote({
        where: `header ${raw.key ?? ''}`.trim(),
        expected: text(raw.expected),
        actual: text(raw.actual),
      });
    case 'BodyMismatch':
      return withNote({
        where: `body ${raw.path ?? '$'}`,
        expected: text(raw.expected),
        actual: text(raw.actual),
      });
    case 'BodyTypeMismatch':
      return withNote({ where: 'body content type', expected: text(raw.expected), actual: text(raw.actual) });
    case 'QueryMismatch':
      return withNote({
        where: `query ${raw.parameter ?? ''}`.trim(),
        expected: text(raw.expected),
        actual: text(raw.actual),
      });
    case 'PathMismatch':
      return { where: 'path', expected: text(raw.expected), actual: text(raw.actual) };
    case 'MethodMismatch':
      return { where: 'method', expected: text(raw.expected), actual: text(raw.actual) };
    default:
      return {
        where: raw.type ?? 'interaction',
        expected: text(raw.expected),
        actual: text(raw.actual),
        note: stripVTControlCharacters(raw.mismatch ?? ''),
      };
  }
}

/**
 * Reads the verdict of a single-interaction run from pact's JSON (`passed` is whether the Verifier
 * resolved). Text that is not pact's JSON is an error pact raised before verifying.
 */
export function readPactVerdict(passed: boolean, json: string): PactVerdict {
  let parsed: {
    result?: boolean;
    interactionResults?: RawResult[];
    errors?: unknown[];
    pendingErrors?: unknown[];
  };
  try {
    parsed = JSON.parse(json) as typeof parsed;
  } catch {
    const firstLine = stripVTControlCharacters(json)
      .split('\n')
      .find((line) => line.trim() !== '');
    return { passed: false, pending: false, mismatches: [], error: firstLine ?? 'verification failed' };
  }
  const result = parsed.interactionResults?.[0];
  const pending = result?.pending === true;
  // Pact writes `"result":"OK"` or `"Error"` per interaction; a pending failure still resolves the Verifier.
  const failedHere =
    result !== undefined
      ? String(result.result ?? '').toUpperCase() !== 'OK' || result.mismatch !== undefined
      : !passed;
  const raw = result?.mismatch;
  const order = (m: Mismatch) =>
    ['method', 'path', 'query', 'status', 'header', 'body'].indexOf(m.where.split(' ')[0]!);
  const mismatches = (raw?.mismatches ?? []).map(describeMismatch).sort((a, b) => order(a) - order(b));
  const error =
    raw !== undefined && raw.type !== 'mismatches'
      ? stripVTControlCharacters(String(raw.message ?? raw.error ?? raw.type ?? 'verification error'))
      : undefined;
  const verdict: PactVerdict = { passed: passed && !failedHere, pending, mismatches };
  if (error !== undefined) verdict.error = error;
  else if (!verdict.passed && mismatches.length === 0)
    verdict.error = 'the provider did not answer as the pact expects';
  return verdict;
}
