/**
 * @module
 * One tenant's machines and machine actions, with the indexes that keep every action call O(1):
 * actions by id, actions by machine, and the active action per (machine, type). The action lifecycle
 * (Pending → InProgress → Succeeded/Failed, TimeOut, Cancelled) is driven lazily by the clock: due
 * transitions sit in a min-heap and are applied, with their own timestamps, before each request reads.
 * A Succeeded action changes its machine's simulated state (restriction, isolation, last scan,
 * quarantined files, offboarding: `MachineRecord.behaviour`, never the wire entity's keys). The tenant
 * also keeps the investigation-package links getPackageUri hands out. All of it is in the snapshot.
 */
import type { Machine, MachineAction, MachineActionStatus, MachineActionType } from '../../openapi/index.ts';
import { ActionLog } from './action-log.ts';
import { MinHeap } from './min-heap.ts';
import type { MachineBehaviour, MachineSeed, TenantSeed } from './seed.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';
import type { AppRegistration, ManagedIdentity, UserAccount } from './types.ts';

/** Timing of the action lifecycle. */
export interface LifecycleOptions {
  /** How long an online machine takes to pick up a Pending action (→ InProgress). @default 5000 */
  pickupDelayMs: number;
  /** How long an action runs before it ends Succeeded or Failed. @default 15000 */
  executionMs: number;
  /**
   * A Pending action on a machine that stays offline ends TimeOut this long after creation.
   * Inferred (mde-api.md decisions: 3 days, by analogy with live response's queue). @default 259200000
   */
  offlineTimeoutMs: number;
}

/** `errorHResult` of an action that ended Failed (E_FAIL; inferred: no capture shows a failed action). */
export const FAILED_ACTION_HRESULT = -2147467259;

/** The wire MachineAction without `@odata.context`, in wire key order. */
export type StoredAction = Omit<MachineAction, '@odata.context'>;

interface ActionRecord {
  action: StoredAction;
  createdAtMs: number;
  /** Bumped whenever the planned transition changes, so stale heap entries are skipped. */
  version: number;
  /** The transition planned next (kept for persistence); undefined once final. */
  next: PlannedTransition | undefined;
  /** When the action reached its final status (simulator clock), for retention. */
  finishedAtMs: number | undefined;
  /** Set once retention dropped it (the action logs skip it). */
  dropped: boolean;
}

/** A lifecycle transition planned for an action. */
export interface PlannedTransition {
  atMs: number;
  to: MachineActionStatus;
}

/**
 * How long final actions (Succeeded, Failed, TimeOut, Cancelled) are kept. Pending and InProgress actions
 * are never dropped. The service keeps action history for months (the portal shows 180 days); the simulator
 * keeps less by default so memory stays bounded under a long load test (inferred, configurable).
 */
export interface RetentionPolicy {
  /** Final actions older than this (since they ended, simulator clock) are dropped; null keeps them. @default 30 days */
  maxAgeMs: number | null;
  /** At most this many final actions per tenant, the oldest dropped first; null keeps them all. @default 50000 */
  maxFinalActions: number | null;
}

/** The default retention: 30 simulated days, 50,000 final actions per tenant. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  maxFinalActions: 50_000,
};

/** One stored action as persisted: the wire action, when it was created and what it does next. */
export interface ActionSnapshot {
  action: StoredAction;
  createdAtMs: number;
  finishedAtMs?: number;
  next?: PlannedTransition;
}

/** A tenant as persisted: its current identity and machines (seed form), its actions and package links. */
export interface TenantSnapshot {
  seed: TenantSeed;
  actions: ActionSnapshot[];
  packageLinks?: PackageLink[];
}

/** A download link to an investigation package, handed out by getPackageUri. */
export interface PackageLink {
  /** The `token` query parameter of the link (64 hex characters). */
  token: string;
  /** The CollectInvestigationPackage action whose package it serves. */
  actionId: string;
  /** Simulator-clock time after which the download is refused. */
  expiresAtMs: number;
}

/** How many package links a tenant keeps (the oldest go first); a link lives minutes, so this is plenty. */
const MAX_PACKAGE_LINKS = 1000;

