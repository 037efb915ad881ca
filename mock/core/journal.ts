/**
 * @module
 * The request journal: a bounded ring buffer of what the simulator answered, for tests and demos.
 * It never holds a token, a secret or a password: only a few headers are kept, credentials reduced to their
 * scheme on the way in, credential parameters of the query string redacted, and bodies are kept only while
 * traffic recording is on, redacted (traffic-recorder.ts). Entries are stored lean (numbers, existing strings) and
 * shaped on read, because every entry outlives the young generation: per-request copies here showed up as
 * garbage-collection time in the benchmark.
 */

import type { RecordedExchange } from './traffic-recorder.ts';

/** One journal entry. */
export interface JournalEntry {
  seq: number;
  /** Simulator-clock time the request arrived (ISO). */
  time: string;
  method: string;
  path: string;
  query: string;
  status: number;
  /** The spec's operationId, a control-API or identity route name, or undefined for unknown routes. */
  operation: string | undefined;
  tenantId: string | undefined;
  /** Calling app (token `appid`), when the request was authenticated. */
  clientId: string | undefined;
  /** MDE error code of an error answer. */
  errorCode: string | undefined;
  /** Set when an injected fault produced the answer. */
  fault: { planId: string; kind: string } | undefined;
  /** Set when the call came before the Retry-After its caller was given had elapsed. */
  earlyRetry: { retryAfterSeconds: number; earlyByMs: number } | undefined;
  /** The request headers worth keeping (content-type, user-agent, client request ids), credentials redacted. */
  headers: Record<string, string>;
  remote: string | undefined;
  /** Time spent in the simulator (simulator clock, ms). */
  durationMs: number;
  /** Bodies, content headers and the state the call met: only while traffic recording is on (traffic-recorder.ts). */
  exchange?: RecordedExchange | undefined;
}

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'x-ms-client-secret', 'proxy-authorization']);
const KEPT_HEADERS = [
  'authorization',
  'content-type',
  'user-agent',
  'client-request-id',
  'x-ms-client-request-id',
];

/** Query parameters whose values are credentials (OAuth and OData clients put some in URLs). */
const SECRET_QUERY_NAMES = new Set(['client_secret', 'access_token', 'code', 'password', 'client_assertion']);

function isSecretParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_QUERY_NAMES.has(lower) || lower.includes('token') || lower.includes('secret');
}

/**
 * The query string as the journal keeps it: every parameter as sent, except credentials, whose values
 * become `[redacted]` (`?client_secret=…`, `?access_token=…`, `code`, `password`, `client_assertion`, any
 * name containing `token` or `secret`).
 */
export function journalQuery(query: string): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const rawName = equals === -1 ? part : part.slice(0, equals);
      let name: string;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        name = rawName;
      }
      return equals !== -1 && isSecretParameter(name) ? `${rawName}=[redacted]` : part;
    })
    .join('&');
}

/** What nearly every API call's credential becomes: one shared string, not a regex match and a copy each. */
const BEARER_REDACTED = 'Bearer [redacted]';

/** Replaces a credential with a marker that keeps only the scheme (`Bearer [redacted]`). */
function redact(value: string): string {
  if (value.startsWith('Bearer ')) return BEARER_REDACTED;
  const scheme = /^\s*(\S+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} [redacted]` : '[redacted]';
}

/** The headers the journal keeps, credentials redacted. */
export function journalHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = REDACTED_HEADERS.has(name) ? redact(value) : value;
  }
  return out;
}

/** What the simulator records per request: times as numbers, shaped into a JournalEntry on read. */
export interface JournalRecord extends Omit<JournalEntry, 'time'> {
  atMs: number;
}

/** A bounded ring buffer of entries. */
export class Journal {
  readonly #capacity: number;
  #entries: JournalRecord[] = [];
  #start = 0;
  #seq = 0;

  constructor(capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TypeError('journalCapacity must be an integer >= 1');
    this.#capacity = capacity;
  }

  /** Stores the record itself (no copy) and numbers it. Its `headers` must come from {@link journalHeaders}. */
  add(record: JournalRecord): void {
    this.#seq += 1;
    record.seq = this.#seq;
    if (this.#entries.length < this.#capacity) {
      this.#entries.push(record);
    } else {
      this.#entries[this.#start] = record;
      this.#start = (this.#start + 1) % this.#capacity;
    }
  }

  /** Entries oldest first, optionally only the last `limit` and only those matching `filter`. */
  list(filter: (entry: JournalEntry) => boolean = () => true, limit = this.#capacity): JournalEntry[] {
    const ordered = [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)]
      .map(toEntry)
      .filter(filter);
    return ordered.slice(Math.max(0, ordered.length - limit));
  }

  clear(): void {
    this.#entries = [];
    this.#start = 0;
  }
}

function toEntry(stored: JournalRecord): JournalEntry {
  const { seq, atMs, headers, ...rest } = stored;
  return { seq, time: new Date(atMs).toISOString(), ...rest, headers: { ...headers } };
}
