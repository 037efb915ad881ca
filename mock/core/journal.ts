/**
 * @module
 * The request journal: a bounded ring buffer of what the simulator answered, for tests and demos.
 * It never holds a token, a secret or a password: headers are redacted on the way in, bodies are not kept.
 */

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
  /** Request headers with credentials redacted. */
  headers: Record<string, string>;
  remote: string | undefined;
  /** Time spent in the simulator (simulator clock, ms). */
  durationMs: number;
}

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'x-ms-client-secret', 'proxy-authorization']);

/** Copies headers, replacing credentials with a marker that keeps only the scheme. */
export function redactHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (REDACTED_HEADERS.has(name)) {
      const scheme = /^\s*(\S+)\s/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} [redacted]` : '[redacted]';
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** A bounded ring buffer of entries. */
export class Journal {
  readonly #capacity: number;
  #entries: JournalEntry[] = [];
  #start = 0;
  #seq = 0;

  constructor(capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TypeError('journalCapacity must be an integer >= 1');
    this.#capacity = capacity;
  }

  add(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    this.#seq += 1;
    const full: JournalEntry = { seq: this.#seq, ...entry };
    if (this.#entries.length < this.#capacity) {
      this.#entries.push(full);
    } else {
      this.#entries[this.#start] = full;
      this.#start = (this.#start + 1) % this.#capacity;
    }
    return full;
  }

  /** Entries oldest first, optionally only the last `limit` and only those matching `filter`. */
  list(filter: (entry: JournalEntry) => boolean = () => true, limit = this.#capacity): JournalEntry[] {
    const ordered = [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)].filter(
      filter,
    );
    return ordered.slice(Math.max(0, ordered.length - limit));
  }

  clear(): void {
    this.#entries = [];
    this.#start = 0;
  }
}
