/**
 * @module
 * Everything a simulator remembers, in one owner: tenants (with their machines and actions), the seeds
 * they were made from, the domain index, quota settings, and the per-caller memories that go with them
 * (rate-limit windows, Retry-After tracking, fault plans, the journal). `reset(tenantId?)` lives here, so a
 * new piece of state is reset (and persisted) by the module that holds it, not by a second list elsewhere.
 */
import { ActivityFeed } from './activity-feed.ts';
import type { ApiOperation } from './api-routes.ts';
import { FaultInjector, type FaultPlanSnapshot } from './faults.ts';
import { Journal } from './journal.ts';
import { RateLimiter, type RateLimitWindow } from './rate-limiter.ts';
import { RetryTracker } from './retry-tracker.ts';
import type { TenantSeed } from './seed.ts';
import {
  type LifecycleOptions,
  type RetentionPolicy,
  type TenantSnapshot,
  TenantState,
} from './tenant-state.ts';

/** Quota setting of a tenant (or the default of every tenant). */
export interface RateLimitSetting {
  /** Whether quotas apply at all. @default true */
  enabled?: boolean;
  /** Windows per operationId replacing the spec's (`x-mde-rate-limits`). */
  limits?: Record<string, RateLimitWindow[]>;
}

/** A tenant's quotas as they apply: on or off, and the windows of every operation. */
export interface EffectiveRateLimits {
  enabled: boolean;
  limits: Record<string, RateLimitWindow[]>;
}

/** What {@link SimulatorState} is made from. */
export interface SimulatorStateOptions {
  tenants: readonly TenantSeed[];
  lifecycle: LifecycleOptions;
  retention: RetentionPolicy;
  /** The quota setting every tenant starts with (and returns to on reset). */
  rateLimits: RateLimitSetting;
  operations: readonly ApiOperation[];
  journalCapacity: number;
}

/** The persisted form of a simulator's state (see `snapshot()`); the clock is added by the simulator. */
export interface StateSnapshot {
  /** The seeds tenants are reset to. */
  seeds: TenantSeed[];
  tenants: TenantSnapshot[];
  /** Per-tenant quota settings set through the control surface. */
  rateLimits: Record<string, RateLimitSetting>;
  faults: FaultPlanSnapshot[];
}

/** The simulator's state and the one place it is reset. */
export class SimulatorState {
  readonly limiter = new RateLimiter();
  readonly retries = new RetryTracker();
  readonly faults = new FaultInjector();
  /** Every status every action took, for the live page's timeline. */
  readonly activity = new ActivityFeed();
  readonly journal: Journal;
  readonly #options: SimulatorStateOptions;
  readonly #seeds = new Map<string, TenantSeed>();
  readonly #tenants = new Map<string, TenantState>();
  readonly #tenantIdByDomain = new Map<string, string>();
  readonly #rateLimits = new Map<string, RateLimitSetting>();
  #changes = 0;

  constructor(options: SimulatorStateOptions) {
    this.#options = options;
    this.journal = new Journal(options.journalCapacity);
    for (const seed of options.tenants) this.addTenant(seed);
  }

  /**
   * Counts changes worth persisting (seeding, actions, quotas, faults, clock moves). A persister compares it
   * with the count it last saved; the request path only increments a number.
   */
  get changes(): number {
    return this.#changes;
  }

  /** Notes a change (the simulator calls this for every request that may change state). */
  changed(): void {
    this.#changes += 1;
  }

  /** A tenant by id (the token's `tid`, lower-cased by the caller on the hot path) . */
  tenantById(tenantId: string): TenantState | undefined {
    return this.#tenants.get(tenantId.toLowerCase());
  }

  /** A tenant by id or primary domain, case-insensitively. */
  findTenant(idOrDomain: string): TenantState | undefined {
    const key = idOrDomain.toLowerCase();
    return this.#tenants.get(key) ?? this.#tenants.get(this.#tenantIdByDomain.get(key) ?? '');
  }

  tenants(): IterableIterator<TenantState> {
    return this.#tenants.values();
  }

  /** Seeds a tenant, replacing one with the same id; the seed is what `reset` returns it to. */
  addTenant(seed: TenantSeed): TenantState {
    const tenant = this.#install(new TenantState(structuredClone(seed), this.#lifecycle, this.#retention));
    this.#seeds.set(tenant.id, structuredClone(seed));
    return tenant;
  }