/** The Offboard action stops the sensor; the device shows Inactive this long after (I5: "7 days"). */
export const OFFBOARDED_INACTIVE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

interface ScheduledTransition {
  record: ActionRecord;
  version: number;
  to: MachineActionStatus;
}

/** A machine and how it behaves (its simulated state beside the wire entity). */
export interface MachineRecord {
  entity: Machine;
  behaviour: Required<Pick<MachineBehaviour, 'online' | 'outcome' | 'restricted' | 'isolation'>> &
    Omit<MachineBehaviour, 'online' | 'outcome' | 'restricted' | 'isolation'>;
}

const TERMINAL: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'TimeOut', 'Cancelled']);

/** Whether a status is final. */
export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** Fields of a new action the caller decides. */
export interface NewAction {
  type: MachineActionType;
  machine: MachineRecord;
  requestor: string;
  requestorComment: string;
  /** `Full`/`Selective`/`UnManagedDevice` for isolation, `Quick`/`Full` for a scan. @default null */
  scope?: string | null;
  /** The file of a StopAndQuarantineFile action. @default null */
  relatedFileInfo?: StoredAction['relatedFileInfo'];
}

/** One tenant's state. */
export class TenantState {
  readonly id: string;
  readonly domain: string;
  readonly displayName: string;
  readonly apps: AppRegistration[];
  readonly users: UserAccount[];
  readonly managedIdentities: ManagedIdentity[];
  readonly #lifecycle: LifecycleOptions;
  readonly #machines = new Map<string, MachineRecord>();
  readonly #machineIdByName = new Map<string, string>();
  readonly #actions = new Map<string, ActionRecord>();
  /** Every action in creation order, and each machine's: read newest first for `$top` lists. */
  readonly #log = new ActionLog<ActionRecord>();
  readonly #actionsByMachine = new Map<string, ActionLog<ActionRecord>>();
  readonly #activeByMachineAndType = new Map<string, ActionRecord>();
  readonly #schedule = new MinHeap<ScheduledTransition>();
  readonly #appsById = new Map<string, AppRegistration>();
  readonly #usersById = new Map<string, UserAccount>();
  /**
   * Told of every status an action takes (Pending at creation, then each transition), with the simulator
   * time it took it: the activity feed behind the live page's timeline. Transitions are applied lazily, so
   * the call may come later than `atMs`, but never out of order for one action.
   */
  onStatusChange: ((action: Readonly<StoredAction>, atMs: number) => void) | undefined = undefined;
  readonly #retention: RetentionPolicy;
  /** Final actions in the order they ended: retention drops from the front. */
  #finished: ActionRecord[] = [];
  #finishedHead = 0;
  /** Package download links by token, oldest first (Map order). */
  readonly #packageLinks = new Map<string, PackageLink>();
  /** Offboarded machines not yet shown Inactive, with when they will be (usually empty). */
  #inactiveDue: { record: MachineRecord; atMs: number }[] = [];

