/**
 * @module
 * The simulator's clock. Every time-dependent behaviour (timestamps, action lifecycles, rate-limit
 * windows, token expiry, injected latency) reads it, so a test can freeze time and move it by hand.
 */
import type { Clock } from './types.ts';

/** Options of {@link SimulatorClock}. */
export interface SimulatorClockOptions {
  /**
   * `running`: follows real time (plus any advance). `frozen`: stands still until advanced.
   * @default 'running'
   */
  mode?: 'running' | 'frozen';
  /** Start time in ms since the epoch (ISO string accepted). @default the current real time */
  startAt?: number | string;
}

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Real time with sub-millisecond precision (the service stamps 100 ns ticks). */
function realNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * A clock that can run with real time or be frozen, and can be advanced or set in either mode.
 * Sleepers wake when the clock passes their wake time, whichever way it gets there.
 */
export class SimulatorClock implements Clock {
  #mode: 'running' | 'frozen';
  /** In running mode: offset added to real time. In frozen mode: the frozen instant. */
  #offsetMs = 0;
  #frozenAt = 0;
  #sleepers = new Set<Sleeper>();

  constructor(options: SimulatorClockOptions = {}) {
    const startAt = parseTime(options.startAt ?? realNow(), 'startAt');
    this.#mode = options.mode ?? 'running';
    this.#offsetMs = startAt - realNow();
    this.#frozenAt = startAt;
  }

  get mode(): 'running' | 'frozen' {
    return this.#mode;
  }

  now(): number {
    return this.#mode === 'frozen' ? this.#frozenAt : realNow() + this.#offsetMs;
  }

  /** Stops time at the current instant. */
  freeze(): void {
    if (this.#mode === 'frozen') return;
    this.#frozenAt = this.now();
    this.#mode = 'frozen';
    for (const sleeper of this.#sleepers) clearTimeout(sleeper.timer);
  }

  /** Lets time flow again from the current instant. */
  resume(): void {
    if (this.#mode === 'running') return;
    this.#offsetMs = this.#frozenAt - realNow();
    this.#mode = 'running';
    for (const sleeper of this.#sleepers) this.#arm(sleeper);
  }

  /** Moves time forward by `ms` and wakes every sleeper whose time has come. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new TypeError(`advance: ms must be a finite number >= 0, got ${ms}`);
    this.setTime(this.now() + ms);
  }

  /** Jumps to an absolute time (ms since epoch or ISO string); time never moves backwards for sleepers. */
  setTime(at: number | string): void {
    const target = parseTime(at, 'at');
    if (this.#mode === 'frozen') this.#frozenAt = target;
    else this.#offsetMs = target - realNow();
    this.#wakeDue();
  }

  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = { wakeAt: this.now() + ms, resolve, timer: undefined };
      this.#sleepers.add(sleeper);
      if (this.#mode === 'running') this.#arm(sleeper);
    });
  }

  /** Wakes all sleepers (used on shutdown so nothing hangs). */
  wakeAll(): void {
    for (const sleeper of this.#sleepers) this.#wake(sleeper);
  }

  #arm(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    sleeper.timer = setTimeout(() => this.#wake(sleeper), Math.max(0, sleeper.wakeAt - this.now()));
  }

  #wake(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    this.#sleepers.delete(sleeper);
    sleeper.resolve();
  }

  #wakeDue(): void {
    const now = this.now();
    for (const sleeper of this.#sleepers) {
      if (sleeper.wakeAt <= now) this.#wake(sleeper);
      else if (this.#mode === 'running') this.#arm(sleeper);
    }
  }
}

function parseTime(value: number | string, name: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms))
    throw new TypeError(`${name} must be a time in ms since the epoch or an ISO string`);
  return ms;
}
