/**
 * @module
 * The activity feed: every status an action took (Pending when created, then InProgress, Succeeded, Failed,
 * TimeOut, Cancelled), stamped with the simulator time it took it, numbered so a reader asks only for what
 * is new (`GET /_sim/events?after=<seq>`). The live page draws its timeline from it. Lifecycle transitions
 * are applied lazily (decision 002), so a reader settles the tenants before reading; a jump of the clock
 * still yields every intermediate status with its own time. Bounded like the journal.
 */
import type { ControlSchemas } from './control-schemas.ts';
import type { StoredAction } from './tenant-state.ts';

/** One status an action took (schema `ActivityEvent` of openapi/mde-sim-control.yaml). */
export type ActivityEvent = ControlSchemas['ActivityEvent'];

/**
 * What a reader gets: the events after its cursor (`generation` changes on a reset; `latest` is the next
 * `after`; `truncated` when events after the cursor were already dropped). Schema `ActivityPage`.
 */
export type ActivityPage = ControlSchemas['ActivityPage'];

interface ActivityRecord extends Omit<ActivityEvent, 'time'> {
  atMs: number;
}

/** A bounded, numbered list of action status changes. */
export class ActivityFeed {
  readonly #capacity: number;
  #records: ActivityRecord[] = [];
  #seq = 0;
  #generation = 1;

  constructor(capacity = 2000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new TypeError('capacity must be an integer >= 1');
    this.#capacity = capacity;
  }

  /** Notes the status `action` has now, taken at `atMs`. */
  record(tenantId: string, action: Readonly<StoredAction>, atMs: number): void {
    this.#seq += 1;
    this.#records.push({
      seq: this.#seq,
      atMs,
      tenantId,
      actionId: action.id,
      type: action.type,
      status: action.status,
      machineId: action.machineId ?? null,
      computerDnsName: action.computerDnsName ?? null,
      requestor: action.requestor ?? null,
    });
    // Amortized: trim by a chunk once over the bound, not one element per call.
    if (this.#records.length > this.#capacity * 1.25) this.#records = this.#records.slice(-this.#capacity);
  }

  /** Events with seq > `after`, oldest first, at most `limit` (the newest ones when more are waiting). */
  since(after: number, options: { limit?: number; tenantId?: string } = {}): ActivityPage {
    const kept = this.#records.slice(-this.#capacity);
    const oldest = kept[0]?.seq ?? this.#seq + 1;
    const matching = kept.filter(
      (record) =>
        record.seq > after && (options.tenantId === undefined || record.tenantId === options.tenantId),
    );
    const limited = matching.slice(Math.max(0, matching.length - (options.limit ?? this.#capacity)));
    return {
      generation: this.#generation,
      latest: this.#seq,
      truncated: after + 1 < oldest || limited.length < matching.length,
      events: limited.map(({ atMs, ...rest }) => ({ ...rest, time: new Date(atMs).toISOString() })),
    };
  }

  /** Forgets one tenant's events, or all of them; readers see a new generation. */
  clear(tenantId?: string): void {
    this.#records = tenantId === undefined ? [] : this.#records.filter((r) => r.tenantId !== tenantId);
    this.#generation += 1;
  }
}