  constructor(seed: TenantSeed, lifecycle: LifecycleOptions, retention: RetentionPolicy = DEFAULT_RETENTION) {
    this.id = seed.id.toLowerCase();
    this.domain = seed.domain.toLowerCase();
    this.displayName = seed.displayName;
    this.apps = seed.apps.map((app) => ({ ...app }));
    this.users = seed.users.map((user) => ({ ...user }));
    this.managedIdentities = (seed.managedIdentities ?? []).map((identity) => ({ ...identity }));
    for (const app of this.apps) this.#appsById.set(app.clientId.toLowerCase(), app);
    for (const user of this.users) this.#usersById.set(user.objectId.toLowerCase(), user);
    this.#lifecycle = lifecycle;
    this.#retention = retention;
    for (const machine of seed.machines) this.addMachine(machine);
    // A seed's history: final actions with the times they carry (validateTenantSeed checked them).
    for (const given of seed.history ?? []) {
      const action = historyAction(given, this.#machines.get(String(given.machineId).toLowerCase()));
      this.#restoreAction({
        action,
        createdAtMs: parseTimestamp(action.creationDateTimeUtc),
        finishedAtMs: parseTimestamp(action.lastUpdateDateTimeUtc),
      });
    }
  }

  /** Rebuilds a tenant from its snapshot: machines, actions and their planned transitions. */
  static restore(
    snapshot: TenantSnapshot,
    lifecycle: LifecycleOptions,
    retention: RetentionPolicy = DEFAULT_RETENTION,
  ): TenantState {
    const tenant = new TenantState(snapshot.seed, lifecycle, retention);
    for (const stored of snapshot.actions) tenant.#restoreAction(stored);
    for (const link of snapshot.packageLinks ?? []) tenant.#packageLinks.set(link.token, { ...link });
    return tenant;
  }

  /**
   * The tenant as plain JSON: machines with their current behaviour, and every stored action. The actions
   * are the live objects (copying 50,000 of them took longer than serializing them): serialize or clone
   * the result before the simulator handles another request.
   */
  snapshot(): TenantSnapshot {
    return {
      seed: {
        id: this.id,
        domain: this.domain,
        displayName: this.displayName,
        apps: this.apps.map((app) => structuredClone(app)),
        users: this.users.map((user) => structuredClone(user)),
        machines: [...this.#machines.values()].map((record) => {
          const { '@odata.context': _wireOnly, ...entity } = structuredClone(record.entity);
          // Seeded machines always have a name (the seed schema requires one).
          return {
            ...entity,
            computerDnsName: entity.computerDnsName ?? record.entity.id,
            sim: structuredClone(record.behaviour),
          };
        }),
      },
      packageLinks: [...this.#packageLinks.values()].map((link) => ({ ...link })),
      actions: [...this.#actions.values()].map((record) => ({
        action: record.action,
        createdAtMs: record.createdAtMs,
        ...(record.finishedAtMs === undefined ? {} : { finishedAtMs: record.finishedAtMs }),
        ...(record.next === undefined ? {} : { next: { ...record.next } }),
      })),
    };
  }

  /** How many actions are stored (all statuses). */
  get actionCount(): number {
    return this.#actions.size;
  }

  #restoreAction(stored: ActionSnapshot): void {
    const action = structuredClone(stored.action);
    const record: ActionRecord = {
      action,
      createdAtMs: stored.createdAtMs,
      version: 0,
      next: undefined,
      finishedAtMs: stored.finishedAtMs,
      dropped: false,
    };
    this.#actions.set(action.id.toLowerCase(), record);
    this.#logAction(record);
    if (isTerminal(action.status)) {
      this.#finished.push(record);
      return;
    }
    this.#activeByMachineAndType.set(activeKeyOf(action), record);
    if (stored.next) this.#plan(record, stored.next.atMs, stored.next.to);
  }

  app(clientId: string): AppRegistration | undefined {
    return this.#appsById.get(clientId.toLowerCase());
  }

  user(objectId: string): UserAccount | undefined {
    return this.#usersById.get(objectId.toLowerCase());
  }

  /** Adds (or replaces) a machine. */
  addMachine(seed: MachineSeed): MachineRecord {
    const previous = this.#machines.get(seed.id.toLowerCase());
    if (previous) this.#machineIdByName.delete(previous.entity.computerDnsName?.toLowerCase() ?? '');
    const { online, outcome, restricted, isolation, ...rest } = structuredClone(seed.sim ?? {});
    const record: MachineRecord = {
      entity: machineEntity(seed),
      behaviour: {
        online: online ?? true,
        outcome: outcome ?? 'succeed',
        restricted: restricted ?? false,
        isolation: isolation ?? 'None',
        ...rest,
      },
    };
    if (previous) this.#inactiveDue = this.#inactiveDue.filter((due) => due.record !== previous);
    const { offboardedAt } = record.behaviour;
    if (offboardedAt !== undefined && record.entity.healthStatus !== 'Inactive') {
      this.#inactiveDue.push({ record, atMs: parseTimestamp(offboardedAt) + OFFBOARDED_INACTIVE_AFTER_MS });
    }
    this.#machines.set(record.entity.id, record);
    if (record.entity.computerDnsName)
      this.#machineIdByName.set(record.entity.computerDnsName.toLowerCase(), record.entity.id);
    return record;
  }

  /** A machine by device id (case-insensitive) or computer DNS name, as `GET /api/machines/{id}` accepts. */
  machine(idOrName: string): MachineRecord | undefined {
    const key = idOrName.toLowerCase();
    return this.#machines.get(key) ?? this.#machines.get(this.#machineIdByName.get(key) ?? '');
  }

  machines(): IterableIterator<MachineRecord> {
    return this.#machines.values();
  }

  /** Changes how a machine behaves; going online lets its Pending actions proceed, offline holds them. */
  setBehaviour(record: MachineRecord, change: MachineBehaviour, now: number): void {
    const wasOnline = record.behaviour.online;
    Object.assign(record.behaviour, structuredClone(change));
    if (change.offboardedAt !== undefined) {
      this.#inactiveDue = this.#inactiveDue.filter((due) => due.record !== record);
      const atMs = parseTimestamp(change.offboardedAt) + OFFBOARDED_INACTIVE_AFTER_MS;
      if (record.entity.healthStatus !== 'Inactive') this.#inactiveDue.push({ record, atMs });
    }
    if (change.online === undefined || change.online === wasOnline) return;
    for (const active of this.#activeOn(record.entity.id)) {
      if (active.action.status === 'Pending') this.#planFromPending(active, now);
    }
  }

  action(id: string): StoredAction | undefined {
    return this.#actions.get(id.toLowerCase())?.action;
  }

  /**
   * The Pending or InProgress action of `type` on a machine, if any (O(1)). StopAndQuarantineFile actions
   * are told apart by file: give its SHA-1.
   */
  activeAction(
    machineId: string,
    type: MachineActionType,
    fileIdentifier?: string,
  ): StoredAction | undefined {
    return this.#activeByMachineAndType.get(activeKey(machineId, type, fileIdentifier))?.action;
  }

  /** Records a package download link (the oldest links go once there are too many). */
  addPackageLink(link: PackageLink): void {
    this.#packageLinks.set(link.token, { ...link });
    if (this.#packageLinks.size > MAX_PACKAGE_LINKS) {
      const oldest = this.#packageLinks.keys().next().value;
      if (oldest !== undefined) this.#packageLinks.delete(oldest);
    }
  }

  /** A package download link by its token. */
  packageLink(token: string): PackageLink | undefined {
    return this.#packageLinks.get(token);
  }

  /** Actions on one machine, oldest first (per-machine index). */
  *actionsOn(machineId: string): IterableIterator<StoredAction> {
    for (const record of this.#actionsByMachine.get(machineId.toLowerCase())?.oldestFirst() ?? []) {
      yield record.action;
    }
  }

  /** Actions on one machine, newest first, read lazily (a `$top=10` page reads ten). */
  *actionsOnNewestFirst(machineId: string): IterableIterator<StoredAction> {
    for (const record of this.#actionsByMachine.get(machineId.toLowerCase())?.newestFirst() ?? []) {
      yield record.action;
    }
  }

  /** Every action of the tenant, oldest first. */
  *allActions(): IterableIterator<StoredAction> {
    for (const record of this.#log.oldestFirst()) yield record.action;
  }

  /** Every action of the tenant, newest first, read lazily. */
  *allActionsNewestFirst(): IterableIterator<StoredAction> {
    for (const record of this.#log.newestFirst()) yield record.action;
  }

  #logAction(record: ActionRecord): void {
    this.#log.push(record);
    const machineId = record.action.machineId?.toLowerCase() ?? '';
    let onMachine = this.#actionsByMachine.get(machineId);
    if (!onMachine) {
      onMachine = new ActionLog<ActionRecord>();
      this.#actionsByMachine.set(machineId, onMachine);
    }
    onMachine.push(record);
  }

  /** Creates a Pending action and plans its lifecycle. */
  createAction(input: NewAction, id: string, now: number, lastUpdateDelayMs: number): StoredAction {
    const machine = input.machine.entity;
    const action: StoredAction = {
      id,
      type: input.type,
      title: null,
      requestor: input.requestor,
      requestorComment: input.requestorComment,
      status: 'Pending',
      machineId: machine.id,
      computerDnsName: machine.computerDnsName,
      creationDateTimeUtc: formatTimestamp(now),
      // The service stamps lastUpdate a few microseconds after creation (payloads 01, 05).
      lastUpdateDateTimeUtc: formatTimestamp(now + lastUpdateDelayMs),
      cancellationRequestor: null,
      cancellationComment: null,
      cancellationDateTimeUtc: null,
      errorHResult: 0,
      scope: input.scope ?? null,
      externalId: null,
      requestSource: 'PublicApi',
      relatedFileInfo: input.relatedFileInfo ?? null,
      commands: [],
      troubleshootInfo: null,
    };
    const record: ActionRecord = {
      action,
      createdAtMs: now,
      version: 0,
      next: undefined,
      finishedAtMs: undefined,
      dropped: false,
    };
    this.#actions.set(id, record);
    this.#logAction(record);
    this.#activeByMachineAndType.set(activeKeyOf(action), record);
    this.#planFromPending(record, now);
    this.onStatusChange?.(action, now);
    return action;
  }

  /** Cancels an active action (the same action id is reused, as the service does). */
  cancelAction(id: string, requestor: string, comment: string, now: number): StoredAction {
    const record = this.#actions.get(id.toLowerCase());
    if (!record) throw new Error(`cancelAction: unknown action ${id}`);
    this.#finish(record, 'Cancelled', now);
    record.action.cancellationRequestor = requestor;
    record.action.cancellationComment = comment;
    record.action.cancellationDateTimeUtc = formatTimestamp(now);
    return record.action;
  }

  /**
   * Applies every lifecycle transition due at or before `now`, each stamped with its own due time, then
   * drops the final actions the retention policy no longer keeps.
   */
  settle(now: number): void {
    this.#advanceLifecycle(now);
    if (this.#inactiveDue.length > 0) this.#markOffboardedInactive(now);
    this.#applyRetention(now);
  }

  #markOffboardedInactive(now: number): void {
    this.#inactiveDue = this.#inactiveDue.filter(({ record, atMs }) => {
      if (atMs > now) return true;
      record.entity.healthStatus = 'Inactive';
      return false;
    });
  }

  #advanceLifecycle(now: number): void {
    while (this.#schedule.peekKey() <= now) {
      const due = this.#schedule.peekKey();
      const entry = this.#schedule.pop()!;
      const { record } = entry;
      if (entry.version !== record.version || isTerminal(record.action.status)) continue;
      if (entry.to === 'InProgress') {
        record.action.status = 'InProgress';
        record.action.lastUpdateDateTimeUtc = formatTimestamp(due);
        this.onStatusChange?.(record.action, due);
        const machine = this.#machines.get(record.action.machineId ?? '');
        const executionMs = machine?.behaviour.executionMs ?? this.#lifecycle.executionMs;
        const outcome = machine?.behaviour.outcome === 'fail' ? 'Failed' : 'Succeeded';
        this.#plan(record, due + executionMs, outcome);
      } else {
        this.#finish(record, entry.to, due);
      }
    }
  }

  #planFromPending(record: ActionRecord, now: number): void {
    const machine = this.#machines.get(record.action.machineId ?? '');
    if (machine?.behaviour.online) {
      this.#plan(
        record,
        now + (machine.behaviour.pickupDelayMs ?? this.#lifecycle.pickupDelayMs),
        'InProgress',
      );
    } else {
      this.#plan(record, record.createdAtMs + this.#lifecycle.offlineTimeoutMs, 'TimeOut');
    }
  }

  #plan(record: ActionRecord, due: number, to: MachineActionStatus): void {
    record.version += 1;
    record.next = { atMs: due, to };
    this.#schedule.push(due, { record, version: record.version, to });
  }

  #finish(record: ActionRecord, status: MachineActionStatus, at: number): void {
    record.version += 1;
    record.next = undefined;
    record.finishedAtMs = at;
    this.#finished.push(record);
    const { action } = record;
    action.status = status;
    action.lastUpdateDateTimeUtc = formatTimestamp(at);
    if (status === 'Failed') action.errorHResult = FAILED_ACTION_HRESULT;
    const key = activeKeyOf(action);
    if (this.#activeByMachineAndType.get(key) === record) this.#activeByMachineAndType.delete(key);
    this.onStatusChange?.(action, at);
    if (status !== 'Succeeded') return;
    const machine = this.#machines.get(action.machineId ?? '');
    if (machine) this.#applyEffect(machine, action, at);
  }

  /** What a Succeeded action does to its device (mde-actions-family.md §1-§7). */
  #applyEffect(machine: MachineRecord, action: StoredAction, at: number): void {
    const state = machine.behaviour;
    switch (action.type) {
      case 'RestrictCodeExecution':
        state.restricted = true;
        return;
      case 'UnrestrictCodeExecution':
        state.restricted = false;
        return;
      case 'Isolate':
        // No IsolationType sent: the device is isolated fully (inferred, open question 1).
        state.isolation = (action.scope as MachineRecord['behaviour']['isolation'] | null) ?? 'Full';
        return;
      case 'Unisolate':
        state.isolation = 'None';
        return;
      case 'RunAntiVirusScan':
        state.lastAntivirusScan = {
          scanType: action.scope === 'Full' ? 'Full' : 'Quick',
          completedAt: formatTimestamp(at),
        };
        return;
      case 'StopAndQuarantineFile': {
        const sha1 = action.relatedFileInfo?.fileIdentifier.toLowerCase();
        if (sha1 === undefined) return;
        const quarantined = state.quarantinedFiles ?? [];
        if (!quarantined.includes(sha1)) quarantined.push(sha1);
        state.quarantinedFiles = quarantined;
        return;
      }
      case 'Offboard': {
        // The sensor stops (D7): the device goes offline; its record turns Inactive 7 days later (I5).
        state.offboardedAt = formatTimestamp(at);
        state.online = false;
        this.#inactiveDue.push({ record: machine, atMs: at + OFFBOARDED_INACTIVE_AFTER_MS });
        for (const active of this.#activeOn(machine.entity.id)) {
          if (active.action.status === 'Pending') this.#planFromPending(active, at);
        }
        return;
      }
      default:
        return;
    }
  }

  /** Drops final actions past the retention policy, oldest-ended first. O(1) when nothing is due. */
  #applyRetention(now: number): void {
    const { maxAgeMs, maxFinalActions } = this.#retention;
    const oldestKept = maxAgeMs === null ? Number.NEGATIVE_INFINITY : now - maxAgeMs;
    const limit = maxFinalActions ?? Number.POSITIVE_INFINITY;
    let dropped = 0;
    while (this.#finishedHead < this.#finished.length) {
      const record = this.#finished[this.#finishedHead]!;
      const over = this.#finished.length - this.#finishedHead > limit;
      if (!over && (record.finishedAtMs ?? now) >= oldestKept) break;
      this.#finishedHead += 1;
      this.#drop(record);
      dropped += 1;
    }
    // Compact the queue once its dropped prefix is large, so it does not grow without bound.
    if (dropped > 0 && this.#finishedHead > 1024 && this.#finishedHead * 2 > this.#finished.length) {
      this.#finished = this.#finished.slice(this.#finishedHead);
      this.#finishedHead = 0;
    }
  }

  #drop(record: ActionRecord): void {
    if (record.dropped) return; // each log counts a drop once
    const { action } = record;
    this.#actions.delete(action.id.toLowerCase());
    record.dropped = true;
    this.#log.drop(record);
    const machineId = action.machineId?.toLowerCase() ?? '';
    const onMachine = this.#actionsByMachine.get(machineId);
    if (!onMachine) return;
    onMachine.drop(record);
    if (onMachine.size === 0) this.#actionsByMachine.delete(machineId);
  }

  *#activeOn(machineId: string): IterableIterator<ActionRecord> {
    for (const record of this.#actionsByMachine.get(machineId)?.oldestFirst() ?? []) {
      if (!isTerminal(record.action.status)) yield record;
    }
  }
}

