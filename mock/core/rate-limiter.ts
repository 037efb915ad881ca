/**
 * @module
 * MDE's per-key call quotas: for each key (destination + tenant + app, as the recorded 429 names it)
 * several sliding windows at once (100 per minute and 1500 per hour for the machine-action APIs).
 *
 * Each window keeps the times of the admitted calls still inside it in a growable ring buffer: a call is
 * admitted while fewer than `limit` of them remain, else when the oldest leaves the window. That is exact
 * (no approximation at window edges) and amortized O(1) per call. Limits above 10,000 (load tests raise
 * them to millions) count calls in 2048 buckets per window instead: constant memory per key, at most one
 * bucket of lateness, never early. Idle keys are evicted.
 */

/** One quota window, as the spec's `x-mde-rate-limits` declares it. */
export interface RateLimitWindow {
  limit: number;
  windowSeconds: number;
}

/** A window and how much of it the calls so far use. */
export interface WindowUsage extends RateLimitWindow {
  /** Admitted calls still inside the window. */
  used: number;
  remaining: number;
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

/** One window's record of admitted calls. */
interface WindowLog {
  readonly window: RateLimitWindow;
  /** Time at which a call is admitted again (`now` or earlier when there is room). */
  admitsAt(now: number): number;
  /** Calls still counted in the window at `now`. */
  usedAt(now: number): number;
  record(now: number): void;
}

/** Limits up to this are counted call by call (exact to the millisecond); larger ones in time buckets. */
export const EXACT_LIMIT_MAX = 10_000;

/** Buckets per window for large limits: memory per key stays constant whatever the traffic. */
const BUCKETS_PER_WINDOW = 2048;

/** The service's quotas (100, 1500) and anything up to {@link EXACT_LIMIT_MAX}: every call's time, exactly. */
class ExactWindowLog implements WindowLog {
  readonly window: RateLimitWindow;
  readonly #windowMs: number;
  /** Times of the admitted calls still inside the window, oldest at `#head`, as a growable ring. */
  #times = new Float64Array(16);
  #head = 0;
  #count = 0;

  constructor(window: RateLimitWindow) {
    this.window = window;
    this.#windowMs = window.windowSeconds * 1000;
  }

  admitsAt(now: number): number {
    this.#forgetBefore(now - this.#windowMs);
    if (this.#count < this.window.limit) return Number.NEGATIVE_INFINITY;
    return this.#times[this.#head]! + this.#windowMs;
  }

  /** Calls still counted in the window at `now`. */
  usedAt(now: number): number {
    this.#forgetBefore(now - this.#windowMs);
    return this.#count;
  }

  record(now: number): void {
    if (this.#count === this.#times.length) this.#grow();
    this.#times[(this.#head + this.#count) % this.#times.length] = now;
    this.#count += 1;
  }

  /** Calls that left the window no longer count (nor take memory). */
  #forgetBefore(oldestKept: number): void {
    while (this.#count > 0 && this.#times[this.#head]! <= oldestKept) {
      this.#head = (this.#head + 1) % this.#times.length;
      this.#count -= 1;
    }
  }

  #grow(): void {
    const grown = new Float64Array(this.#times.length * 2);
    for (let i = 0; i < this.#count; i++) grown[i] = this.#times[(this.#head + i) % this.#times.length]!;
    this.#times = grown;
    this.#head = 0;
  }
}

/**
 * Load-test limits (above {@link EXACT_LIMIT_MAX}): calls counted per bucket of 1/2048 of the window, each
 * taken as made at its bucket's end, so a call leaves the window at most one bucket late (1.8 s for an
 * hour) and never early: waiting Retry-After still always succeeds. Memory is constant per key.
 */
class BucketedWindowLog implements WindowLog {
  readonly window: RateLimitWindow;
  readonly #windowMs: number;
  readonly #bucketMs: number;
  /** Ring of [bucket start, calls] pairs, oldest at `#head`. */
  readonly #starts: Float64Array;
  readonly #counts: Float64Array;
  #head = 0;
  #size = 0;
  #total = 0;

  constructor(window: RateLimitWindow) {
    this.window = window;
    this.#windowMs = window.windowSeconds * 1000;
    this.#bucketMs = Math.ceil(this.#windowMs / BUCKETS_PER_WINDOW);
    const capacity = Math.ceil(this.#windowMs / this.#bucketMs) + 3;
    this.#starts = new Float64Array(capacity);
    this.#counts = new Float64Array(capacity);
  }

  admitsAt(now: number): number {
    const capacity = this.#starts.length;
    this.#forgetBefore(now);
    if (this.#total < this.window.limit) return Number.NEGATIVE_INFINITY;
    let remaining = this.#total;
    for (let i = 0; i < this.#size; i++) {
      const at = (this.#head + i) % capacity;
      remaining -= this.#counts[at]!;
      if (remaining < this.window.limit) return this.#starts[at]! + this.#bucketMs + this.#windowMs;
    }
    return now;
  }

  usedAt(now: number): number {
    this.#forgetBefore(now);
    return this.#total;
  }

  /** A bucket leaves the window once its end is a window old. */
  #forgetBefore(now: number): void {
    const capacity = this.#starts.length;
    while (this.#size > 0 && this.#starts[this.#head]! + this.#bucketMs + this.#windowMs <= now) {
      this.#total -= this.#counts[this.#head]!;
      this.#head = (this.#head + 1) % capacity;
      this.#size -= 1;
    }
  }

  record(now: number): void {
    const capacity = this.#starts.length;
    const start = Math.floor(now / this.#bucketMs) * this.#bucketMs;
    const last = (this.#head + this.#size - 1) % capacity;
    if (this.#size > 0 && this.#starts[last] === start) {
      this.#counts[last]! += 1;
    } else {
      // admitsAt ran first and dropped what left the window, so there is room (capacity covers a window).
      const at = (this.#head + this.#size) % capacity;
      this.#starts[at] = start;
      this.#counts[at] = 1;
      this.#size += 1;
    }
    this.#total += 1;
  }
}

function windowLog(window: RateLimitWindow): WindowLog {
  return window.limit <= EXACT_LIMIT_MAX ? new ExactWindowLog(window) : new BucketedWindowLog(window);
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
      state = { logs: windows.map(windowLog), lastUsedAt: now };
      this.#keys.set(key, state);
      if (this.#keys.size > this.#maxIdleKeys) this.#evictIdle(now);
    }
    let refusing: WindowLog | undefined;
    let admitsAt = Number.NEGATIVE_INFINITY;
    for (const log of state.logs) {
      const at = log.admitsAt(now);
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

  /** How full each window of every key (under `prefix`) is at `now`: for the live page's quota view. */
  usage(now: number, prefix = ''): { key: string; windows: WindowUsage[] }[] {
    const out: { key: string; windows: WindowUsage[] }[] = [];
    for (const [key, state] of this.#keys) {
      if (!key.startsWith(prefix)) continue;
      out.push({
        key,
        windows: state.logs.map((log) => {
          const used = log.usedAt(now);
          return { ...log.window, used, remaining: Math.max(0, log.window.limit - used) };
        }),
      });
    }
    return out;
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
