/**
 * @module
 * Fault injection: plans that make matching API calls answer with a given status and body, wait, or
 * drop the connection. A plan fires on the next N matching calls or on a seeded fraction of them, so
 * the same seed gives the same sequence of faults. Injected faults are expected behaviour, logged as
 * such, never confused with a simulator bug.
 */
import { createRandom, type RandomSource } from './random.ts';

/** What a plan does to a call it fires on. */
export type FaultEffect =
  | {
      kind: 'status';
      /** HTTP status to answer, e.g. 500, 503, 429, 400. */
      status: number;
      /** MDE error code. @default by status: InternalServerError, ServiceUnavailable, '429', ActiveRequestAlreadyExists... */
      code?: string;
      message?: string;
      /** For a 429 (or 503): the Retry-After to send, in seconds. */
      retryAfterSeconds?: number;
    }
  | {
      kind: 'latency';
      /** Fixed delay on the simulator clock (ms). */
      delayMs?: number;
      /** Or a uniform seeded delay in [minMs, maxMs]. */
      minMs?: number;
      maxMs?: number;
    }
  | { kind: 'drop' };

/** Which calls a plan applies to; omitted fields match everything. */
export interface FaultMatch {
  operationId?: string;
  tenantId?: string;
  machineId?: string;
}

/** A fault plan, as given to the control API. */
export interface FaultPlanInput {
  /** Names the plan in the journal. @default a generated id */
  id?: string;
  match?: FaultMatch;
  effect: FaultEffect;
  /** Fire on the next `count` matching calls, then retire. */
  count?: number;
  /** Or fire on this fraction of matching calls (0..1), chosen by a seeded random source. */
  probability?: number;
  /** Seed of the plan's random source (fraction and latency draws). @default the plan id */
  seed?: number | string;
}

/** A plan as stored, with what it has done. */
export interface FaultPlan extends FaultPlanInput {
  id: string;
  fired: number;
}

/** What the pipeline does for a call a plan fired on. */
export interface FaultDecision {
  plan: FaultPlan;
  effect: FaultEffect;
  /** For latency: the drawn delay (ms). */
  delayMs: number;
}

interface PlanState {
  plan: FaultPlan;
  random: RandomSource;
  /** Numbers drawn from `random` so far, so a restored plan continues the same sequence. */
  draws: number;
}

/** A plan as persisted: the plan and how far its seeded sequence has gone. */
export interface FaultPlanSnapshot {
  plan: FaultPlan;
  draws: number;
}

/** The set of active plans. */
export class FaultInjector {
  #plans: PlanState[] = [];
  #nextId = 1;

  /** Adds a plan (already checked against the control API's FaultPlanInput schema). */
  add(input: FaultPlanInput): FaultPlan {
    const id = input.id ?? `fault-${this.#nextId++}`;
    const plan: FaultPlan = { ...input, id, fired: 0 };
    this.#plans.push({ plan, random: createRandom(input.seed ?? id), draws: 0 });
    return plan;
  }

  /** The plans with their random positions, for persistence. */
  snapshot(): FaultPlanSnapshot[] {
    return this.#plans.map(({ plan, draws }) => ({ plan: structuredClone(plan), draws }));
  }

  /** Replaces the plans with persisted ones, each continuing its seeded sequence where it stopped. */
  restore(snapshots: readonly FaultPlanSnapshot[]): void {
    this.#plans = snapshots.map(({ plan, draws }) => {
      const random = createRandom(plan.seed ?? plan.id);
      for (let i = 0; i < draws; i++) random.next();
      return { plan: structuredClone(plan), random, draws };
    });
    const numbered = this.#plans.map(({ plan }) => /^fault-(\d+)$/.exec(plan.id)?.[1]).filter(Boolean);
    this.#nextId = Math.max(0, ...numbered.map(Number)) + 1;
  }

  /** Whether any plan is active (the pipeline skips fault matching entirely when none is). */
  get active(): boolean {
    return this.#plans.length > 0;
  }

  list(): FaultPlan[] {
    return this.#plans.map(({ plan }) => ({ ...plan }));
  }

  remove(id: string): boolean {
    const before = this.#plans.length;
    this.#plans = this.#plans.filter(({ plan }) => plan.id !== id);
    return this.#plans.length !== before;
  }

  clear(): void {
    this.#plans = [];
  }

  /** The first plan that fires on this call, if any (count-based plans retire once spent). */
  decide(call: {
    operationId: string;
    tenantId: string;
    machineId: string | undefined;
  }): FaultDecision | undefined {
    for (const state of this.#plans) {
      const { plan } = state;
      if (!matchesCall(plan.match, call)) continue;
      if (plan.count !== undefined && plan.fired >= plan.count) continue;
      if (plan.probability !== undefined) {
        state.draws += 1;
        if (state.random.next() >= plan.probability) continue;
      }
      plan.fired += 1;
      const { effect } = plan;
      let delayMs = 0;
      if (effect.kind === 'latency' && effect.delayMs === undefined) state.draws += 1;
      if (effect.kind === 'latency') {
        delayMs =
          effect.delayMs ??
          (effect.minMs ?? 0) + state.random.next() * ((effect.maxMs ?? 0) - (effect.minMs ?? 0));
      }
      return { plan: { ...plan }, effect, delayMs };
    }
    return undefined;
  }
}

function matchesCall(
  match: FaultMatch | undefined,
  call: { operationId: string; tenantId: string; machineId: string | undefined },
): boolean {
  if (!match) return true;
  if (match.operationId !== undefined && match.operationId !== call.operationId) return false;
  if (match.tenantId !== undefined && match.tenantId.toLowerCase() !== call.tenantId) return false;
  if (match.machineId !== undefined && match.machineId.toLowerCase() !== call.machineId?.toLowerCase())
    return false;
  return true;
}