function activeKey(machineId: string, type: string, fileIdentifier?: string): string {
  return fileIdentifier === undefined
    ? `${machineId.toLowerCase()}|${type}`
    : `${machineId.toLowerCase()}|${type}|${fileIdentifier.toLowerCase()}`;
}

function activeKeyOf(action: StoredAction): string {
  return activeKey(action.machineId ?? '', action.type, action.relatedFileInfo?.fileIdentifier);
}

/** A full Machine entity in wire key order (payload 16), defaults filled for fields a seed leaves out. */
function machineEntity(seed: MachineSeed): Machine {
  return {
    id: seed.id.toLowerCase(),
    mergedIntoMachineId: seed.mergedIntoMachineId ?? null,
    isPotentialDuplication: seed.isPotentialDuplication ?? false,
    isExcluded: seed.isExcluded ?? false,
    exclusionReason: seed.exclusionReason ?? null,
    computerDnsName: seed.computerDnsName,
    firstSeen: seed.firstSeen ?? '2026-01-05T09:12:44.1372206Z',
    lastSeen: seed.lastSeen ?? '2026-11-28T17:40:05.684607Z',
    osPlatform: seed.osPlatform ?? 'Windows11',
    osVersion: seed.osVersion ?? null,
    osProcessor: seed.osProcessor ?? 'x64',
    version: seed.version ?? '24H2',
    lastIpAddress: seed.lastIpAddress ?? '10.0.0.4',
    lastExternalIpAddress: seed.lastExternalIpAddress ?? '203.0.113.10',
    agentVersion: seed.agentVersion ?? '10.8760.26100.2314',
    osBuild: seed.osBuild ?? 26100,
    healthStatus: seed.healthStatus ?? 'Active',
    deviceValue: seed.deviceValue ?? 'Normal',
    rbacGroupId: seed.rbacGroupId ?? 0,
    rbacGroupName: seed.rbacGroupName ?? null,
    riskScore: seed.riskScore ?? 'None',
    exposureLevel: seed.exposureLevel ?? 'Low',
    isAadJoined: seed.isAadJoined ?? true,
    aadDeviceId: seed.aadDeviceId ?? null,
    machineTags: seed.machineTags ?? [],
    defenderAvStatus: seed.defenderAvStatus ?? 'Updated',
    onboardingStatus: seed.onboardingStatus ?? 'Onboarded',
    osArchitecture: seed.osArchitecture ?? '64-bit',
    managedBy: seed.managedBy ?? 'Intune',
    managedByStatus: seed.managedByStatus ?? 'Success',
    ipAddresses: seed.ipAddresses ?? [],
    vmMetadata: seed.vmMetadata ?? null,
  } as Machine;
}