  /**
   * Restores one tenant's seed (its machines, actions, quota setting, windows and retry memory), or, with no
   * id, every tenant and the simulator-wide memories too (faults, journal).
   * @returns false when the tenant has no seed.
   */
  reset(tenantId?: string): boolean {
    this.changed();
    if (tenantId === undefined) {
      this.#forgetAll();
      for (const seed of [...this.#seeds.values()]) this.addTenant(seed);
      return true;
    }
    const id = tenantId.toLowerCase();
    const seed = this.#seeds.get(id);
    if (!seed) return false;
    this.addTenant(seed);
    this.limiter.clear(`${id}|`);
    this.retries.clear(id);
    this.activity.clear(id);
    this.#rateLimits.delete(id);
    return true;
  }

  /** Replaces a tenant's quota setting (and forgets its windows, so the new limits start empty). */
  setRateLimits(tenantId: string, setting: RateLimitSetting): void {
    const id = tenantId.toLowerCase();
    this.#rateLimits.set(id, { enabled: setting.enabled ?? true, limits: { ...setting.limits } });
    this.limiter.clear(`${id}|`);
    this.changed();
  }

  /** The quotas that apply to a tenant, for every operation. */
  rateLimitsOf(tenantId: string): EffectiveRateLimits {
    const setting = this.#settingOf(tenantId.toLowerCase());
    return {
      enabled: setting.enabled ?? true,
      limits: Object.fromEntries(
        this.#options.operations.map((op) => [op.operationId, this.#windows(setting, op)]),
      ),
    };
  }

  /** The windows that apply to one call (none when quotas are off for the tenant). Hot path. */
  rateLimitsFor(tenantId: string, operation: ApiOperation): RateLimitWindow[] {
    const setting = this.#settingOf(tenantId);
    return setting.enabled === false ? [] : this.#windows(setting, operation);
  }

  /** The state as plain JSON (for persistence). */
  snapshot(): StateSnapshot {
    return {
      seeds: [...this.#seeds.values()].map((seed) => structuredClone(seed)),
      tenants: [...this.#tenants.values()].map((tenant) => tenant.snapshot()),
      rateLimits: Object.fromEntries(
        [...this.#rateLimits].map(([id, setting]) => [id, structuredClone(setting)]),
      ),
      faults: this.faults.snapshot(),
    };
  }

  /** Replaces the state with a snapshot's (windows, retry memory and journal start empty). */
  restore(snapshot: StateSnapshot): void {
    this.#forgetAll();
    this.#seeds.clear();
    for (const seed of snapshot.seeds) this.#seeds.set(seed.id.toLowerCase(), structuredClone(seed));
    for (const tenant of snapshot.tenants) {
      this.#install(TenantState.restore(tenant, this.#lifecycle, this.#retention));
    }
    for (const [id, setting] of Object.entries(snapshot.rateLimits)) this.#rateLimits.set(id, setting);
    this.faults.restore(snapshot.faults);
  }

  /** Everything but the seeds: what a full reset and a restore both start from. */
  #forgetAll(): void {
    this.#tenants.clear();
    this.#tenantIdByDomain.clear();
    this.#rateLimits.clear();
    this.limiter.clear();
    this.retries.clear();
    this.faults.clear();
    this.journal.clear();
    this.activity.clear();
  }

  get #lifecycle(): LifecycleOptions {
    return this.#options.lifecycle;
  }

  get #retention(): RetentionPolicy {
    return this.#options.retention;
  }

  #install(tenant: TenantState): TenantState {
    const previous = this.#tenants.get(tenant.id);
    if (previous) this.#tenantIdByDomain.delete(previous.domain);
    tenant.onStatusChange = (action, atMs) => this.activity.record(tenant.id, action, atMs);
    this.#tenants.set(tenant.id, tenant);
    this.#tenantIdByDomain.set(tenant.domain, tenant.id);
    this.changed();
    return tenant;
  }

  #settingOf(tenantId: string): RateLimitSetting {
    return this.#rateLimits.get(tenantId) ?? this.#options.rateLimits;
  }

  #windows(setting: RateLimitSetting, operation: ApiOperation): RateLimitWindow[] {
    return (
      setting.limits?.[operation.operationId] ??
      this.#options.rateLimits.limits?.[operation.operationId] ??
      operation.rateLimits
    );
  }
}
