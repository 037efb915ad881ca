/**
 * @module
 * MDE's per-key call quotas: for each key (destination + tenant + app, as the recorded 429 names it)
 * several sliding windows at once (100 per minute and 1500 per hour for the machine-action APIs).
 *
 * Each window keeps the times of the last `limit` admitted calls in a ring buffer: a call is admitted
 * when the oldest of them has left the window. That is exact (no approximation at window edges), O(1)
 * in time per call, and O(limit) memory per key — a constant. Idle keys are evicted.
 */

/** One quota window, as the spec's `x-mde-rate-limits` declares it. */
export interface RateLimitWindow {
  limit: number;
  windowSeconds: number;
}

/** Outcome of {@link RateLimiter.take}. */
export type RateDecision =
  | { admitted: true }
  | {
      admitted: false;
      /** The window that refused the call. */
      window: RateLimitWindow;
      /** Whole seconds, rounded up, until the call would be admitted. */
      retryAfterSeconds: number;
    };

class WindowLog {
  readonly window: RateLimitWindow;
  readonly #times: Float64Array;
  #next = 0;
  #count = 0;

  constructor(window: RateLimitWindow) {
    this.window = window;
    this.#times = new Float64Array(window.limit);
  }

  /** Time at which a call is admitted again (`now` or earlier when there is room). */
  admitsAt(): number {
    if (this.#count < this.window.limit) return Number.NEGATIVE_INFINITY;
    return this.#times[this.#next]! + this.window.windowSeconds * 1000;
  }

  record(now: number): void {
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.window.limit;
    if (this.#count < this.window.limit) this.#count += 1;
  }
}

interface KeyState {
  logs: WindowLog[];
  lastUsedAt: number;
}

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** Keys idle for longer than the longest window are dropped once there are more than this. @default 10000 */
  maxIdleKeys?: number;
}

/** Sliding-window quotas per key. */
export class RateLimiter {
  readonly #keys = new Map<string, KeyState>();
  readonly #maxIdleKeys: number;

  constructor(options: RateLimiterOptions = {}) {
    this.#maxIdleKeys = options.maxIdleKeys ?? 10_000;
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#keys.size;
  }

  /** Admits and records a call, or says which window refuses it and for how long. A refused call is not recorded. */
  take(key: string, windows: readonly RateLimitWindow[], now: number): RateDecision {
    let state = this.#keys.get(key);
    if (!state) {
      state = { logs: windows.map((window) => new WindowLog(window)), lastUsedAt: now };
      this.#keys.set(key, state);
      if (this.#keys.size > this.#maxIdleKeys) this.#evictIdle(now);
    }
    let refusing: WindowLog | undefined;
    let admitsAt = Number.NEGATIVE_INFINITY;
    for (const log of state.logs) {
      const at = log.admitsAt();
      if (at > now && at > admitsAt) {
        admitsAt = at;
        refusing = log;
      }
    }
    if (refusing) {
      return {
        admitted: false,
        window: refusing.window,
        retryAfterSeconds: Math.max(1, Math.ceil((admitsAt - now) / 1000)),
      };
    }
    for (const log of state.logs) log.record(now);
    state.lastUsedAt = now;
    // Keep map order = recency so eviction looks at the stalest keys first.
    this.#keys.delete(key);
    this.#keys.set(key, state);
    return { admitted: true };
  }

  /** Forgets every key whose prefix matches (e.g. one tenant), or everything. */
  clear(prefix?: string): void {
    if (prefix === undefined) {
      this.#keys.clear();
      return;
    }
    for (const key of this.#keys.keys()) if (key.startsWith(prefix)) this.#keys.delete(key);
  }

  #evictIdle(now: number): void {
    for (const [key, state] of this.#keys) {
      const longestMs = Math.max(...state.logs.map((log) => log.window.windowSeconds * 1000));
      if (now - state.lastUsedAt < longestMs) break; // map is in recency order
      this.#keys.delete(key);
    }
  }
}

/** `00:01:00` for 60 seconds, `01:00:00` for 3600: the .NET TimeSpan format the 429 message uses. */
export function formatTimeSpan(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** The 429 message as the service words it (payload 07). */
export function quotaExceededMessage(window: RateLimitWindow, retryAfterSeconds: number): string {
  return (
    `API calls quota exceeded! Maximum allowed ${window.limit} per ${formatTimeSpan(window.windowSeconds)} ` +
    `for the key Destination+TenantID+AppID. You can send requests again in ${retryAfterSeconds} seconds.`
  );
}
