/**
 * @module
 * Remembers the Retry-After each caller was last given, so the journal can flag a call that came back
 * too early and the control API can say whether a client honoured Retry-After (as data a test reads).
 */

/** Per caller (tenant + app) and operation: how it behaved after being throttled. */
export interface RetrySummary {
  tenantId: string;
  clientId: string;
  operationId: string;
  /** 429 answers given. */
  throttled: number;
  /** Calls made before the last Retry-After had elapsed. */
  earlyRetries: number;
  /** Calls made after a 429 once its Retry-After had elapsed. */
  honouredRetries: number;
}

interface Entry {
  summary: RetrySummary;
  retryAt: number | undefined;
  retryAfterSeconds: number;
}

/** Tracks Retry-After per (tenant, app, operation). Bounded: the oldest callers are forgotten first. */
export class RetryTracker {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** Notes a call; returns how early it was if it came before the Retry-After it was given. */
  observe(
    tenantId: string,
    clientId: string,
    operationId: string,
    now: number,
  ): { retryAfterSeconds: number; earlyByMs: number } | undefined {
    const entry = this.#entries.get(`${tenantId}|${clientId}|${operationId}`);
    if (entry?.retryAt === undefined) return undefined;
    if (now < entry.retryAt) {
      entry.summary.earlyRetries += 1;
      return { retryAfterSeconds: entry.retryAfterSeconds, earlyByMs: entry.retryAt - now };
    }
    entry.summary.honouredRetries += 1;
    entry.retryAt = undefined;
    return undefined;
  }

  /** Notes a 429 with its Retry-After. */
  throttled(
    tenantId: string,
    clientId: string,
    operationId: string,
    now: number,
    retryAfterSeconds: number,
  ): void {
    const key = `${tenantId}|${clientId}|${operationId}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = {
        summary: { tenantId, clientId, operationId, throttled: 0, earlyRetries: 0, honouredRetries: 0 },
        retryAt: undefined,
        retryAfterSeconds,
      };
      this.#entries.set(key, entry);
      if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
    }
    entry.summary.throttled += 1;
    entry.retryAt = now + retryAfterSeconds * 1000;
    entry.retryAfterSeconds = retryAfterSeconds;
  }

  summaries(tenantId?: string): RetrySummary[] {
    const all = [...this.#entries.values()].map((entry) => ({ ...entry.summary }));
    return tenantId === undefined ? all : all.filter((summary) => summary.tenantId === tenantId);
  }

  clear(tenantId?: string): void {
    if (tenantId === undefined) this.#entries.clear();
    else
      for (const key of this.#entries.keys()) if (key.startsWith(`${tenantId}|`)) this.#entries.delete(key);
  }
}