/**
 * A seed's history entry as the API serializes actions: every key in wire order, the ones the seed left out
 * filled as the service fills them for such an action (null, 0, `PublicApi`, no commands).
 */
function historyAction(
  given: NonNullable<TenantSeed['history']>[number],
  machine: MachineRecord | undefined,
): StoredAction {
  return {
    id: given.id.toLowerCase(),
    type: given.type,
    title: given.title ?? null,
    requestor: given.requestor ?? null,
    requestorComment: given.requestorComment ?? null,
    status: given.status,
    machineId: machine?.entity.id ?? given.machineId,
    computerDnsName: given.computerDnsName ?? machine?.entity.computerDnsName ?? null,
    creationDateTimeUtc: given.creationDateTimeUtc,
    lastUpdateDateTimeUtc: given.lastUpdateDateTimeUtc,
    cancellationRequestor: given.cancellationRequestor ?? null,
    cancellationComment: given.cancellationComment ?? null,
    cancellationDateTimeUtc: given.cancellationDateTimeUtc ?? null,
    errorHResult: given.errorHResult ?? (given.status === 'Failed' ? FAILED_ACTION_HRESULT : 0),
    scope: given.scope ?? null,
    externalId: given.externalId ?? null,
    requestSource: given.requestSource ?? 'PublicApi',
    relatedFileInfo: given.relatedFileInfo ?? null,
    commands: given.commands ?? [],
    troubleshootInfo: given.troubleshootInfo ?? null,
  } as StoredAction;
}
